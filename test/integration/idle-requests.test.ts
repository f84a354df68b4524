import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { call, makeCore, recordEvents } from './make-core';

/**
 * The shortest timer that could make the core ask the engine unprompted is the reconnect loop to a local socket
 * (tried at least every second while the engine is away). Written here, not imported: the window must not shrink
 * with the code it checks. The idle window is at least twice that.
 */
const SHORTEST_POLL_MS = 1_000;
const IDLE_WINDOW_MS = 4 * SHORTEST_POLL_MS;

describe('idle means no engine requests besides the events stream', () => {
  let engine: PrivateEngine;
  let proxy: CountingProxy;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'idle' });
    await importBusybox(engine);
    for (let i = 0; i < 3; i++) await runContainer(engine, ['busybox', 'sleep', '600']);
    proxy = await startCountingProxy(engine.socketPath);
  });

  afterAll(async () => {
    await proxy?.close();
    await engine?.destroy();
  });

  it('makes the version probe and one /events request to connect, then nothing while nothing changes', async () => {
    const core = makeCore(proxy.host);
    const recorder = recordEvents(core);
    try {
      await core.start();
      await call(core, 'engine.facts');
      const afterConnect = [...proxy.requests];
      expect(afterConnect.filter((r) => r.includes('/events'))).toHaveLength(1);
      await new Promise((r) => setTimeout(r, IDLE_WINDOW_MS));
      expect(proxy.requests).toEqual(afterConnect);
      // And the stream is alive: a change still arrives without any new request.
      await engine.cliOk(['volume', 'create', 'idle-probe']);
      await recorder.waitFor((e) => e.type === 'docker.event' && e.event.Actor.ID === 'idle-probe');
      expect(proxy.requests).toEqual(afterConnect);
    } finally {
      recorder.stop();
      core.stop();
    }
  });
});
