/**
 * The `compose.logs` stream: `docker compose logs [-f] [SERVICE…]` from the engine itself. Each container of the
 * project (one-off `run` containers aside) is read as `docker logs` reads it, and each line says which container
 * it came from as compose prefixes it ("web-1"). Following, a container of the project that starts later — one
 * recreated by `up`, or restarted — joins the stream (compose's own `logs -f` loses a recreated container).
 */
import { COMPOSE_LABELS } from '../../../shared/compose';
import type { DockerEvent, WharfEvent } from '../../../shared/events';
import type { EngineApi } from '../engine/engine-api';
import type { EngineContainerSummary } from '../engine/engine-types';
import { readContainerLog } from '../streams/container-logs';
import { createLogBatcher } from '../streams/log-batcher';
import type { StreamHandler } from '../streams/stream-hub';

const CONTAINER_NUMBER = 'com.docker.compose.container-number';

/** "web-1", as compose names a container in its log prefix. */
export function sourceOf(labels: Record<string, string> | undefined): string {
  const service = labels?.[COMPOSE_LABELS.service] ?? '';
  const number = labels?.[CONTAINER_NUMBER];
  return number ? `${service}-${number}` : service;
}

export interface ComposeLogsDeps {
  engine: EngineApi;
  /** The engine's events (the session's bus): containers that start while the stream is open. */
  subscribe(listener: (event: WharfEvent) => void): () => void;
}

export function composeLogsHandler(deps: ComposeLogsDeps): StreamHandler<'compose.logs'> {
  return async (input, ctx) => {
    const wanted = (labels: Record<string, string> | undefined): boolean =>
      labels?.[COMPOSE_LABELS.project] === input.project &&
      labels[COMPOSE_LABELS.oneoff] !== 'True' &&
      (input.services === undefined || input.services.includes(labels[COMPOSE_LABELS.service] ?? ''));
    const batcher = createLogBatcher(ctx);
    const reading = new Map<string, Promise<void>>();
    const read = (id: string, source: string, since: number, tail: number | 'all'): Promise<void> => {
      const done = readContainerLog(deps.engine, id, { follow: input.follow, tail, since, timestamps: input.timestamps }, ctx.signal, (line) => batcher.push({ ...line, source }))
        .catch(() => undefined) // a container removed meanwhile: its lines end there
        .finally(() => reading.delete(id));
      reading.set(id, done);
      return done;
    };

    const listed = await deps.engine.listContainers({ all: true, filters: JSON.stringify({ label: [`${COMPOSE_LABELS.project}=${input.project}`] }) });
    const containers = listed.filter((c: EngineContainerSummary) => wanted(c.Labels)).sort((a, b) => sourceOf(a.Labels).localeCompare(sourceOf(b.Labels)));
    if (!input.follow) {
      // One container after the other, as a whole: the merged output of `docker compose logs` without -f.
      for (const c of containers) await read(c.Id, sourceOf(c.Labels), input.since ?? 0, input.tail);
      batcher.flush();
      return;
    }
    const unsubscribe = deps.subscribe((event) => {
      if (event.type !== 'docker.event') return;
      const e: DockerEvent = event.event;
      if (e.Type !== 'container' || e.Action !== 'start' || !wanted(e.Actor.Attributes) || reading.has(e.Actor.ID)) return;
      // A new container: all it printed; the same one started again: from this start on.
      const known = containers.some((c) => c.Id === e.Actor.ID);
      void read(e.Actor.ID, sourceOf(e.Actor.Attributes), known ? e.time : 0, 'all');
    });
    try {
      for (const c of containers) void read(c.Id, sourceOf(c.Labels), input.since ?? 0, input.tail);
      await new Promise<void>((resolve) => {
        if (ctx.signal.aborted) resolve();
        else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      unsubscribe();
      batcher.flush();
    }
  };
}
