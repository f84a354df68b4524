/**
 * Services read one shape of GET /system/df whatever the engine: API 1.41 (engine 20.10) names a build cache
 * record's parent in `Parent`, API 1.42+ lists them in `Parents` (and leaves it out when there is none), and
 * engines send `null` for an empty list. The engine layer evens these out (engine-normalize.ts).
 */
import { describe, expect, it } from 'vitest';
import { asBuildCache, asDiskUsage } from '../../src/main/core/engine/engine-normalize';

const RECORD = { ID: 'leaf', Type: 'regular', Description: 'mount / from exec /bin/sh -c make', InUse: false, Shared: true, Size: 42, LastUsedAt: '2024-05-01T10:00:00Z', UsageCount: 3 };

describe('asBuildCache', () => {
  it('API 1.41: the one Parent becomes Parents, and Parent is gone', () => {
    const record = asBuildCache({ ...RECORD, Parent: 'mid' });
    expect(record).toEqual({ ...RECORD, Parents: ['mid'] });
    expect(record).not.toHaveProperty('Parent');
  });

  it('API 1.41: an empty Parent is no parent', () => {
    expect(asBuildCache({ ...RECORD, Parent: '' }).Parents).toEqual([]);
  });

  it('API 1.42: Parents is kept; left out or null, it is empty', () => {
    expect(asBuildCache({ ...RECORD, Parents: ['left', 'right'] })).toEqual({ ...RECORD, Parents: ['left', 'right'] });
    expect(asBuildCache(RECORD).Parents).toEqual([]);
    expect(asBuildCache({ ...RECORD, Parents: null }).Parents).toEqual([]);
  });

  it('fields an engine left out get their neutral values', () => {
    expect(asBuildCache({ ID: 'bare' })).toEqual({ ID: 'bare', Parents: [], Type: '', InUse: false, Shared: false, Size: 0 });
  });
});

describe('asDiskUsage', () => {
  it('null lists (an engine with nothing of a kind) are empty lists', () => {
    const empty = { LayersSize: 0, Images: [], Containers: [], Volumes: [], BuildCache: [] };
    expect(asDiskUsage({ LayersSize: 0, Images: null, Containers: null, Volumes: null, BuildCache: null })).toEqual(empty);
    expect(asDiskUsage({})).toEqual(empty);
    expect(asDiskUsage(null)).toEqual(empty);
  });

  it('build cache records of either API version come out with Parents', () => {
    const df = asDiskUsage({ LayersSize: 7, BuildCache: [{ ...RECORD, ID: 'old', Parent: 'base' }, { ...RECORD, ID: 'new', Parents: ['base'] }] });
    expect(df.BuildCache.map((b) => [b.ID, b.Parents])).toEqual([
      ['old', ['base']],
      ['new', ['base']],
    ]);
    expect(df.LayersSize).toBe(7);
  });

  it('an image or container answer with null lists reads as empty lists', () => {
    const df = asDiskUsage({ Images: [{ Id: 'sha256:1', RepoTags: null, RepoDigests: null }], Containers: [{ Id: 'c', Names: null, Mounts: null, Ports: null }] });
    expect(df.Images[0]).toMatchObject({ RepoTags: [], RepoDigests: [], SharedSize: -1, Containers: -1, Labels: {} });
    expect(df.Containers[0]).toMatchObject({ Names: [], Mounts: [], Ports: [], Labels: {} });
  });
});
