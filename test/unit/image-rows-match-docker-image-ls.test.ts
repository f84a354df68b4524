/**
 * Row expansion as `docker image ls --digests --no-trunc` prints it (docker/cli formatter/image.go): one row per
 * repository:tag (× the repository's digests), digest-only repositories as tag <none>, untagged images as <none> <none>.
 */
import { describe, expect, it } from 'vitest';
import type { EngineImageSummary } from '../../src/main/core/engine/engine-types';
import { containersByImage, expandImageRows, familiarName, isDanglingSummary } from '../../src/main/core/images/images-rows';
import { imageSummary } from '../support/engine-answers';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

function img(id: string, tags: string[], digests: string[], extra: Partial<EngineImageSummary> = {}): EngineImageSummary {
  return imageSummary({ Id: `sha256:${id.repeat(64).slice(0, 64)}`, RepoTags: tags, RepoDigests: digests, Created: 1_700_000_000, Size: 4_000_000, ...extra });
}

function triples(images: EngineImageSummary[]): string[] {
  return expandImageRows(images, new Map()).map((r) => `${r.repository} ${r.tag} ${r.digest}`);
}

describe('row expansion', () => {
  // An old engine's null RepoTags / RepoDigests reach these rules as [] (engine-normalize.ts and its test).
  it('an image with neither tags nor digests is one <none> <none> row, dangling', () => {
    const rows = expandImageRows([img('a', [], [])], new Map());
    expect(rows.map((r) => `${r.repository} ${r.tag} ${r.digest} ${r.dangling}`)).toEqual(['<none> <none> <none> true']);
  });

  it('old engines\' <none>:<none> / <none>@<none> placeholders are the same dangling row', () => {
    expect(triples([img('a', ['<none>:<none>'], ['<none>@<none>'])])).toEqual(['<none> <none> <none>']);
    expect(isDanglingSummary(img('a', ['<none>:<none>'], ['<none>@<none>']))).toBe(true);
  });

  it('one row per tag, grouped by repository, digest <none> when the repository has none', () => {
    expect(triples([img('a', ['busybox:latest', 'busybox:1', 'mirror/busybox:edge'], [])])).toEqual([
      'busybox latest <none>',
      'busybox 1 <none>',
      'mirror/busybox edge <none>',
    ]);
  });

  it('a tagged repository with a digest shows the digest on each tag row, never as its own row', () => {
    expect(triples([img('a', ['reg:5000/team/tool:1', 'reg:5000/team/tool:2', 'tool:1'], ['reg:5000/team/tool@' + D1])])).toEqual([
      `reg:5000/team/tool 1 ${D1}`,
      `reg:5000/team/tool 2 ${D1}`,
      'tool 1 <none>',
    ]);
  });

  it('a repository with two digests gives a row per tag and digest', () => {
    expect(triples([img('a', ['r/x:1'], [`r/x@${D1}`, `r/x@${D2}`])])).toEqual([`r/x 1 ${D1}`, `r/x 1 ${D2}`]);
  });

  it('a repository known only by digest (its tag moved) is a <none> tag row with the digest, not dangling', () => {
    const rows = expandImageRows([img('a', [], [`busybox@${D1}`])], new Map());
    expect(rows.map((r) => `${r.repository} ${r.tag} ${r.digest}`)).toEqual([`busybox <none> ${D1}`]);
    expect(rows[0]?.dangling).toBe(true); // no tag: the engine's dangling=true lists it
    expect(triples([img('a', ['other:1'], [`busybox@${D1}`])])).toEqual(['other 1 <none>', `busybox <none> ${D1}`]);
  });

  it('names are shown familiar: docker.io/library/ dropped, other registries (with ports) kept', () => {
    expect(triples([img('a', ['docker.io/library/busybox:1', 'docker.io/me/app:2', '127.0.0.1:5000/ns/name:v1', 'localhost/tools/bb:1'], [])])).toEqual([
      'busybox 1 <none>',
      'me/app 2 <none>',
      '127.0.0.1:5000/ns/name v1 <none>',
      'localhost/tools/bb 1 <none>',
    ]);
    expect(familiarName('index.docker.io/library/busybox')).toBe('busybox');
    expect(familiarName('library/busybox')).toBe('busybox');
    expect(familiarName('docker.io/library/a/b')).toBe('library/a/b');
  });

  it('references the CLI cannot parse are skipped (uppercase, 64-hex names, no tag)', () => {
    expect(triples([img('a', ['Bad/Name:1', `${'f'.repeat(64)}:1`, 'notag', 'ok:1'], [])])).toEqual(['ok 1 <none>']);
  });

  it('keeps the engine\'s image order and carries id, created, size, labels on every row; keys are unique', () => {
    const images = [img('a', ['x:1', 'x:2'], [], { Labels: { tier: 'app' }, Size: 123 }), img('b', [], [])];
    const rows = expandImageRows(images, new Map());
    expect(rows.map((r) => r.id)).toEqual([images[0]?.Id, images[0]?.Id, images[1]?.Id]);
    expect(rows[0]).toMatchObject({ size: 123, created: 1_700_000_000, labels: { tier: 'app' }, dangling: false });
    expect(rows[2]?.labels).toEqual({});
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('one image with thousands of tags gives one row per tag (timing is measured by the bench)', () => {
    const tags = Array.from({ length: 2_000 }, (_, i) => `bench/img${i}:v${i % 7}`);
    expect(expandImageRows([img('a', tags, [])], new Map()).length).toBe(2_000);
  });
});

describe('containers per image', () => {
  it('counts running vs other states by ImageID and keeps the names without the leading slash', () => {
    const use = containersByImage([
      { ImageID: 'sha256:a', State: 'running', Names: ['/web'] },
      { ImageID: 'sha256:a', State: 'exited', Names: ['/old'] },
      { ImageID: 'sha256:a', State: 'paused', Names: ['/paused'] },
      { ImageID: 'sha256:b', State: 'created', Names: ['/fresh'] },
    ]);
    expect(use.get('sha256:a')).toEqual({ running: 1, other: 2, names: ['web', 'old', 'paused'] });
    expect(use.get('sha256:b')).toEqual({ running: 0, other: 1, names: ['fresh'] });
    const rows = expandImageRows([imageSummary({ Id: 'sha256:a', RepoTags: ['x:1'], Created: 1, Size: 1 })], use);
    expect(rows[0]?.containers.running).toBe(1);
  });
});
