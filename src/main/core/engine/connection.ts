import type Docker from 'dockerode';
import type { EngineEndpoint, EngineState, EngineStatus } from '../../../shared/engine';
import { negotiateApiVersion } from '../../../shared/engine';
import type { DockerEvent } from '../../../shared/events';
import type { Clock } from '../clock';
import { WharfError } from '../errors';
import type { EventBus } from '../event-bus';
import { classifyFailure, type FailureProbe } from './classify-failure';
import { isProbeEvent } from './engine-normalize';
import { socketPathOf, type DockerClientFactory } from './docker-client';
import type { EngineVersion } from './engine-types';
import { watchSocket } from './socket-watch';

export interface EngineConnection {
  status(): EngineStatus;
  /** The negotiated client; throws a WharfError with the state's code when the engine is not usable. */
  client(): Docker;
  version(): EngineVersion;
  /** First attempt; resolves with the state after it (never rejects). */
  start(): Promise<EngineStatus>;
  /** Attempt now, cancelling a pending backoff. */
  reconnectNow(): Promise<EngineStatus>;
  stop(): void;
}

export interface ConnectionDeps {
  endpoint: EngineEndpoint;
  createClient: DockerClientFactory;
  clock: Clock;
  bus: EventBus;
  probe: FailureProbe;
  /** Backoff between attempts while the engine is not usable. */
  backoff?: { initialMs: number; maxMs: number };
  /** Longest wait between attempts on a local socket: a try there is one cheap syscall. */
  localMaxMs?: number;
  /** How long one /version request may take before the engine counts as not answering. */
  attemptTimeoutMs?: number;
}

/** The promise's answer, or an ETIMEDOUT error after `ms` (the clock's own timer, so tests can drive it). */
export function withTimeout<T>(promise: Promise<T>, ms: number, clock: Clock): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
    promise.then(
      (v) => {
        clock.clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clock.clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Remote engines back off up to 30 s; a local socket is tried at least every second (see localMaxMs). */
export function reconnectBackoff(deps: Pick<ConnectionDeps, 'backoff' | 'localMaxMs'>, local: boolean): { initialMs: number; maxMs: number } {
  const chosen = deps.backoff ?? { initialMs: 500, maxMs: 30_000 };
  if (!local) return chosen;
  const cap = deps.localMaxMs ?? 1_000;
  return { initialMs: Math.min(chosen.initialMs, cap), maxMs: Math.min(chosen.maxMs, cap) };
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps one connection to the engine: negotiates the API version, follows /events (the only request while
 * idle), and on any break reclassifies the state and reconnects with backoff, resuming events with `since`.
 */
export function createEngineConnection(deps: ConnectionDeps): EngineConnection {
  const socketPath = socketPathOf(deps.endpoint);
  const backoff = reconnectBackoff(deps, socketPath !== undefined);
  const attemptTimeoutMs = deps.attemptTimeoutMs ?? 10_000;
  let current: EngineStatus = { state: 'connecting', endpoint: deps.endpoint, since: deps.clock.now() };
  let docker: Docker | undefined;
  let engineVersion: EngineVersion | undefined;
  let retryDelay = backoff.initialMs;
  let retryTimer: unknown;
  let stopped = false;
  let attempt: Promise<EngineStatus> | undefined;
  let eventsStream: NodeJS.ReadableStream | undefined;
  // Resume point for /events after a reconnect: last event's time (seconds) and the keys seen in that second.
  let lastEventTime: number | undefined;
  let seenInLastSecond = new Set<string>();
  let generation = 0;
  let unwatch: (() => void) | undefined;
  /** The socket changed while an attempt was under way: try again at once if that attempt fails. */
  let wokenDuringAttempt = false;

  const setStatus = (next: Omit<EngineStatus, 'since' | 'endpoint'>): void => {
    const changed = next.state !== current.state || next.detail !== current.detail || next.apiVersion !== current.apiVersion;
    current = { ...next, endpoint: deps.endpoint, since: changed ? deps.clock.now() : current.since };
    // A retry that ends as the last one did tells the pages nothing: they hear only real changes.
    if (changed) deps.bus.emit({ type: 'engine.state', status: current });
  };

  const scheduleRetry = (): number => {
    const delay = wokenDuringAttempt ? 0 : retryDelay;
    wokenDuringAttempt = false;
    const due = deps.clock.now() + delay;
    if (retryTimer !== undefined) deps.clock.clearTimeout(retryTimer);
    retryTimer = deps.clock.setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    retryDelay = Math.min(retryDelay * 2, backoff.maxMs);
    return due;
  };

  const stopWatching = (): void => {
    unwatch?.();
    unwatch = undefined;
    wokenDuringAttempt = false;
  };

  /** Something happened to the local socket: the engine may be back, so try now rather than at the next step. */
  const onSocketChange = (): void => {
    if (stopped || docker) return;
    if (attempt) {
      wokenDuringAttempt = true;
      return;
    }
    if (retryTimer !== undefined) deps.clock.clearTimeout(retryTimer);
    retryTimer = undefined;
    void connect();
  };

  const fail = (state: EngineState, error: unknown): EngineStatus => {
    docker = undefined;
    if (stopped) return current;
    if (socketPath !== undefined && unwatch === undefined) unwatch = watchSocket(socketPath, onSocketChange);
    const nextRetryAt = scheduleRetry();
    setStatus({ state, detail: detailOf(error), nextRetryAt });
    return current;
  };

  const eventKey = (e: DockerEvent): string => `${e.timeNano}|${e.Type}|${e.Action}|${e.Actor.ID}`;

  const onEvent = (e: DockerEvent): void => {
    // Wharf's own probe (containers.logUsage) is not the user's: its events move no list.
    if (isProbeEvent(e)) return;
    const key = eventKey(e);
    if (lastEventTime !== undefined && e.time < lastEventTime) return;
    if (e.time === lastEventTime) {
      if (seenInLastSecond.has(key)) return;
    } else {
      lastEventTime = e.time;
      seenInLastSecond = new Set();
    }
    seenInLastSecond.add(key);
    deps.bus.emit({ type: 'docker.event', event: e });
  };

  const followEvents = async (client: Docker, myGeneration: number): Promise<void> => {
    const since = lastEventTime;
    const stream = await client.getEvents(since === undefined ? {} : { since });
    if (myGeneration !== generation || stopped) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return;
    }
    eventsStream = stream;
    let buffer = '';
    stream.on('data', (chunk: Buffer | string) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line) continue;
        try {
          onEvent(JSON.parse(line) as DockerEvent);
        } catch {
          // A malformed line is dropped; the stream itself goes on.
        }
      }
    });
    let ended = false;
    const onBreak = (): void => {
      if (ended) return;
      ended = true;
      if (myGeneration !== generation || stopped) return;
      // Resume from here even if no event came yet, so nothing in between is missed.
      lastEventTime ??= Math.floor(deps.clock.now() / 1000);
      // The stream broke: the engine stopped or the connection dropped. Find out which, then reconnect.
      docker = undefined;
      void connect();
    };
    stream.on('end', onBreak);
    stream.on('close', onBreak);
    stream.on('error', onBreak);
  };

  const connect = (): Promise<EngineStatus> => {
    if (attempt) return attempt;
    attempt = (async (): Promise<EngineStatus> => {
      const myGeneration = ++generation;
      try {
        const probeClient = deps.createClient(deps.endpoint);
        const version = (await withTimeout(probeClient.version(), attemptTimeoutMs, deps.clock)) as EngineVersion;
        const apiVersion = negotiateApiVersion(version.ApiVersion);
        const client = deps.createClient(deps.endpoint, apiVersion);
        if (stopped) return current;
        await followEvents(client, myGeneration);
        docker = client;
        engineVersion = version;
        retryDelay = backoff.initialMs;
        stopWatching();
        setStatus({ state: 'connected', apiVersion, serverVersion: version.Version });
        return current;
      } catch (error) {
        const state = classifyFailure(error, deps.endpoint, deps.probe);
        return fail(state, error);
      }
    })().finally(() => {
      attempt = undefined;
    });
    return attempt;
  };

  return {
    status: () => current,
    client() {
      if (docker) return docker;
      if (current.state === 'permission-denied') throw new WharfError('permission-denied', current.detail ?? 'permission denied on the Docker socket');
      throw new WharfError('engine-unreachable', current.detail ?? `the Docker engine is ${current.state}`);
    },
    version() {
      if (!engineVersion || !docker) throw new WharfError('engine-unreachable', `the Docker engine is ${current.state}`);
      return engineVersion;
    },
    start: () => connect(),
    reconnectNow() {
      if (current.state === 'connected') return Promise.resolve(current);
      if (retryTimer !== undefined) deps.clock.clearTimeout(retryTimer);
      retryTimer = undefined;
      retryDelay = backoff.initialMs;
      return connect();
    },
    stop() {
      stopped = true;
      generation++;
      if (retryTimer !== undefined) deps.clock.clearTimeout(retryTimer);
      retryTimer = undefined;
      stopWatching();
      (eventsStream as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined)?.destroy?.();
      eventsStream = undefined;
      docker = undefined;
    },
  };
}
