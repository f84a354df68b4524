import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { CleanupPreview, CleanupReport } from '../../src/shared/cleanup';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { call, makeCore } from './make-core';
import { lines, seedEngine } from './cleanup-seed';

function ids(preview: CleanupPreview, kind: string): string[] {
  return preview.items.filter((i) => i.kind === kind).map((i) => i.id).sort();
}

async function runToEnd(core: Core, previewId: string, keys: string[]): Promise<CleanupReport> {
  const task = await call(core, 'cleanup.run', { previewId, keys });
  const done: TaskInfo = await core.tasks.settled(task.id);
  expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
  return done.result as CleanupReport;
}

describe('cleanup wizards: the preview is what the CLI would remove, the run removes exactly that', () => {
  let engine: PrivateEngine;
  let core: Core;
  const cli = async (args: string[]): Promise<string[]> => lines((await engine.cliOk(args)).stdout);
  /** The df total (all four rows), bytes, as the core measures it. */
  const dfTotal = async (): Promise<number> => (await call(core, 'system.df')).rows.reduce((n, r) => n + r.size, 0);

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'cleanup-wizards' });
    core = makeCore(engine.host);
    await core.start();
    await seedEngine(engine);
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('quick clean: stopped containers, dangling images, build cache not in use; minus the unticked one', async () => {
    const preview = await call(core, 'cleanup.preview', { wizard: 'quick', options: {} });
    const stopped = await cli(['ps', '-a', '-q', '--no-trunc', '-f', 'status=exited', '-f', 'status=created', '-f', 'status=dead']);
    expect(ids(preview, 'container')).toEqual(stopped.sort());
    // docker system prune: dangling images no remaining container uses (the stopped ones go first).
    expect(ids(preview, 'image')).toEqual((await cli(['image', 'ls', '-q', '--no-trunc', '-f', 'dangling=true'])).sort());
    const cache = JSON.parse((await engine.cliOk(['system', 'df', '-v', '--format', 'json'])).stdout) as { BuildCache: Array<{ ID: string; InUse: string }> };
    expect(ids(preview, 'buildCache')).toEqual(cache.BuildCache.filter((b) => b.InUse === 'false').map((b) => b.ID).sort());
    expect(preview.commands).toContainEqual(['docker', 'container', 'prune', '-f']);
    expect(preview.items.every((i) => i.selected)).toBe(true);

    // The user unticks one stopped container: it stays, everything else goes.
    const untick = preview.items.find((i) => i.kind === 'container' && i.name === 'stopped-app3');
    expect(untick).toBeDefined();
    const keys = preview.items.filter((i) => i !== untick).map((i) => i.key);
    const estimate = await call(core, 'cleanup.estimate', { previewId: preview.id, keys });
    const before = await dfTotal();
    const report = await runToEnd(core, preview.id, keys);
    const after = await dfTotal();

    expect({ skipped: report.skipped, failed: report.failed }).toEqual({ skipped: [], failed: [] });
    expect(report.removed).toHaveLength(keys.length);
    expect(report.skipped).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(await cli(['ps', '-a', '-q', '--no-trunc', '-f', 'status=exited', '-f', 'status=created'])).toEqual([untick?.id]);
    expect(await cli(['image', 'ls', '-q', '-f', 'dangling=true'])).toEqual([]);
    const left = JSON.parse((await engine.cliOk(['system', 'df', '-v', '--format', 'json'])).stdout) as { BuildCache: Array<{ ID: string }> };
    expect(left.BuildCache.map((b) => b.ID).filter((id) => ids(preview, 'buildCache').includes(id))).toEqual([]);
    expect(report.reclaimed).toBe(before - after);
    expect(report.reclaimed).toBe(estimate.bytes);
    expect(report.estimate).toBe(estimate.bytes);
    expect((await call(core, 'cleanup.history'))[0]?.id).toBe(report.id);
  });

  it('unused images: no container uses them, newest per repository and protect list kept; a race skips the image now in use', async () => {
    const preview = await call(core, 'cleanup.preview', { wizard: 'images', options: { keepNewest: 1, protect: ['label=keep=yes', 'busy*'] } });
    // What `docker image prune -a` would remove: top-level images no container was created from.
    const usedBy = new Set(await cli(['ps', '-a', '-q', '--no-trunc']).then((cs) => (cs.length ? cli(['inspect', '--format', '{{.Image}}', ...cs]) : [])));
    const unused = (await cli(['image', 'ls', '-q', '--no-trunc'])).filter((id) => !usedBy.has(id));
    const byRef = async (ref: string): Promise<string> => (await cli(['image', 'inspect', '--format', '{{.Id}}', ref]))[0] ?? '';
    // Kept: the newest image of each repository (tool:1, cached:1), the labelled keep:1, busybox by pattern.
    const kept = new Set(await Promise.all(['tool:1', 'cached:1', 'keep:1', 'busybox:latest'].map(byRef)));
    expect(ids(preview, 'image')).toEqual([...new Set(unused)].filter((id) => !kept.has(id)).sort());
    // app:3 is the newest app but a stopped container uses it, so it is no candidate at all.
    expect([...preview.kept].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'busybox:latest', why: 'protected' },
      { name: 'cached:1', why: 'newest' },
      { name: 'keep:1', why: 'protected' },
      { name: 'tool:1', why: 'newest' },
    ]);
    expect(preview.commands[0]).toEqual(['docker', 'image', 'prune', '-a', '-f', '--filter', 'label!=keep=yes']);

    const app2 = await byRef('app:2');
    expect(ids(preview, 'image')).toContain(app2);
    // Race: after the preview a container is created from a previewed image.
    await engine.cliOk(['create', '--name', 'late', 'app:2', 'true']);
    const report = await runToEnd(core, preview.id, preview.items.map((i) => i.key));
    expect(report.skipped).toEqual([{ kind: 'image', name: 'app:2', reason: 'in-use' }]);
    expect(report.removed.length).toBe(preview.items.length - 1);
    expect(await byRef('app:2')).toBe(app2);
    for (const item of preview.items.filter((i) => i.id !== app2)) expect((await engine.cli(['image', 'inspect', item.id])).code).not.toBe(0);
  });

  it('volumes: unused anonymous ones ticked, named ones only when chosen; the run never removes an unchosen named volume', async () => {
    const preview = await call(core, 'cleanup.preview', { wizard: 'volumes', options: {} });
    expect(ids(preview, 'volume')).toEqual((await cli(['volume', 'ls', '-q', '-f', 'dangling=true'])).sort());
    const named = preview.items.find((i) => i.id === 'data-named');
    expect(named).toMatchObject({ selected: false, caution: 'named-volume' });
    const anonymous = preview.items.filter((i) => /^[0-9a-f]{64}$/.test(i.id));
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((i) => i.selected)).toBe(true);
    const before = await dfTotal();
    const report = await runToEnd(core, preview.id, preview.items.filter((i) => i.selected).map((i) => i.key));
    expect(report.reclaimed).toBe(before - (await dfTotal()));
    expect(report.reclaimed).toBe(report.estimate);
    const left = await cli(['volume', 'ls', '-q']);
    expect(left).toContain('data-named');
    expect(left).toContain('data-used');
    for (const v of anonymous) expect(left).not.toContain(v.id);
  });

  it('networks: unused custom networks, as `docker network prune` picks them', async () => {
    const preview = await call(core, 'cleanup.preview', { wizard: 'networks', options: {} });
    const custom = (await cli(['network', 'ls', '--format', '{{.Name}}'])).filter((n) => !['bridge', 'host', 'none'].includes(n));
    const unused: string[] = [];
    for (const n of custom) if ((await cli(['network', 'inspect', '--format', '{{len .Containers}}', n]))[0] === '0') unused.push(n);
    expect(preview.items.map((i) => i.name).sort()).toEqual(unused.sort());
    expect(unused).toEqual(['spare-net']);
    await runToEnd(core, preview.id, preview.items.map((i) => i.key));
    expect((await cli(['network', 'ls', '--format', '{{.Name}}'])).sort()).toEqual(['bridge', 'host', 'none', 'used-net']);
  });

  it('everything: says what it combines and lists the union; an unknown key is refused', async () => {
    await engine.cliOk(['network', 'create', 'spare-2']);
    const preview = await call(core, 'cleanup.preview', { wizard: 'everything', options: { allImages: true, volumes: true } });
    expect(preview.combines).toEqual(['quick', 'networks', 'images', 'volumes']);
    expect(preview.commands[0]).toEqual(['docker', 'system', 'prune', '-f', '-a', '--volumes']);
    expect(preview.items.filter((i) => i.kind === 'network').map((i) => i.name)).toEqual(['spare-2']);
    expect(preview.items.some((i) => i.kind === 'volume' && i.id === 'data-named')).toBe(false);
    const refused = await core.invoke('cleanup.run', { previewId: preview.id, keys: ['volume:data-used'] });
    expect(refused.ok).toBe(false);
  });
});
