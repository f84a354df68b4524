/**
 * The Build cache wizard (issue 19) against real BuildKit builds (also on dockerd 26.1): with `until`, the preview
 * holds the records of the older build and none of the newer one's; the run removes exactly the previewed records
 * and nothing else; keep-storage keeps what fits, least recently used going first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { CleanupReport } from '../../src/shared/cleanup';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox } from '../support/fixtures';
import { call, makeCore } from './make-core';

interface CliRecord {
  ID: string;
  Description?: string;
  InUse: string;
  Size: string;
}

describe('build cache wizard', () => {
  let engine: PrivateEngine;
  let core: Core;
  let olderRecords: string[] = [];
  let newerOnly: string[] = [];

  /** `docker system df -v`'s build cache, as the CLI prints it. */
  const cliCache = async (): Promise<CliRecord[]> => (JSON.parse((await engine.cliOk(['system', 'df', '-v', '--format', 'json'])).stdout) as { BuildCache: CliRecord[] | null }).BuildCache ?? [];

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'build-cache' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine, 'busybox:latest');
    await buildImage(engine, 'older:1', 'FROM busybox\nRUN dd if=/dev/zero of=/older bs=1k count=400\n', { buildkit: true });
    olderRecords = (await cliCache()).map((r) => r.ID);
    // Ten seconds apart: `until` of five seconds falls between the two builds.
    await new Promise((r) => setTimeout(r, 10_000));
    await buildImage(engine, 'newer:1', 'FROM busybox\nRUN dd if=/dev/zero of=/newer bs=1k count=200\n', { buildkit: true });
    newerOnly = (await cliCache()).map((r) => r.ID).filter((id) => !olderRecords.includes(id));
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('keep-storage: nothing goes when all of it fits; with none kept, every record not in use', async () => {
    const all = await call(core, 'cleanup.preview', { wizard: 'buildCache', options: { keepStorageMb: 0 } });
    expect(all.items.map((i) => i.id).sort()).toEqual((await cliCache()).filter((r) => r.InUse === 'false').map((r) => r.ID).sort());
    const fits = await call(core, 'cleanup.preview', { wizard: 'buildCache', options: { keepStorageMb: 10_000 } });
    expect(fits.items).toEqual([]);
    expect(fits.commands).toEqual([['docker', 'builder', 'prune', '-a', '-f', '--keep-storage', '10000MB']]);
  });

  it('until: the older build`s records, none of the newer one`s; the run removes exactly those', async () => {
    expect(newerOnly.length).toBeGreaterThan(0);
    const preview = await call(core, 'cleanup.preview', { wizard: 'buildCache', options: { untilHours: 5 / 3600 } });
    const previewed = preview.items.map((i) => i.id);
    expect(previewed.length).toBeGreaterThan(0);
    for (const id of previewed) expect(olderRecords, `${id} is from the older build`).toContain(id);
    for (const id of newerOnly) expect(previewed).not.toContain(id);
    // The older build's own RUN step is among them.
    const cli = await cliCache();
    expect(cli.filter((r) => previewed.includes(r.ID)).map((r) => r.Description ?? '').join('\n')).toMatch(/of=\/older/);

    const task = await call(core, 'cleanup.run', { previewId: preview.id, keys: preview.items.map((i) => i.key) });
    const done = await core.tasks.settled(task.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    const report = done.result as CleanupReport;
    expect(report.failed).toEqual([]);
    const after = (await cliCache()).map((r) => r.ID).sort();
    expect(after).toEqual(cli.map((r) => r.ID).filter((id) => !previewed.includes(id)).sort());
  }, 60_000);
});
