/**
 * images.pull / images.push / images.tag against a private engine and registry, compared with what the
 * docker CLI says on the same engine. A throttling loopback proxy in front of the registry makes a pull
 * slow enough to watch its layers move and to cancel it midway.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { PullResult, PushResult } from '../../src/shared/image-transfer';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, importRandomImage, pushToRegistry } from '../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { startThrottleProxy, type ThrottleProxy } from '../support/throttle-proxy';
import { call, makeCore, recordEvents } from './make-core';

const MB = 1_000_000;
const BIG_BYTES = 40 * MB;

describe('images.pull / images.push / images.tag on a private engine and registry', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let proxy: ThrottleProxy;
  let core: Core;
  let busyboxId: string;
  const bigRemote = (host: string): string => `${host}/wharf/big:1`;

  const imageId = async (ref: string): Promise<string | undefined> => {
    const r = await engine.cli(['image', 'inspect', '--format', '{{.Id}}', ref]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  };
  const imageLs = async (): Promise<string[]> => {
    const { stdout } = await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
    return stdout.split('\n').filter(Boolean);
  };
  const pull = (reference: string): Promise<TaskInfo> => call(core, 'images.pull', { reference });

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startPrivateEngine({ name: 'pullpush' }), startPrivateRegistry()]);
    core = makeCore(engine.host);
    await core.start();
    busyboxId = await importBusybox(engine, 'wharf-src/busybox:1');
    await pushToRegistry(engine, registry, 'wharf-src/busybox:1', 'library/busybox:1');
    await importRandomImage(engine, 'wharf-src/big:1', BIG_BYTES);
    await pushToRegistry(engine, registry, 'wharf-src/big:1', 'wharf/big:1');
    await engine.cliOk(['rmi', 'wharf-src/big:1', bigRemote(registry.address)]);
    proxy = await startThrottleProxy({ host: '127.0.0.1', port: registry.port }, 8 * MB);
  }, 300_000);

  afterAll(async () => {
    core?.stop();
    await proxy?.close();
    await Promise.all([engine?.destroy(), registry?.destroy()]);
  });

  it('pulls through a slow link with per-layer rows, a bar that never goes back and ≤ 10 updates per second', async () => {
    proxy.setRate(8 * MB);
    const ref = bigRemote(proxy.address);
    const updates: Array<{ task: TaskInfo; at: number }> = [];
    const stop = core.subscribe((e) => {
      if (e.type === 'task.update' && e.task.target === ref) updates.push({ task: e.task, at: Date.now() });
    });
    const started = await pull(ref);
    expect(started).toMatchObject({ kind: 'pull', target: ref, state: 'running', cancellable: true });
    const done = await core.tasks.settled(started.id);
    stop();
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');

    const tasks = updates.map((u) => u.task);
    const phases = new Set(tasks.flatMap((t) => (t.detail?.kind === 'layers' ? t.detail.layers.map((l) => l.phase) : [])));
    expect([...phases]).toEqual(expect.arrayContaining(['downloading', 'done']));
    // A download row with bytes moving, as `docker pull` draws it.
    const partial = tasks.flatMap((t) => (t.detail?.kind === 'layers' ? t.detail.layers : [])).find((l) => l.phase === 'downloading' && (l.current ?? 0) > 0 && (l.current ?? 0) < (l.total ?? 0));
    expect(partial?.total).toBeGreaterThan(BIG_BYTES * 0.9);
    // The bar reaches the end only when every layer has.
    for (const t of tasks) {
      if (t.state === 'running' && t.detail?.kind === 'layers' && t.detail.layers.some((l) => l.phase !== 'done' && l.phase !== 'exists')) expect(t.progress ?? 0).toBeLessThan(1);
    }
    const fractions = tasks.map((t) => t.progress ?? 0);
    for (let i = 1; i < fractions.length; i += 1) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(new Set(fractions.filter((f) => f > 0 && f < 1)).size).toBeGreaterThan(5);
    // The task manager throttles: in any second, at most 10 updates (+ the start and end ones).
    const times = updates.map((u) => u.at);
    for (const t0 of times) expect(times.filter((t) => t >= t0 && t < t0 + 1000).length).toBeLessThanOrEqual(12);

    const result = done.result as PullResult;
    expect(result.id).toBe(await imageId(ref));
    expect(result).toMatchObject({ reference: ref, upToDate: false });
    const repoDigests = (await engine.cliOk(['image', 'inspect', '--format', '{{json .RepoDigests}}', ref])).stdout;
    expect(repoDigests).toContain(result.digest);
    expect(await imageLs()).toContain(ref);
    await engine.cliOk(['rmi', ref]);
  }, 120_000);

  it('cancel stops the transfer: the engine drops the download, no image, no task left running', async () => {
    proxy.setRate(2 * MB);
    const ref = bigRemote(proxy.address);
    await engine.cli(['rmi', ref]);
    expect(await imageId(ref)).toBeUndefined();
    const bytesBefore = proxy.bytesDown;
    const recorder = recordEvents(core);
    const started = await pull(ref);
    await recorder.waitFor(
      (e) => e.type === 'task.update' && e.task.id === started.id && e.task.detail?.kind === 'layers' && e.task.detail.layers.some((l) => l.phase === 'downloading' && (l.current ?? 0) > 0),
      30_000,
    );
    recorder.stop();
    const cancelled = await call(core, 'tasks.cancel', { id: started.id });
    expect(cancelled.state).toBe('cancelled');
    expect((await core.tasks.settled(started.id)).state).toBe('cancelled');

    // The engine closes its registry connection once nobody waits for the pull any more.
    const deadline = Date.now() + 10_000;
    while (proxy.openConnections > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(proxy.openConnections).toBe(0);
    const bytesAfter = proxy.bytesDown;
    // dockerd retries a failed layer download after 5 s ("Retrying in 5 seconds"): watch longer than that.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(proxy.bytesDown).toBe(bytesAfter);
    expect(bytesAfter - bytesBefore).toBeLessThan(BIG_BYTES / 2);

    expect(await imageId(ref)).toBeUndefined();
    expect(await imageLs()).not.toContain(ref);
    expect((await call(core, 'tasks.list')).filter((t) => t.state === 'running')).toEqual([]);
  }, 90_000);

  it('a missing tag fails the task with what the CLI says', async () => {
    const ref = `${registry.address}/library/busybox:nope`;
    const started = await pull(ref);
    const done = await core.tasks.settled(started.id);
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('not-found');
    expect(done.error?.message).toContain('nope');
    const cli = await engine.cli(['pull', ref]);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain(done.error!.message);
  });

  it('refuses an invalid reference before starting a task', async () => {
    const before = (await call(core, 'tasks.list')).length;
    const answer = await core.invoke('images.pull', { reference: 'Busybox:1' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { problem: 'uppercase' } } });
    expect((await engine.cli(['pull', 'Busybox:1'])).stderr).toContain('must be lowercase');
    expect((await call(core, 'tasks.list')).length).toBe(before);
  });

  it('pulls a reference without tag as :latest only, like the CLI', async () => {
    await engine.cliOk(['tag', 'wharf-src/busybox:1', `${registry.address}/solo/app:latest`]);
    await engine.cliOk(['tag', 'wharf-src/busybox:1', `${registry.address}/solo/app:other`]);
    await engine.cliOk(['push', `${registry.address}/solo/app:latest`]);
    await engine.cliOk(['push', `${registry.address}/solo/app:other`]);
    await engine.cliOk(['rmi', `${registry.address}/solo/app:latest`, `${registry.address}/solo/app:other`]);
    const done = await core.tasks.settled((await pull(`${registry.address}/solo/app`)).id);
    expect(done.state).toBe('succeeded');
    expect(done.target).toBe(`${registry.address}/solo/app:latest`);
    const tags = (await imageLs()).filter((r) => r.startsWith(`${registry.address}/solo/app:`));
    expect(tags).toEqual([`${registry.address}/solo/app:latest`]);
  });

  it('tags, pushes, and pulls back the same image (round trip)', async () => {
    const target = `${registry.address}/team/app:v1`;
    expect(await call(core, 'images.tag', { source: 'wharf-src/busybox:1', target })).toEqual({ target });
    expect(await imageId(target)).toBe(busyboxId);

    const recorder = recordEvents(core);
    const pushed = await core.tasks.settled((await call(core, 'images.push', { reference: target })).id);
    recorder.stop();
    expect(pushed.state, JSON.stringify(pushed.error)).toBe('succeeded');
    expect(pushed.kind).toBe('push');
    const result = pushed.result as PushResult;
    expect(result.reference).toBe(target);
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const rows = pushed.detail?.kind === 'layers' ? pushed.detail.layers : [];
    expect(rows.length).toBe(1);
    // The layer is already in the registry (pushed as library/busybox:1): mounted or already there.
    expect(['mounted', 'exists', 'pushed']).toContain(rows[0]!.phase);

    await engine.cliOk(['rmi', target]);
    expect(await imageLs()).not.toContain(target);
    const pulled = await core.tasks.settled((await pull(target)).id);
    expect(pulled.state).toBe('succeeded');
    expect((pulled.result as PullResult).id).toBe(busyboxId);
    expect(await imageId(target)).toBe(busyboxId);
    const repoDigests = (await engine.cliOk(['image', 'inspect', '--format', '{{json .RepoDigests}}', target])).stdout;
    expect(repoDigests).toContain(`${registry.address}/team/app@${result.digest}`);
  });

  it('a push reports its layer moving, and the registry then has it as the CLI sees it', async () => {
    proxy.setRate(8 * MB);
    const ref = `${proxy.address}/team/fresh:1`;
    await importRandomImage(engine, ref, 16 * MB);
    const phases: string[] = [];
    const stop = core.subscribe((e) => {
      if (e.type === 'task.update' && e.task.kind === 'push' && e.task.detail?.kind === 'layers') phases.push(...e.task.detail.layers.map((l) => `${l.phase}:${l.current ?? ''}/${l.total ?? ''}`));
    });
    const done = await core.tasks.settled((await call(core, 'images.push', { reference: ref })).id);
    stop();
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect(phases.some((p) => /^pushing:\d+\/\d+$/.test(p))).toBe(true);
    expect(done.detail).toEqual({ kind: 'layers', layers: [expect.objectContaining({ phase: 'pushed' })] });
    expect(done.progress).toBe(1);
    const digest = (done.result as PushResult).digest;
    expect((await engine.cliOk(['image', 'inspect', '--format', '{{json .RepoDigests}}', ref])).stdout).toContain(`${proxy.address}/team/fresh@${digest}`);
    const again = await engine.cliOk(['push', ref]);
    expect(again.stdout).toContain('Layer already exists');
    expect(again.stdout).toContain(`digest: ${digest}`);
    await engine.cliOk(['rmi', ref]);
  }, 90_000);

  it('tag: a short name gets :latest, a missing source is not found, a digest target is refused', async () => {
    expect(await call(core, 'images.tag', { source: busyboxId, target: 'wharf-tag/plain' })).toEqual({ target: 'wharf-tag/plain:latest' });
    expect(await imageLs()).toContain('wharf-tag/plain:latest');
    const missing = await core.invoke('images.tag', { source: 'wharf-none/nothing:1', target: 'wharf-tag/x:1' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const cli = await engine.cli(['tag', 'wharf-none/nothing:1', 'wharf-tag/x:1']);
    expect(cli.stderr).toContain(missing.ok ? '' : missing.error.message);
    const digest = await core.invoke('images.tag', { source: busyboxId, target: `wharf-tag/x@sha256:${'a'.repeat(64)}` });
    expect(digest).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('a push the registry refuses for want of credentials fails as permission-denied, as the CLI reports it', async () => {
    // The harness's real registry with htpasswd auth: it refuses anonymous pushes as Docker Hub does.
    const user = 'wharf-pusher';
    const password = randomBytes(9).toString('hex');
    const auth = await startPrivateRegistry({ users: { [user]: password } });
    try {
      const ref = `${auth.address}/team/app:1`;
      await engine.cliOk(['tag', 'wharf-src/busybox:1', ref]);
      const done = await core.tasks.settled((await call(core, 'images.push', { reference: ref })).id);
      expect(done.state).toBe('failed');
      expect(done.error).toMatchObject({ code: 'permission-denied', details: { reason: 'registry-auth', registry: auth.address } });
      const cli = await engine.cli(['push', ref]);
      expect(cli.code).not.toBe(0);
      expect(cli.stderr).toContain(done.error!.message);
      // Nothing reached the registry: with the password, its catalog has no repository.
      const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      const catalog = (await (await fetch(`${auth.url}/v2/_catalog`, { headers: { Authorization: basic } })).json()) as { repositories: string[] };
      expect(catalog.repositories).toEqual([]);
    } finally {
      await auth.destroy();
    }
  });

  /** Starts a transfer, stops the engine once bytes move, and answers how the task ended; the engine is back after. */
  async function cutByEngineStop(start: () => Promise<TaskInfo>, moving: (phase: string) => boolean): Promise<TaskInfo> {
    const recorder = recordEvents(core);
    try {
      const started = await start();
      await recorder.waitFor(
        (e) => e.type === 'task.update' && e.task.id === started.id && e.task.detail?.kind === 'layers' && e.task.detail.layers.some((l) => moving(l.phase) && (l.current ?? 0) > 0),
        30_000,
      );
      await engine.stop();
      return await core.tasks.settled(started.id);
    } finally {
      recorder.stop();
      await engine.start();
      const deadline = Date.now() + 20_000;
      while (core.connection.status().state !== 'connected' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a pull cut by the engine stopping says the engine stopped during the pull', async () => {
    proxy.setRate(2 * MB);
    const ref = bigRemote(proxy.address);
    await engine.cli(['rmi', ref]);
    const done = await cutByEngineStop(() => pull(ref), (phase) => phase === 'downloading');
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'engine-unreachable', details: { reason: 'engine-stopped', during: 'pull' } });
    expect(done.error?.message).toMatch(/^the engine stopped during the pull/);
    expect(await imageId(ref)).toBeUndefined();
  }, 90_000);

  it('a push cut by the engine stopping says the engine stopped during the push', async () => {
    proxy.setRate(2 * MB);
    const ref = `${proxy.address}/team/cut:1`;
    await importRandomImage(engine, ref, 16 * MB);
    const done = await cutByEngineStop(() => call(core, 'images.push', { reference: ref }), (phase) => phase === 'pushing');
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'engine-unreachable', details: { reason: 'engine-stopped', during: 'push' } });
    expect(done.error?.message).toMatch(/^the engine stopped during the push/);
  }, 90_000);
});
