/** The Build cache wizard's choice: idle records, `until` by last use, keep-storage from the least recently used. */
import { describe, expect, it } from 'vitest';
import { selectFor } from '../../src/main/core/cleanup/select';
import type { Snapshot } from '../../src/main/core/cleanup/snapshot';

const NOW = Date.parse('2026-12-04T00:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW - h * 3_600_000).toISOString();
const record = (ID: string, lastUsedHours: number, Size: number, InUse = false) => ({ ID, Parents: [], Type: 'regular', InUse, Shared: false, Size, LastUsedAt: hoursAgo(lastUsedHours) });

const snap = {
  now: NOW,
  df: { LayersSize: 0, Images: [], Containers: [], Volumes: [], BuildCache: [record('old', 48, 3_000_000), record('mid', 10, 2_000_000), record('new', 1, 1_000_000), record('busy', 100, 5_000_000, true)] },
  images: [],
  containers: [],
  networks: [],
  finishedAt: {},
} as Snapshot;

const ids = (options: Parameters<typeof selectFor>[1]): string[] => selectFor('buildCache', options, snap).items.map((i) => i.id);

describe('build cache selection', () => {
  it('never a record in use; until by last use', () => {
    expect(ids({}).sort()).toEqual(['mid', 'new', 'old']);
    expect(ids({ untilHours: 24 })).toEqual(['old']);
    expect(ids({ untilHours: 5 }).sort()).toEqual(['mid', 'old']);
  });

  it('keep-storage: least recently used first, until what stays (in use too) fits', () => {
    // 11 MB in all: keeping 8 MB drops old (3 MB); keeping 7 MB drops old and mid.
    expect(ids({ keepStorageMb: 8 })).toEqual(['old']);
    expect(ids({ keepStorageMb: 7 })).toEqual(['old', 'mid']);
    expect(ids({ keepStorageMb: 11 })).toEqual([]);
    expect(ids({ keepStorageMb: 0 }).sort()).toEqual(['mid', 'new', 'old']);
  });

  it('says the equivalent command', () => {
    expect(selectFor('buildCache', { untilHours: 24, keepStorageMb: 500 }, snap).commands).toEqual([['docker', 'builder', 'prune', '-a', '-f', '--filter', 'until=24h', '--keep-storage', '500MB']]);
  });
});
