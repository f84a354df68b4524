/**
 * The Volumes page's channels against a private engine, checked with the docker CLI on the same engine:
 * the list equals `docker volume ls`, create/remove do what `docker volume create/rm` do, a volume in use is
 * refused with its containers named, and a prune removes exactly the chosen unused volumes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { VolumeRow } from '../../src/shared/volume-list';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore } from './make-core';

interface CliVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  Scope: string;
}

async function cliVolumes(engine: PrivateEngine): Promise<string[]> {
  const { stdout } = await engine.cliOk(['volume', 'ls', '--format', '{{json .}}']);
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CliVolume)
    .map((v) => [v.Name, v.Driver, v.Mountpoint, v.Scope].join('|'))
    .sort();
}

async function cliNames(engine: PrivateEngine): Promise<string[]> {
  const { stdout } = await engine.cliOk(['volume', 'ls', '-q']);
  return stdout.split('\n').filter(Boolean).sort();
}

function row(rows: VolumeRow[], name: string): VolumeRow {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`volume ${name} not listed`);
  return found;
}

describe('volumes: list, create, remove and prune as the docker CLI sees them', () => {
  let engine: PrivateEngine;
  let core: Core;
  let unnamed = '';
  let anonymousInUse = '';

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'volumes' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    await engine.cliOk(['volume', 'create', '--label', 'team=web', 'vol-named']);
    unnamed = (await engine.cliOk(['volume', 'create'])).stdout.trim();
    await runContainer(engine, ['--name', 'user', '-v', 'vol-used:/data', 'busybox', 'sh', '-c', 'head -c 102400 /dev/zero > /data/blob; sleep 600']);
    // A stopped container keeps its anonymous volume: in use, never pruned.
    await engine.cliOk(['create', '--name', 'holder', '-v', '/cache', 'busybox', 'true']);
    const mounts = (await engine.cliOk(['inspect', '--format', '{{range .Mounts}}{{.Name}}{{end}}', 'holder'])).stdout.trim();
    anonymousInUse = mounts;
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('lists the rows `docker volume ls` prints, with labels, anonymity and the containers using each', async () => {
    const list = await call(core, 'volumes.list');
    expect(list.rows.map((r) => [r.name, r.driver, r.mountpoint, r.scope].join('|')).sort()).toEqual(await cliVolumes(engine));
    expect(row(list.rows, 'vol-named')).toMatchObject({ anonymous: false, labels: { team: 'web' }, containers: [] });
    expect(row(list.rows, unnamed).anonymous).toBe(true);
    expect(row(list.rows, 'vol-used').containers.map((c) => c.name)).toEqual(['user']);
    expect(row(list.rows, anonymousInUse)).toMatchObject({ anonymous: true, containers: [{ name: 'holder', state: 'created' }] });
  });

  it('measures sizes and reference counts from the engine disk usage data', async () => {
    const usage = await call(core, 'volumes.usage');
    const used = usage.volumes['vol-used'];
    expect(used?.refCount).toBe(1);
    expect(used?.size).toBeGreaterThanOrEqual(102_400);
    expect(usage.volumes['vol-named']).toMatchObject({ refCount: 0, size: 0 });
  });

  it('creates a named volume with labels and options, and an anonymous one without a name', async () => {
    const made = await call(core, 'volumes.create', { name: 'vol-made', driver: 'local', labels: { owner: 'wharf' }, options: { type: 'tmpfs', device: 'tmpfs' } });
    expect(made.name).toBe('vol-made');
    const inspected = JSON.parse((await engine.cliOk(['volume', 'inspect', 'vol-made'])).stdout) as Array<{ Labels: Record<string, string>; Options: Record<string, string> }>;
    expect(inspected[0]?.Labels).toEqual({ owner: 'wharf' });
    expect(inspected[0]?.Options).toEqual({ type: 'tmpfs', device: 'tmpfs' });
    const anonymous = await call(core, 'volumes.create', { driver: 'local', labels: {}, options: {} });
    expect(anonymous.name).toMatch(/^[0-9a-f]{64}$/);
    expect(await cliNames(engine)).toContain(anonymous.name);
    expect(row((await call(core, 'volumes.list')).rows, anonymous.name).anonymous).toBe(true);
    await engine.cliOk(['volume', 'rm', anonymous.name]);
  });

  it('refuses to create a volume whose name exists, at the name field, and leaves that volume as it was', async () => {
    // `docker volume create vol-named` would print "vol-named" as if it had made it; Wharf says it exists.
    const before = (await engine.cliOk(['volume', 'inspect', 'vol-named'])).stdout;
    const answer = await core.invoke('volumes.create', { name: 'vol-named', driver: 'local', labels: { owner: 'someone-else' }, options: {} });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', details: { problems: { name: 'exists' } } } });
    expect((await engine.cliOk(['volume', 'inspect', 'vol-named'])).stdout).toBe(before);
  });

  it('refuses to remove a volume in use, naming the container, and removes an unused one', async () => {
    const report = await call(core, 'volumes.remove', { names: ['vol-used', 'vol-made', 'no-such-volume'] });
    expect(report.outcomes).toEqual([
      { target: 'vol-used', state: 'refused', reason: 'in-use', containers: ['user'] },
      { target: 'vol-made', state: 'removed' },
      expect.objectContaining({ target: 'no-such-volume', state: 'failed', reason: 'not-found' }),
    ]);
    const names = await cliNames(engine);
    expect(names).toContain('vol-used');
    expect(names).not.toContain('vol-made');
  });

  it('plans unused anonymous volumes apart from named ones and prunes exactly the chosen names', async () => {
    await engine.cliOk(['volume', 'create', 'vol-keep']);
    const plan = await call(core, 'volumes.prunePlan');
    expect(plan.anonymous.map((v) => v.name)).toEqual([unnamed]);
    expect(plan.named.map((v) => v.name).sort()).toEqual(['vol-keep', 'vol-named']);

    // The default: only the anonymous ones.
    const first = await call(core, 'volumes.remove', { names: plan.anonymous.map((v) => v.name) });
    expect(first.outcomes).toEqual([{ target: unnamed, state: 'removed' }]);
    expect(await cliNames(engine)).toEqual([anonymousInUse, 'vol-keep', 'vol-named', 'vol-used'].sort());

    // A named volume only when chosen; one in use is refused even when chosen.
    const second = await call(core, 'volumes.remove', { names: ['vol-named', anonymousInUse] });
    expect(second.outcomes).toEqual([
      { target: 'vol-named', state: 'removed' },
      { target: anonymousInUse, state: 'refused', reason: 'in-use', containers: ['holder'] },
    ]);
    expect(await cliNames(engine)).toEqual([anonymousInUse, 'vol-keep', 'vol-used'].sort());
  });
});
