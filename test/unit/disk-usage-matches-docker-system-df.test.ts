/**
 * `docker system df` arithmetic as the docker CLI 28 does it (cli/command/formatter/disk_usage.go):
 * every expected number below is worked out by hand from those rules, not taken from Wharf's output.
 */
import { describe, expect, it } from 'vitest';
import type { DiskUsageKind, DiskUsageRow, RawDiskUsage } from '../../src/shared/disk-usage';
import { summarizeDiskUsage, toCliRow } from '../../src/shared/disk-usage';

function row(du: RawDiskUsage, kind: DiskUsageKind): DiskUsageRow {
  const found = summarizeDiskUsage(du).find((r) => r.kind === kind);
  if (!found) throw new Error(`no ${kind} row`);
  return found;
}

describe('docker system df rows', () => {
  it('has one row per CLI TYPE, in the CLI order, with the CLI names', () => {
    expect(summarizeDiskUsage({}).map((r) => toCliRow(r).Type)).toEqual(['Images', 'Containers', 'Local Volumes', 'Build Cache']);
  });

  it.each([
    ['missing', {}],
    ['null', { LayersSize: 0, Images: null, Containers: null, Volumes: null, BuildCache: null }],
    ['empty', { LayersSize: 0, Images: [], Containers: [], Volumes: [], BuildCache: [] }],
  ] as Array<[string, RawDiskUsage]>)('an engine with nothing (%s arrays) shows 0 everywhere and no percentage', (_name, du) => {
    for (const r of summarizeDiskUsage(du)) {
      expect(r).toMatchObject({ total: 0, active: 0, size: 0, reclaimable: 0, reclaimablePercent: null });
      expect(toCliRow(r)).toMatchObject({ TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' });
    }
  });
});

describe('Images row', () => {
  it('counts every image, and as active only those with Containers > 0', () => {
    const r = row(
      {
        LayersSize: 100,
        Images: [
          { Containers: 2, Size: 10, SharedSize: 0 },
          { Containers: 0, Size: 10, SharedSize: 0 },
          { Containers: -1, Size: 10, SharedSize: 0 }, // -1: not computed by the engine, not "in use"
          { Containers: 1, Size: 10, SharedSize: 0 },
        ],
      },
      'images',
    );
    expect(r.total).toBe(4);
    expect(r.active).toBe(2);
  });

  it('SIZE is LayersSize, not the sum of the image sizes', () => {
    const r = row({ LayersSize: 5_000, Images: [{ Containers: 0, Size: 3_000, SharedSize: 0 }, { Containers: 0, Size: 4_000, SharedSize: 2_000 }] }, 'images');
    expect(r.size).toBe(5_000);
    expect(toCliRow(r).Size).toBe('5kB');
  });

  it('RECLAIMABLE = LayersSize − Σ(Size − SharedSize) of images with Containers ≠ 0, skipping sizes of −1', () => {
    const du: RawDiskUsage = {
      LayersSize: 10_000_000,
      Images: [
        { Containers: 2, Size: 4_000_000, SharedSize: 1_000_000 }, // used: 3,000,000
        { Containers: 1, Size: 2_500_000, SharedSize: 1_000_000 }, // used: 1,500,000
        { Containers: 0, Size: 3_000_000, SharedSize: 0 }, // unused: does not reduce the reclaimable space
        { Containers: 1, Size: -1, SharedSize: 500 }, // size unknown: skipped
        { Containers: 1, Size: 700, SharedSize: -1 }, // shared size unknown: skipped
        { Containers: -1, Size: 1_000_000, SharedSize: 0 }, // Containers != 0 counts as used: 1,000,000
      ],
    };
    const r = row(du, 'images');
    // 10,000,000 − (3,000,000 + 1,500,000 + 1,000,000) = 4,500,000 → 45%
    expect(r.reclaimable).toBe(4_500_000);
    expect(r.reclaimablePercent).toBe(45);
    expect(toCliRow(r)).toEqual({ Type: 'Images', TotalCount: '6', Active: '4', Size: '10MB', Reclaimable: '4.5MB (45%)' });
  });

  it('everything reclaimable when no image is used', () => {
    const r = row({ LayersSize: 1_982_464, Images: [{ Containers: 0, Size: 1_982_464, SharedSize: 0 }] }, 'images');
    expect(r.reclaimable).toBe(1_982_464);
    expect(toCliRow(r).Reclaimable).toBe('1.982MB (100%)');
  });

  it('the percentage is Go integer division: truncated, not rounded', () => {
    // 2 of 3 bytes reclaimable: 200/3 = 66.67 → 66
    const r = row({ LayersSize: 3, Images: [{ Containers: 1, Size: 1, SharedSize: 0 }] }, 'images');
    expect(r.reclaimable).toBe(2);
    expect(r.reclaimablePercent).toBe(66);
    expect(toCliRow(r).Reclaimable).toBe('2B (66%)');
  });

  it('a negative percentage truncates toward zero like Go, not toward −∞', () => {
    // used 4 > LayersSize 3: reclaimable −1, (−1*100)/3 = −33.3 → −33 in Go's int64 division
    const r = row({ LayersSize: 3, Images: [{ Containers: 1, Size: 4, SharedSize: 0 }] }, 'images');
    expect(r.reclaimable).toBe(-1);
    expect(r.reclaimablePercent).toBe(-33);
  });

  it('shows "0B (0%)" when the layers take space and all of it is in use', () => {
    const r = row({ LayersSize: 1_000, Images: [{ Containers: 1, Size: 1_000, SharedSize: 0 }] }, 'images');
    expect(toCliRow(r).Reclaimable).toBe('0B (0%)');
  });
});

describe('Containers row', () => {
  const du: RawDiskUsage = {
    Containers: [
      { State: 'running', SizeRw: 100 },
      { State: 'paused', SizeRw: 200 },
      { State: 'restarting', SizeRw: 300 },
      { State: 'exited', SizeRw: 1_000 },
      { State: 'created', SizeRw: 0 },
      { State: 'dead', SizeRw: 50 },
    ],
  };

  it('active = running, paused or restarting; everything else is reclaimable', () => {
    const r = row(du, 'containers');
    expect(r.total).toBe(6);
    expect(r.active).toBe(3);
    // SIZE = Σ SizeRw = 1,650; reclaimable = exited + created + dead = 1,050; 105000/1650 = 63.6 → 63
    expect(r.size).toBe(1_650);
    expect(r.reclaimable).toBe(1_050);
    expect(toCliRow(r)).toEqual({ Type: 'Containers', TotalCount: '6', Active: '3', Size: '1.65kB', Reclaimable: '1.05kB (63%)' });
  });

  it('a container without SizeRw adds nothing', () => {
    const r = row({ Containers: [{ State: 'exited' }, { State: 'running' }] }, 'containers');
    expect(r).toMatchObject({ total: 2, active: 1, size: 0, reclaimable: 0, reclaimablePercent: null });
    expect(toCliRow(r).Reclaimable).toBe('0B');
  });
});

describe('Local Volumes row', () => {
  it('active = RefCount > 0; sizes of −1 are left out of SIZE and RECLAIMABLE', () => {
    const r = row(
      {
        Volumes: [
          { UsageData: { RefCount: 2, Size: 5_000 } },
          { UsageData: { RefCount: 0, Size: 3_000 } },
          { UsageData: { RefCount: 0, Size: -1 } },
          { UsageData: { RefCount: 1, Size: -1 } },
        ],
      },
      'volumes',
    );
    expect(r.total).toBe(4);
    expect(r.active).toBe(2);
    expect(r.size).toBe(8_000);
    expect(r.reclaimable).toBe(3_000);
    // 300000/8000 = 37.5 → 37
    expect(toCliRow(r)).toEqual({ Type: 'Local Volumes', TotalCount: '4', Active: '2', Size: '8kB', Reclaimable: '3kB (37%)' });
  });
});

describe('Build Cache row', () => {
  it('SIZE counts records that are not shared; RECLAIMABLE those neither shared nor in use; no percentage', () => {
    const r = row(
      {
        BuildCache: [
          { InUse: true, Shared: false, Size: 1_000 },
          { InUse: false, Shared: false, Size: 2_500 },
          { InUse: false, Shared: true, Size: 4_000 },
          { InUse: true, Shared: true, Size: 500 },
        ],
      },
      'buildCache',
    );
    expect(r.total).toBe(4);
    expect(r.active).toBe(2);
    expect(r.size).toBe(3_500);
    expect(r.reclaimable).toBe(2_500);
    expect(r.reclaimablePercent).toBeNull();
    expect(toCliRow(r)).toEqual({ Type: 'Build Cache', TotalCount: '4', Active: '2', Size: '3.5kB', Reclaimable: '2.5kB' });
  });
});
