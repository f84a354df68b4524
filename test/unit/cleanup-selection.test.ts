import { describe, expect, it } from 'vitest';
import { bytesBesideImages, imagesDeleted } from '../../src/main/core/cleanup/estimate';
import { freedBySide, freedNeeds, spaceView } from '../../src/main/core/images/freed-space';
import { compileProtect, labelFilters } from '../../src/main/core/cleanup/protect';
import { buildReport } from '../../src/main/core/cleanup/report';
import { newestPerRepository, selectFor } from '../../src/main/core/cleanup/select';
import type { Snapshot } from '../../src/main/core/cleanup/snapshot';
import { buildCacheRecord, containerSummary, diskUsage, imageSummary, network, volume } from '../support/engine-answers';

const H = 3_600_000;
const NOW = 1_000 * H;
const id = (c: string): string => `sha256:${c.repeat(64)}`;

function snapshot(): Snapshot {
  return {
    now: NOW,
    df: diskUsage({
      Images: [
        imageSummary({ Id: id('a'), RepoTags: ['app:1'], Created: (NOW - 48 * H) / 1000, Size: 300, SharedSize: 100, Containers: 0 }),
        imageSummary({ Id: id('b'), RepoTags: ['app:2'], Created: (NOW - 2 * H) / 1000, Size: 200, SharedSize: 100, Containers: 1 }),
        imageSummary({ Id: id('c'), RepoTags: ['<none>:<none>'], Created: (NOW - 5 * H) / 1000, Size: 150, SharedSize: 100, Containers: 1 }),
      ],
      Containers: [
        containerSummary({ Id: 'c1', Names: ['/old'], Image: 'x', SizeRw: 10, State: 'exited', Status: 'Exited (0) 3 days ago', Created: (NOW - 80 * H) / 1000 }),
        containerSummary({ Id: 'c2', Names: ['/web'], Image: 'app:2', SizeRw: 5, State: 'running', Status: 'Up', Created: (NOW - 1 * H) / 1000 }),
      ],
      Volumes: [
        volume({ Name: 'f'.repeat(64), UsageData: { Size: 40, RefCount: 0 } }),
        volume({ Name: 'data', UsageData: { Size: 90, RefCount: 0 } }),
        volume({ Name: 'used', UsageData: { Size: 7, RefCount: 1 } }),
      ],
      BuildCache: [
        buildCacheRecord({ ID: 'k1', Type: 'regular', InUse: false, Shared: false, Size: 11 }),
        buildCacheRecord({ ID: 'k2', Type: 'regular', InUse: true, Shared: false, Size: 12 }),
        buildCacheRecord({ ID: 'k3', Type: 'regular', InUse: false, Shared: true, Size: 13 }),
      ],
    }),
    images: [
      imageSummary({ Id: id('a'), RepoTags: ['app:1'], Created: (NOW - 48 * H) / 1000, Labels: { keep: 'yes' } }),
      imageSummary({ Id: id('b'), RepoTags: ['app:2'], Created: (NOW - 2 * H) / 1000 }),
      imageSummary({ Id: id('c'), RepoTags: [], Created: (NOW - 5 * H) / 1000 }),
    ],
    containers: [
      containerSummary({ Id: 'c1', Names: ['/old'], ImageID: id('c'), State: 'exited', Status: 'Exited (0) 3 days ago', Created: (NOW - 80 * H) / 1000 }),
      containerSummary({ Id: 'c2', Names: ['/web'], ImageID: id('b'), State: 'running', Status: 'Up', Created: (NOW - 1 * H) / 1000, Mounts: [{ Type: 'volume', Name: 'used' }] }),
    ],
    networks: [
      network({ Id: 'n1', Name: 'bridge' }),
      network({ Id: 'n2', Name: 'spare', Containers: {} }),
      network({ Id: 'n3', Name: 'busy', Containers: { c2: {} } }),
    ],
    finishedAt: { c1: NOW - 70 * H },
  };
}

describe('cleanup selection follows the CLI prunes and the wizard options', () => {
  it('quick clean: stopped containers, the dangling image they free, build cache not in use', () => {
    const s = selectFor('quick', {}, snapshot());
    expect(s.items.map((i) => i.key)).toEqual(['container:c1', `image:${id('c')}`, 'buildCache:k1', 'buildCache:k3']);
    expect(selectFor('quick', { exitedHours: 71 }, snapshot()).items.filter((i) => i.kind === 'container')).toEqual([]);
    // Without its container going, the dangling image is in use.
    expect(selectFor('quick', { exitedHours: 71 }, snapshot()).items.some((i) => i.kind === 'image')).toBe(false);
  });

  it('unused images: until, keep newest per repository, protect by label or glob', () => {
    expect(selectFor('images', {}, snapshot()).items.map((i) => i.id)).toEqual([id('a')]);
    expect(selectFor('images', { untilHours: 72 }, snapshot()).items).toEqual([]);
    const kept = selectFor('images', { keepNewest: 1 }, snapshot());
    // app:2 is the newest app (in use anyway), so app:1 still goes.
    expect(kept.items.map((i) => i.id)).toEqual([id('a')]);
    expect(selectFor('images', { keepNewest: 2 }, snapshot()).kept).toEqual([{ name: 'app:1', why: 'newest' }]);
    expect(selectFor('images', { protect: ['label=keep=yes'] }, snapshot()).kept).toEqual([{ name: 'app:1', why: 'protected' }]);
    expect(selectFor('images', { protect: ['app'] }, snapshot()).items).toEqual([]);
  });

  it('volumes: anonymous ticked, named unticked with a caution; used ones never listed', () => {
    const s = selectFor('volumes', {}, snapshot());
    expect(s.items.map((i) => [i.id, i.selected, i.caution])).toEqual([
      ['f'.repeat(64), true, undefined],
      ['data', false, 'named-volume'],
    ]);
  });

  it('networks and everything', () => {
    expect(selectFor('networks', {}, snapshot()).items.map((i) => i.name)).toEqual(['spare']);
    const all = selectFor('everything', { allImages: true, volumes: true }, snapshot());
    expect(all.combines).toEqual(['quick', 'networks', 'images', 'volumes']);
    expect(all.items.map((i) => i.key)).toEqual(['container:c1', `image:${id('a')}`, `image:${id('c')}`, 'network:n2', `volume:${'f'.repeat(64)}`, 'buildCache:k1', 'buildCache:k3']);
  });

  it('estimate: shared build cache frees nothing; shared layers of deleted images count once', () => {
    const snap = snapshot();
    const layers = [
      { id: id('a'), diffIds: ['base', 'a'], sizes: [100, 200] },
      { id: id('b'), diffIds: ['base', 'b'], sizes: [100, 100] },
      { id: id('c'), diffIds: ['base', 'c'], sizes: [100, 50] },
    ];
    const items = selectFor('everything', { allImages: true, volumes: true }, snap).items;
    // c1 10 + volume 40 + k1 11 (k3 is shared with an image).
    expect(bytesBesideImages(snap, items)).toBe(10 + 40 + 11);
    // Images a (200) and c (50) go; base stays for b. Both sides say so.
    const deleted = imagesDeleted(snap, items);
    const view = spaceView({ ...snap.df, LayersSize: 100 + 200 + 100 + 50 }, snap.images);
    const byId = new Map(layers.map((l) => [l.id, l]));
    const deletedSide = freedNeeds({ ...view, layersSize: null }, deleted, () => false);
    expect(deletedSide.side).toBe('deleted');
    expect(freedBySide(view, deletedSide, byId, deleted)).toBe(250);
    const keptSide = freedNeeds(view, deleted, () => false);
    expect(keptSide).toEqual({ side: 'kept', chains: [id('b')], sized: [id('b')] });
    expect(freedBySide(view, keptSide, byId, deleted)).toBe(250);
  });

  it('protect patterns and their CLI filters', () => {
    const p = compileProtect(['myorg/*', '*:stable', 'label=team']);
    expect(p({ tags: ['myorg/app:1'], labels: {} })).toBe(true);
    expect(p({ tags: ['x:stable'], labels: {} })).toBe(true);
    expect(p({ tags: ['x:1'], labels: { team: 'a' } })).toBe(true);
    expect(p({ tags: ['x:1'], labels: {} })).toBe(false);
    expect(labelFilters(['label=team', 'myorg/*'])).toEqual(['label!=team']);
  });

  it('newest per repository counts an image once per repository', () => {
    const images = [
      { Id: '1', RepoTags: ['r:a', 'r:b'], Created: 3 },
      { Id: '2', RepoTags: ['r:c'], Created: 2 },
      { Id: '3', RepoTags: ['r:d', 'q:1'], Created: 1 },
    ];
    expect([...newestPerRepository(images, 2)].sort()).toEqual(['1', '2', '3']);
    expect([...newestPerRepository(images, 1)].sort()).toEqual(['1', '3']);
  });

  it('report: what never ran counts as skipped (cancelled)', () => {
    const item = { key: 'network:n', kind: 'network' as const, id: 'n', name: 'n', size: 0, selected: true };
    const r = buildReport({ id: 'r', wizard: 'networks', startedAt: 0, endedAt: 1, estimate: 0, reclaimed: 0, before: [], after: [], outcomes: [{ item, outcome: undefined }] });
    expect(r.skipped).toEqual([{ kind: 'network', name: 'n', reason: 'cancelled' }]);
  });
});
