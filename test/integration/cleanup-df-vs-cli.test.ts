import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { humanSize, toCliRow } from '../../src/shared/disk-usage';
import { imageSize } from '../../src/shared/units';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { call, makeCore } from './make-core';
import { lines, seedEngine } from './cleanup-seed';

interface CliDfVerbose {
  Images: Array<{ ID: string; Repository: string; Tag: string; SharedSize: string; UniqueSize: string; Containers: string }>;
  Containers: Array<{ ID: string; Size: string; State: string; Names: string }>;
  Volumes: Array<{ Name: string; Links: string; Size: string }>;
  BuildCache: Array<{ ID: string; CacheType: string; Size: string; InUse: string; Shared: string }>;
}

describe('cleanup.diskUsage equals `docker system df` and `docker system df -v`', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'cleanup-df' });
    core = makeCore(engine.host);
    await core.start();
    await seedEngine(engine);
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('summary rows and every object, with the numbers the CLI prints', async () => {
    const ours = await call(core, 'cleanup.diskUsage');
    const summary = lines((await engine.cliOk(['system', 'df', '--format', '{{json .}}'])).stdout).map((l) => JSON.parse(l) as unknown);
    expect(ours.rows.map(toCliRow)).toEqual(summary);

    const cli = JSON.parse((await engine.cliOk(['system', 'df', '-v', '--format', 'json'])).stdout) as CliDfVerbose;
    // The CLI prints one row per tag; ours is one per image with its tags.
    const cliImages = new Map<string, { tags: string[]; shared: string; unique: string; containers: string }>();
    for (const row of cli.Images) {
      const entry = cliImages.get(row.ID) ?? { tags: [], shared: row.SharedSize, unique: row.UniqueSize, containers: row.Containers };
      if (row.Repository !== '<none>') entry.tags.push(`${row.Repository}:${row.Tag}`);
      cliImages.set(row.ID, entry);
    }
    expect(ours.images.map((i) => i.id).sort()).toEqual([...cliImages.keys()].sort());
    for (const img of ours.images) {
      const row = cliImages.get(img.id);
      expect({ tags: [...img.tags].sort(), shared: humanSize(img.sharedSize), unique: humanSize(img.uniqueSize), containers: String(img.containers) }, img.id).toEqual({ ...row, tags: [...(row?.tags ?? [])].sort() });
    }

    expect(ours.containers.map((c) => ({ ID: c.id, Size: imageSize(c.size), State: c.state, Names: c.name })).sort((a, b) => a.ID.localeCompare(b.ID))).toEqual(
      cli.Containers.map((c) => ({ ID: c.ID, Size: c.Size, State: c.State, Names: c.Names })).sort((a, b) => a.ID.localeCompare(b.ID)),
    );
    expect(ours.volumes.map((v) => ({ Name: v.name, Links: String(v.links), Size: humanSize(v.size) })).sort((a, b) => a.Name.localeCompare(b.Name))).toEqual(
      cli.Volumes.map((v) => ({ Name: v.Name, Links: v.Links, Size: v.Size })).sort((a, b) => a.Name.localeCompare(b.Name)),
    );
    expect(ours.buildCache.map((b) => ({ ID: b.id, CacheType: b.type, Size: imageSize(b.size), InUse: String(b.inUse), Shared: String(b.shared) })).sort((a, b) => a.ID.localeCompare(b.ID))).toEqual(
      cli.BuildCache.map((b) => ({ ID: b.ID, CacheType: b.CacheType, Size: b.Size, InUse: b.InUse, Shared: b.Shared })).sort((a, b) => a.ID.localeCompare(b.ID)),
    );
    // The seed exercises every kind: dangling images, stopped and running containers, volumes with data, build cache.
    expect(ours.images.some((i) => i.tags.length === 0)).toBe(true);
    expect(ours.containers.some((c) => c.state === 'running') && ours.containers.some((c) => c.state === 'exited')).toBe(true);
    expect(ours.volumes.some((v) => v.size > 0 && v.anonymous) && ours.volumes.some((v) => v.size > 0 && !v.anonymous)).toBe(true);
    expect(ours.buildCache.length).toBeGreaterThan(0);
  });
});
