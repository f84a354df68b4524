/**
 * The cleanup run deletes exactly what the preview showed: an object that changed or came into use between the
 * preview and the run is skipped with the reason the user reads, and stays as the CLI sees it. Each race also has
 * an unchanged object in the same run that does go, so a run that removes nothing cannot pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { CleanupItem, CleanupPreview, CleanupReport } from '../../src/shared/cleanup';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore } from './make-core';
import { lines } from './cleanup-seed';

function itemNamed(preview: CleanupPreview, kind: CleanupItem['kind'], name: string): CleanupItem {
  const item = preview.items.find((i) => i.kind === kind && i.name === name);
  if (!item) throw new Error(`${kind} ${name} is not in the preview: ${preview.items.map((i) => `${i.kind}:${i.name}`).join(', ')}`);
  return item;
}

async function runToEnd(core: Core, previewId: string, keys: string[]): Promise<CleanupReport> {
  const task = await call(core, 'cleanup.run', { previewId, keys });
  const done: TaskInfo = await core.tasks.settled(task.id);
  expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
  return done.result as CleanupReport;
}

/** Resolves once the wall clock is in a later whole second than `iso` (engines report CreatedAt to the second). */
async function untilSecondAfter(iso: string): Promise<void> {
  const after = Math.floor(Date.parse(iso) / 1000) * 1000 + 1000;
  expect(Number.isFinite(after), `CreatedAt ${iso}`).toBe(true);
  while (Date.now() < after) await new Promise((resolve) => setTimeout(resolve, after - Date.now() + 20));
}

describe('cleanup race guards: what changed after the preview is skipped and stays', () => {
  let engine: PrivateEngine;
  let core: Core;
  const cli = async (args: string[]): Promise<string[]> => lines((await engine.cliOk(args)).stdout);

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'cleanup-races' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('a named volume recreated under the same name with new data is skipped as changed, its data intact', async () => {
    for (const [name, data] of Object.entries({ 'race-vol': 'old', 'race-vol-spare': 'spare' })) {
      await engine.cliOk(['volume', 'create', name]);
      await engine.cliOk(['run', '--rm', '-v', `${name}:/d`, 'busybox', 'sh', '-c', `echo ${data} > /d/file`]);
    }
    const preview = await call(core, 'cleanup.preview', { wizard: 'volumes', options: {} });
    const raced = itemNamed(preview, 'volume', 'race-vol');
    const spare = itemNamed(preview, 'volume', 'race-vol-spare');
    const [previewedAt] = await cli(['volume', 'inspect', '--format', '{{.CreatedAt}}', 'race-vol']);

    // The engine says when a volume was created to the second: the new one must be born in a later second.
    await untilSecondAfter(previewedAt ?? '');
    await engine.cliOk(['volume', 'rm', 'race-vol']);
    await engine.cliOk(['volume', 'create', 'race-vol']);
    await engine.cliOk(['run', '--rm', '-v', 'race-vol:/d', 'busybox', 'sh', '-c', 'echo new > /d/file']);
    expect((await cli(['volume', 'inspect', '--format', '{{.CreatedAt}}', 'race-vol']))[0]).not.toBe(previewedAt);

    const report = await runToEnd(core, preview.id, [raced.key, spare.key]);
    expect(report.skipped).toEqual([{ kind: 'volume', name: 'race-vol', reason: 'changed' }]);
    expect(report.removed).toEqual([{ kind: 'volume', name: 'race-vol-spare' }]);
    expect(report.failed).toEqual([]);
    const left = await cli(['volume', 'ls', '-q']);
    expect(left).toContain('race-vol');
    expect(left).not.toContain('race-vol-spare');
    expect(await cli(['run', '--rm', '-v', 'race-vol:/d', 'busybox', 'cat', '/d/file'])).toEqual(['new']);
  });

  it('a previewed stopped container that was started again is skipped as in use and keeps running', async () => {
    const restarted = await runContainer(engine, ['--name', 'race-restarted', 'busybox', 'sleep', '600']);
    await engine.cliOk(['stop', 'race-restarted']);
    const stays = (await engine.cliOk(['create', '--name', 'race-stopped', 'busybox', 'true'])).stdout.trim();
    const preview = await call(core, 'cleanup.preview', { wizard: 'quick', options: {} });
    const raced = itemNamed(preview, 'container', 'race-restarted');
    const spare = itemNamed(preview, 'container', 'race-stopped');
    expect([raced.id, spare.id]).toEqual([restarted, stays]);

    await engine.cliOk(['start', 'race-restarted']);
    const report = await runToEnd(core, preview.id, [raced.key, spare.key]);
    // No engine message: Wharf's own check saw it running, it never asked the engine to remove it.
    expect(report.skipped).toEqual([{ kind: 'container', name: 'race-restarted', reason: 'in-use' }]);
    expect(report.removed).toEqual([{ kind: 'container', name: 'race-stopped' }]);
    expect(report.failed).toEqual([]);
    expect(await cli(['inspect', '--format', '{{.Id}} {{.State.Status}}', 'race-restarted'])).toEqual([`${restarted} running`]);
    expect(await cli(['ps', '-a', '--format', '{{.Names}}'])).not.toContain('race-stopped');
  });

  it('a previewed image that gained a tag, or lost its tag to another image, is skipped as changed', async () => {
    const gains = await buildImage(engine, 'race-gains:1', 'FROM busybox\nLABEL race=gains\n');
    const loses = await buildImage(engine, 'race-loses:1', 'FROM busybox\nLABEL race=loses\n');
    const spare = await buildImage(engine, 'race-spare:1', 'FROM busybox\nLABEL race=spare\n');
    await buildImage(engine, 'race-other:1', 'FROM busybox\nLABEL race=other\n');
    const preview = await call(core, 'cleanup.preview', { wizard: 'images', options: {} });
    const picked = ['race-gains:1', 'race-loses:1', 'race-spare:1'].map((name) => itemNamed(preview, 'image', name));
    expect(picked.map((i) => i.id)).toEqual([gains, loses, spare]);

    await engine.cliOk(['tag', 'race-gains:1', 'race-gains:also']);
    // The tag moves: race-loses:1 now names another image, the previewed one is left untagged.
    await engine.cliOk(['tag', 'race-other:1', 'race-loses:1']);
    const report = await runToEnd(core, preview.id, picked.map((i) => i.key));
    expect([...report.skipped].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { kind: 'image', name: 'race-gains:1', reason: 'changed' },
      { kind: 'image', name: 'race-loses:1', reason: 'changed' },
    ]);
    expect(report.removed).toEqual([{ kind: 'image', name: 'race-spare:1' }]);
    expect(report.failed).toEqual([]);
    const idOf = async (ref: string): Promise<string | undefined> => (await cli(['image', 'inspect', '--format', '{{.Id}}', ref]))[0];
    expect(await idOf('race-gains:1')).toBe(gains);
    expect(await idOf('race-gains:also')).toBe(gains);
    expect(await idOf(loses)).toBe(loses);
    expect(await cli(['image', 'ls', '-q', '--no-trunc', '-f', 'dangling=true'])).toContain(loses);
    expect((await engine.cli(['image', 'inspect', spare])).code).not.toBe(0);
  });

  it('a previewed network that gained a container is skipped as in use and keeps it', async () => {
    await engine.cliOk(['network', 'create', 'race-net']);
    await engine.cliOk(['network', 'create', 'race-net-spare']);
    const joiner = await runContainer(engine, ['--name', 'race-joiner', 'busybox', 'sleep', '600']);
    const preview = await call(core, 'cleanup.preview', { wizard: 'networks', options: {} });
    const raced = itemNamed(preview, 'network', 'race-net');
    const spare = itemNamed(preview, 'network', 'race-net-spare');

    await engine.cliOk(['network', 'connect', 'race-net', 'race-joiner']);
    const report = await runToEnd(core, preview.id, [raced.key, spare.key]);
    expect(report.skipped).toEqual([{ kind: 'network', name: 'race-net', reason: 'in-use' }]);
    expect(report.removed).toEqual([{ kind: 'network', name: 'race-net-spare' }]);
    expect(report.failed).toEqual([]);
    const attached = JSON.parse((await engine.cliOk(['network', 'inspect', '--format', '{{json .Containers}}', 'race-net'])).stdout) as Record<string, unknown>;
    expect(Object.keys(attached)).toEqual([joiner]);
    expect(await cli(['network', 'ls', '--format', '{{.Name}}'])).not.toContain('race-net-spare');
  });
});
