/**
 * Services read one shape of GET /system/df whatever the engine: API 1.41 (engine 20.10) names a build cache
 * record's parent in `Parent`, API 1.42+ lists them in `Parents` (and leaves it out when there is none), and
 * engines send `null` for an empty list. The engine layer evens these out (engine-normalize.ts).
 */
import { describe, expect, it } from 'vitest';
import { asBuildCache, asContainerSummary, asDiskUsage, asImageSummary, asNetwork, asVolume } from '../../src/main/core/engine/engine-normalize';

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

  it('engines 23–26 spell it " Parents" (a space in their struct tag, seen on dockerd 26.1): read as Parents', () => {
    const record = asBuildCache({ ...RECORD, ' Parents': ['base'] });
    expect(record).toEqual({ ...RECORD, Parents: ['base'] });
    expect(record).not.toHaveProperty(' Parents');
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

// The pure modules (image rows, removal plan, cleanup selection) read these lists and labels without a null check.
describe('list answers', () => {
  it('GET /images/json of engine 20.10: an image without names or labels has null lists, read as empty', () => {
    const { RepoTags, RepoDigests, Labels } = asImageSummary({ Id: 'sha256:1', ParentId: '', RepoTags: null, RepoDigests: null, Created: 1, Size: 2, SharedSize: -1, Containers: -1, Labels: null });
    expect({ RepoTags, RepoDigests, Labels }).toEqual({ RepoTags: [], RepoDigests: [], Labels: {} });
  });

  it("old engines' <none>:<none> and <none>@<none> are kept: the CLI's dangling rule reads them", () => {
    const { RepoTags, RepoDigests } = asImageSummary({ Id: 'sha256:1', RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'] });
    expect({ RepoTags, RepoDigests }).toEqual({ RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'] });
  });

  it('GET /containers/json: null Names, Ports, Mounts and Labels are empty', () => {
    const { Names, Ports, Mounts, Labels } = asContainerSummary({ Id: 'c', Names: null, Image: 'x', ImageID: 'sha256:1', Command: '', Created: 1, State: 'exited', Status: 'Exited', Ports: null, Labels: null, Mounts: null });
    expect({ Names, Ports, Mounts, Labels }).toEqual({ Names: [], Ports: [], Mounts: [], Labels: {} });
  });

  it('a volume with null Labels has none', () => {
    expect(asVolume({ Name: 'data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/data/_data', Labels: null }).Labels).toEqual({});
  });

  it('a network answer without Containers, or with null, has none attached', () => {
    const listed = { Id: 'n', Name: 'spare', Driver: 'bridge', Scope: 'local', Created: '2024-05-01T10:00:00Z', Labels: null };
    const { Containers, Labels } = asNetwork(listed);
    expect({ Containers, Labels }).toEqual({ Containers: {}, Labels: {} });
    expect(asNetwork({ ...listed, Containers: null }).Containers).toEqual({});
  });
});
