/**
 * The space a cleanup says it frees is what `docker system df` loses, whichever way Wharf counted it: a few
 * images among many kept (their own layers read), most images gone (only what stays is read, the rest from df's
 * layer total), and a mix the user made by unticking an image that shares layers with others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { CleanupReport } from '../../src/shared/cleanup';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { call, makeCore } from './make-core';
import { lines, seedEngine } from './cleanup-seed';

describe('cleanup: the estimate is the space the disk gains', () => {
  let engine: PrivateEngine;
  let core: Core;

  /** Bytes `docker system df` counts in all (its four rows, in bytes; disk-usage-vs-cli checks them against the CLI). */
  const dfBytes = async (): Promise<number> => (await call(core, 'system.df')).rows.reduce((n, r) => n + r.size, 0);

  async function run(previewId: string, keys: string[]): Promise<CleanupReport> {
    const before = await dfBytes();
    const task = await call(core, 'cleanup.run', { previewId, keys });
    const done: TaskInfo = await core.tasks.settled(task.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    const report = done.result as CleanupReport;
    expect({ skipped: report.skipped, failed: report.failed }).toEqual({ skipped: [], failed: [] });
    expect(report.reclaimed).toBe(before - (await dfBytes()));
    return report;
  }

  const imageId = async (ref: string): Promise<string> => (await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', ref])).stdout.trim();

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'cleanup-freed' });
    core = makeCore(engine.host);
    await core.start();
    await seedEngine(engine);
    // More images on busybox's layer, so that most of what goes shares a layer with what stays.
    for (const n of [1, 2, 3]) await engine.cliOk(['tag', 'tool:1', `extra:${n}`]);
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('a few dangling images among many kept', async () => {
    const preview = await call(core, 'cleanup.preview', { wizard: 'quick', options: {} });
    const dangling = (await engine.cliOk(['image', 'ls', '-q', '--no-trunc', '-f', 'dangling=true'])).stdout.trim().split('\n');
    expect(preview.items.filter((i) => i.kind === 'image').map((i) => i.id).sort()).toEqual(dangling.sort());
    const report = await run(preview.id, preview.items.filter((i) => i.selected).map((i) => i.key));
    expect(report.estimate).toBe(preview.reclaimable);
    expect(report.reclaimed).toBe(report.estimate);
  });

  it('most images go, one that shares busybox’s layer is unticked: the estimate of that choice', async () => {
    const preview = await call(core, 'cleanup.preview', { wizard: 'everything', options: { allImages: true, volumes: true } });
    const keep = await imageId('app:3');
    const images = preview.items.filter((i) => i.kind === 'image');
    expect(images.length).toBeGreaterThanOrEqual(5);
    expect(images.map((i) => i.id)).toContain(keep);
    const keys = preview.items.filter((i) => i.selected && i.id !== keep).map((i) => i.key);
    const estimate = await call(core, 'cleanup.estimate', { previewId: preview.id, keys });
    expect(estimate.bytes).toBeLessThan(preview.reclaimable);
    const report = await run(preview.id, keys);
    expect(report.estimate).toBe(estimate.bytes);
    expect(report.reclaimed).toBe(estimate.bytes);
    // What stays: app:1 (the running container's), app:3 as chosen, and the layers they stand on.
    const left = lines((await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).sort();
    expect(left).toEqual(['app:1', 'app:3']);
  });

  it('everything that is left: the preview’s own figure', async () => {
    const preview = await call(core, 'cleanup.preview', { wizard: 'everything', options: { allImages: true, volumes: true } });
    expect(preview.items.filter((i) => i.kind === 'image').map((i) => i.name)).toEqual(['app:3']);
    const report = await run(preview.id, preview.items.filter((i) => i.selected).map((i) => i.key));
    expect(report.estimate).toBe(preview.reclaimable);
    expect(report.reclaimed).toBe(preview.reclaimable);
    expect(report.reclaimed).toBeGreaterThanOrEqual(20 * 1024);
  });
});
