import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { probe, sleep } from '../support/http-probe';
import { call, makeCore, recordEvents } from './make-core';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import type { WharfEvent } from '../../src/shared/events';

/** File watches this process holds (inotify watches of its inotify descriptors): a leaked fs.watch shows here. */
function inotifyWatches(): number {
  let watches = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (!target.includes('inotify')) continue;
    try {
      watches += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').filter((line) => line.startsWith('inotify wd:')).length;
    } catch {
      // closed in the meantime
    }
  }
  return watches;
}

describe('engine connection against a private dockerd', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'conn' });
    core = makeCore(engine.host);
    await core.start();
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('connects and negotiates the API version the engine supports', async () => {
    const status = await call(core, 'engine.status');
    const server = JSON.parse((await engine.cliOk(['version', '--format', '{{json .Server}}'])).stdout) as { Version: string; ApiVersion: string };
    expect(status.state).toBe('connected');
    expect(status.endpoint).toMatchObject({ host: engine.host, source: 'flag' });
    expect(status.serverVersion).toBe(server.Version);
    // Never above what the engine speaks (the private engine is 20.10: API 1.41).
    expect(status.apiVersion).toBe(server.ApiVersion);
  });

  it('reports the same engine facts as `docker info`', async () => {
    await importBusybox(engine);
    await runContainer(engine, ['--name', 'facts-running', 'busybox', 'sleep', '600']);
    const paused = await runContainer(engine, ['--name', 'facts-paused', 'busybox', 'sleep', '600']);
    await engine.cliOk(['pause', paused]);
    await engine.cliOk(['create', '--name', 'facts-created', 'busybox', 'true']);
    const facts = await call(core, 'engine.facts');
    const info = JSON.parse((await engine.cliOk(['info', '--format', '{{json .}}'])).stdout) as Record<string, unknown> & {
      RegistryConfig: { Mirrors: string[] | null };
    };
    expect(facts.serverVersion).toBe(info.ServerVersion);
    expect(facts.storageDriver).toBe(info.Driver);
    expect(facts.dockerRootDir).toBe(info.DockerRootDir);
    expect(facts.operatingSystem).toBe(info.OperatingSystem);
    expect(facts.containers.running).toBeGreaterThanOrEqual(1);
    expect(facts.containers.paused).toBe(1);
    expect(facts.containers).toEqual({
      total: info.Containers,
      running: info.ContainersRunning,
      paused: info.ContainersPaused,
      stopped: info.ContainersStopped,
    });
    expect(facts.images).toBe(info.Images);
    expect(facts.registryMirrors).toEqual(info.RegistryConfig.Mirrors ?? []);
  });

  it('answers every engine call with engine-unreachable while the engine is stopped, and comes back by itself', async () => {
    const recorder = recordEvents(core);
    try {
      await engine.stop();
      await recorder.waitFor((e) => e.type === 'engine.state' && e.status.state === 'not-running');
      const envelope = await core.invoke('engine.facts', {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
      await engine.start();
      await recorder.waitFor((e) => e.type === 'engine.state' && e.status.state === 'connected');
      expect((await call(core, 'engine.facts')).serverVersion).toBeTruthy();
    } finally {
      recorder.stop();
    }
  });
});

describe('events stream', () => {
  let engine: PrivateEngine;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'events' });
  });

  afterAll(async () => {
    await engine?.destroy();
  });

  it('delivers changes made with the CLI as docker events', async () => {
    const core = makeCore(engine.host);
    const recorder = recordEvents(core);
    try {
      await core.start();
      await engine.cliOk(['volume', 'create', 'cli-made']);
      const e = await recorder.waitFor((ev) => ev.type === 'docker.event' && ev.event.Type === 'volume' && ev.event.Actor.ID === 'cli-made');
      expect(e.type === 'docker.event' && e.event.Action).toBe('create');
    } finally {
      recorder.stop();
      core.stop();
    }
  });

  it('resumes with `since` after the engine restarts: what the engine did before Wharf reconnected still arrives, once', async () => {
    await importBusybox(engine);
    const core = makeCore(engine.host);
    const recorder = recordEvents(core);
    try {
      await core.start();
      await engine.cliOk(['volume', 'create', 'before-restart']);
      await recorder.waitFor((ev) => ev.type === 'docker.event' && ev.event.Actor.ID === 'before-restart');
      const id = await runContainer(engine, ['--name', 'comes-back', '--restart', 'always', 'busybox', 'sleep', '600']);
      const isStart = (ev: WharfEvent): boolean => ev.type === 'docker.event' && ev.event.Type === 'container' && ev.event.Action === 'start' && ev.event.Actor.ID === id;
      const firstStart = await recorder.waitFor(isStart);
      await engine.stop();
      await recorder.waitFor((ev) => ev.type === 'engine.state' && ev.status.state === 'not-running');
      // The engine restarts the container while it boots, before its API answers anyone: no stream can be open
      // then, so only resuming with `since` brings that start.
      await engine.start();
      await recorder.waitFor((ev) => ev.type === 'engine.state' && ev.status.state === 'connected', 20_000);
      await recorder.waitFor((ev) => isStart(ev) && ev !== firstStart, 5_000);
      // One stream delivers in order, replay first: once a change made now arrives, no duplicate can follow.
      await engine.cliOk(['volume', 'create', 'after-restart']);
      await recorder.waitFor((ev) => ev.type === 'docker.event' && ev.event.Actor.ID === 'after-restart');
      expect(recorder.events.filter(isStart)).toHaveLength(2);
      const creates = recorder.events.filter((ev) => ev.type === 'docker.event' && ev.event.Action === 'create' && ev.event.Actor.ID === 'before-restart');
      expect(creates).toHaveLength(1);
    } finally {
      recorder.stop();
      core.stop();
    }
  });
});

describe('a local engine that comes back after an outage', () => {
  let engine: PrivateEngine;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'comeback' });
  });

  afterAll(async () => {
    await engine?.destroy();
  });

  it('is connected within 2 s of its socket answering, with the production backoff, and leaves no file watch behind', async () => {
    const watchesBefore = inotifyWatches();
    const core = makeCore(engine.host, 'production');
    const recorder = recordEvents(core);
    let connectedAt: number | undefined;
    const stopTiming = core.subscribe((e) => {
      if (e.type === 'engine.state' && e.status.state === 'connected') connectedAt ??= Date.now();
    });
    try {
      await core.start();
      expect(core.connection.status().state).toBe('connected');
      await engine.stop();
      await recorder.waitFor((e) => e.type === 'engine.state' && e.status.state === 'not-running');
      const stateEvents = (): number => recorder.events.filter((e) => e.type === 'engine.state').length;
      const statesWhenDown = stateEvents();
      // Long enough that a doubling backoff from 0.5 s would wait 8 s for its next try (16 s were seen after 45 s).
      await sleep(10_000);
      expect(core.connection.status().state).toBe('not-running');
      // Trying every second is Wharf's own business: pages hear nothing until the state itself changes.
      expect(stateEvents() - statesWhenDown).toBe(0);
      // While it waits, Wharf watches the socket's folder (so the leak check below means something).
      expect(inotifyWatches()).toBeGreaterThan(watchesBefore);
      connectedAt = undefined;

      const started = engine.start();
      let answeredAt: number | undefined;
      while (answeredAt === undefined) {
        if ((await probe({ socketPath: engine.socketPath, path: '/_ping' }, 1_000))?.status === 200) answeredAt = Date.now();
        else await sleep(20);
      }
      await started;
      const deadline = Date.now() + 30_000;
      while (connectedAt === undefined && Date.now() < deadline) await sleep(20);
      expect(connectedAt, 'connected again').toBeDefined();
      expect(connectedAt! - answeredAt).toBeLessThan(2_000);
      expect((await call(core, 'engine.facts')).serverVersion).toBeTruthy();

      // Down again, then Wharf stops while it waits: nothing it watched stays watched.
      await engine.stop();
      await recorder.waitFor((e) => e.type === 'engine.state' && e.status.state === 'not-running' && e.status.since > answeredAt!);
      core.stop();
      expect(inotifyWatches()).toBe(watchesBefore);
    } finally {
      stopTiming();
      recorder.stop();
      core.stop();
      await engine.start();
    }
  }, 90_000);
});

describe('engine states without a usable engine', () => {
  let closedPort: number;
  let listener: Server;

  beforeAll(async () => {
    // Take a free port and close it again: nothing listens there.
    listener = createServer();
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', () => r()));
    closedPort = (listener.address() as { port: number }).port;
    await new Promise<void>((r) => listener.close(() => r()));
  });

  it('calls a missing local socket "not running" (docker is installed here)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-nosock-'));
    const core = makeCore(`unix://${join(dir, 'docker.sock')}`);
    try {
      await core.start();
      const status = await call(core, 'engine.status');
      expect(status.state).toBe('not-running');
      expect(status.detail).toMatch(/ENOENT/);
      expect(status.nextRetryAt).toBeGreaterThan(Date.now() - 1000);
      expect(await core.invoke('system.df', {})).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
    } finally {
      core.stop();
    }
  });

  it('calls a remote host that does not answer "unreachable"', async () => {
    const core = makeCore(`tcp://127.0.0.1:${closedPort}`);
    try {
      await core.start();
      const status = await call(core, 'engine.status');
      expect(status.state).toBe('unreachable');
      expect(status.detail).toMatch(/ECONNREFUSED/);
    } finally {
      core.stop();
    }
  });
});
