import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore, recordEvents } from './make-core';
import type { Core } from '../../src/main/core/create-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';

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

  it('resumes with `since` after the engine restarts: a change made before Wharf reconnected still arrives, once', async () => {
    // A long first backoff leaves time to change the engine between its restart and Wharf's reconnect.
    const core = makeCore(engine.host, { initialMs: 6000, maxMs: 6000 });
    const recorder = recordEvents(core);
    try {
      await core.start();
      await engine.cliOk(['volume', 'create', 'before-restart']);
      await recorder.waitFor((ev) => ev.type === 'docker.event' && ev.event.Actor.ID === 'before-restart');
      await engine.stop();
      await recorder.waitFor((ev) => ev.type === 'engine.state' && ev.status.state === 'not-running');
      await engine.start();
      await engine.cliOk(['volume', 'create', 'while-away']);
      expect(core.connection.status().state).toBe('not-running');
      await recorder.waitFor((ev) => ev.type === 'engine.state' && ev.status.state === 'connected', 20_000);
      await recorder.waitFor((ev) => ev.type === 'docker.event' && ev.event.Actor.ID === 'while-away');
      const creates = recorder.events.filter((ev) => ev.type === 'docker.event' && ev.event.Action === 'create');
      const ids = creates.map((ev) => (ev.type === 'docker.event' ? ev.event.Actor.ID : ''));
      expect(ids.filter((id) => id === 'before-restart')).toHaveLength(1);
      expect(ids.filter((id) => id === 'while-away')).toHaveLength(1);
    } finally {
      recorder.stop();
      core.stop();
    }
  });
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
