import { homedir } from 'node:os';
import { systemClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import type { Logger } from '../../src/main/core/log';
import { createManualRunner } from '../../src/main/core/privilege/privilege-runner';
import type { ChannelOutput, Channel } from '../../src/shared/contract';
import type { WharfEvent } from '../../src/shared/events';

/**
 * The real core, as web mode builds it, pointed at an engine the test owns. A short reconnect backoff unless the
 * test asks for 'production' (web mode's own defaults, no test seams).
 */
export function makeCore(dockerHost: string, backoff: { initialMs: number; maxMs: number } | 'production' = { initialMs: 200, maxMs: 1000 }): Core {
  return createCore({
    app: { version: 'test', mode: 'web', platform: process.platform },
    dockerHost,
    env: { PATH: process.env.PATH },
    paths: { home: homedir() },
    clock: systemClock,
    createDockerClient: createDockerodeClient,
    privilegeRunner: createManualRunner(),
    ...(backoff === 'production' ? {} : { backoff }),
  });
}

/**
 * The real core with the environment and home a test gives it (its own DOCKER_CONFIG, an `ssh` on PATH…), so that
 * nothing of the user running the tests is read or written; `dockerHost` is `--docker-host` when given.
 */
export function makeCoreIn(options: { dockerHost?: string; env: Record<string, string | undefined>; home: string; logger?: Logger }): Core {
  return createCore({
    app: { version: 'test', mode: 'web', platform: process.platform },
    ...(options.dockerHost !== undefined ? { dockerHost: options.dockerHost } : {}),
    env: { PATH: process.env.PATH, ...options.env },
    paths: { home: options.home },
    clock: systemClock,
    createDockerClient: createDockerodeClient,
    privilegeRunner: createManualRunner(),
    backoff: { initialMs: 200, maxMs: 1000 },
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

/** Calls a channel and returns its value, failing the test with the envelope's error otherwise. */
export async function call<C extends Channel>(core: Core, channel: C, input: unknown = {}): Promise<ChannelOutput<C>> {
  const envelope = await core.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as ChannelOutput<C>;
}

/** Collects the core's events and waits for one that matches. */
export function recordEvents(core: Core): { events: WharfEvent[]; waitFor(pred: (e: WharfEvent) => boolean, timeoutMs?: number): Promise<WharfEvent>; stop(): void } {
  const events: WharfEvent[] = [];
  const waiters = new Set<{ pred: (e: WharfEvent) => boolean; resolve: (e: WharfEvent) => void }>();
  const stop = core.subscribe((e) => {
    events.push(e);
    for (const w of [...waiters]) {
      if (w.pred(e)) {
        waiters.delete(w);
        w.resolve(e);
      }
    }
  });
  return {
    events,
    stop,
    waitFor(pred, timeoutMs = 15_000) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { pred, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`no matching event within ${timeoutMs} ms; got: ${events.map((e) => (e.type === 'docker.event' ? `${e.event.Type}/${e.event.Action}` : e.type === 'engine.state' ? `state:${e.status.state}` : e.type)).join(', ')}`));
        }, timeoutMs);
      });
    },
  };
}
