/**
 * The pull/push progress reader: the engine's jsonmessage lines (as dockerd 20.10 sends them for
 * `docker pull` / `docker push`) become per-layer rows and an overall fraction that never goes back.
 */
import { describe, expect, it } from 'vitest';
import type { EngineMessage } from '../../src/main/core/images/build-stream';
import { createTransferProgress, phaseOf, transferStep } from '../../src/main/core/images/transfer-progress';

const DIGEST = 'sha256:5ff1e7ad1ba6c7ecb3cfaa4e8ff2bcf3b54a5e0f2ca7edc74aea0ea8a3afc3d8';

function feed(lines: EngineMessage[]): { progress: ReturnType<typeof createTransferProgress>; fractions: Array<number | null> } {
  const progress = createTransferProgress();
  const fractions: Array<number | null> = [];
  for (const line of lines) {
    progress.read(line);
    fractions.push(progress.fraction());
  }
  return { progress, fractions };
}

const PULL: EngineMessage[] = [
  { status: 'Pulling from library/app', id: '1' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'aaa111' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'bbb222' },
  { status: 'Already exists', progressDetail: {}, id: 'ccc333' },
  { status: 'Waiting', progressDetail: {}, id: 'bbb222' },
  { status: 'Downloading', progressDetail: { current: 500, total: 1000 }, progress: '[=====>   ]', id: 'aaa111' },
  { status: 'Downloading', progressDetail: { current: 1000, total: 1000 }, id: 'aaa111' },
  { status: 'Verifying Checksum', progressDetail: {}, id: 'aaa111' },
  { status: 'Download complete', progressDetail: {}, id: 'aaa111' },
  { status: 'Extracting', progressDetail: { current: 400, total: 1000 }, id: 'aaa111' },
  { status: 'Downloading', progressDetail: { current: 10, total: 20 }, id: 'bbb222' },
  { status: 'Extracting', progressDetail: { current: 1000, total: 1000 }, id: 'aaa111' },
  { status: 'Pull complete', progressDetail: {}, id: 'aaa111' },
  { status: 'Download complete', progressDetail: {}, id: 'bbb222' },
  { status: 'Extracting', progressDetail: { current: 20, total: 20 }, id: 'bbb222' },
  { status: 'Pull complete', progressDetail: {}, id: 'bbb222' },
  { status: `Digest: ${DIGEST}` },
  { status: 'Status: Downloaded newer image for 127.0.0.1:5000/app:1' },
];

describe('createTransferProgress: pull', () => {
  it('reaches 1 only when every layer is complete: the last "Extracting x/x" is not yet done', () => {
    const { fractions } = feed(PULL);
    // Index 14: bbb222 extracting 20/20, the other layers finished.
    expect(fractions[14]).toBeLessThan(1);
    expect(fractions[15]).toBe(1);
  });

  it('keeps one row per layer with the phase and bytes the engine reported, never the tag line', () => {
    const { progress } = feed(PULL.slice(0, 11));
    expect(progress.layers()).toEqual([
      { id: 'aaa111', phase: 'extracting', current: 400, total: 1000 },
      { id: 'bbb222', phase: 'downloading', current: 10, total: 20 },
      { id: 'ccc333', phase: 'exists' },
    ]);
  });

  it('ends with every layer done, fraction 1 and the digest the registry answered', () => {
    const { progress } = feed(PULL);
    expect(progress.layers().map((l) => [l.id, l.phase])).toEqual([
      ['aaa111', 'done'],
      ['bbb222', 'done'],
      ['ccc333', 'exists'],
    ]);
    expect(progress.fraction()).toBe(1);
    expect(progress.digest()).toBe(DIGEST);
    expect(progress.error()).toBeUndefined();
    expect(progress.upToDate()).toBe(false);
  });

  it('never moves the overall fraction backwards, and it does move', () => {
    const { fractions } = feed(PULL);
    const numbers = fractions.filter((f): f is number => f !== null);
    for (let i = 1; i < numbers.length; i += 1) expect(numbers[i]).toBeGreaterThanOrEqual(numbers[i - 1]!);
    expect(new Set(numbers).size).toBeGreaterThan(5);
  });

  it('stays unknown while the engine lists the layers, and layers already there do not fill the bar', () => {
    const { fractions } = feed(PULL.slice(0, 6));
    expect(fractions.slice(0, 5)).toEqual([null, null, null, null, null]);
    // Then: one at half its download, one waiting; the layer already there does not count.
    expect(fractions[5]).toBeCloseTo((0.7 * 0.5 + 0) / 2);
  });

  it('keeps the bar when a layer retries and restarts its download, or a layer appears late', () => {
    const { progress, fractions } = feed([
      { status: 'Downloading', progressDetail: { current: 900, total: 1000 }, id: 'aaa' },
      { status: 'Retrying in 5 seconds', progressDetail: {}, id: 'aaa' },
      { status: 'Downloading', progressDetail: { current: 100, total: 1000 }, id: 'aaa' },
      { status: 'Pulling fs layer', progressDetail: {}, id: 'late' },
    ]);
    expect(fractions.slice(1).every((f) => f === fractions[0])).toBe(true);
    expect(fractions[0]).toBeCloseTo(0.63);
    expect(progress.layers()[0]).toEqual({ id: 'aaa', phase: 'downloading', current: 100, total: 1000 });
  });

  it('takes the error line the engine sends inside its 200 answer', () => {
    const { progress } = feed([
      { status: 'Pulling from library/app', id: 'nope' },
      { errorDetail: { message: 'manifest for 127.0.0.1:5000/app:nope not found: manifest unknown: manifest unknown' }, error: 'manifest for 127.0.0.1:5000/app:nope not found: manifest unknown: manifest unknown' },
    ]);
    expect(progress.error()).toBe('manifest for 127.0.0.1:5000/app:nope not found: manifest unknown: manifest unknown');
    expect(progress.layers()).toEqual([]);
  });

  it('has no fraction when every layer is already there (nothing moves)', () => {
    const { progress, fractions } = feed([
      { status: 'Already exists', progressDetail: {}, id: 'a' },
      { status: 'Already exists', progressDetail: {}, id: 'b' },
      { status: `Digest: ${DIGEST}` },
    ]);
    expect(fractions).toEqual([null, null, null]);
    expect(progress.layers().map((l) => l.phase)).toEqual(['exists', 'exists']);
  });

  it('says when the image was already up to date', () => {
    const { progress } = feed([
      { status: 'Pulling from library/app', id: '1' },
      { status: `Digest: ${DIGEST}` },
      { status: 'Status: Image is up to date for 127.0.0.1:5000/app:1' },
    ]);
    expect(progress.upToDate()).toBe(true);
    expect(progress.digest()).toBe(DIGEST);
    expect(progress.fraction()).toBeNull();
  });
});

describe('createTransferProgress: push', () => {
  const PUSH: EngineMessage[] = [
    { status: 'The push refers to repository [127.0.0.1:5000/team/app]' },
    { status: 'Preparing', progressDetail: {}, id: 'p1' },
    { status: 'Preparing', progressDetail: {}, id: 'p2' },
    { status: 'Preparing', progressDetail: {}, id: 'p3' },
    { status: 'Waiting', progressDetail: {}, id: 'p3' },
    { status: 'Layer already exists', progressDetail: {}, id: 'p2' },
    { status: 'Mounted from library/busybox', progressDetail: {}, id: 'p3' },
    { status: 'Pushing', progressDetail: { current: 512, total: 2048 }, progress: '[==>   ]', id: 'p1' },
    { status: 'Pushing', progressDetail: { current: 2048, total: 2048 }, id: 'p1' },
    { status: 'Pushed', progressDetail: {}, id: 'p1' },
    { status: `1: digest: ${DIGEST} size: 527` },
    { progressDetail: {}, aux: { Tag: '1', Digest: DIGEST, Size: 527 } } as EngineMessage,
  ];

  it('reads Preparing, Pushing, Pushed, Layer already exists and Mounted from …', () => {
    const { progress, fractions } = feed(PUSH);
    expect(progress.layers()).toEqual([
      { id: 'p1', phase: 'pushed', current: 2048, total: 2048 },
      { id: 'p2', phase: 'exists' },
      { id: 'p3', phase: 'mounted' },
    ]);
    expect(progress.digest()).toBe(DIGEST);
    expect(progress.fraction()).toBe(1);
    // Only the layer that moves bytes counts: a quarter pushed.
    expect(fractions[7]).toBeCloseTo(0.25);
  });

  it('takes an auth refusal as the error', () => {
    const { progress } = feed([...PUSH.slice(0, 3), { errorDetail: { message: 'no basic auth credentials' }, error: 'no basic auth credentials' }]);
    expect(progress.error()).toBe('no basic auth credentials');
  });
});

describe('phaseOf and transferStep', () => {
  it('maps every status the engine prints for a layer', () => {
    expect(
      ['Waiting', 'Pulling fs layer', 'Downloading', 'Verifying Checksum', 'Download complete', 'Extracting', 'Pull complete', 'Already exists', 'Preparing', 'Pushing', 'Pushed', 'Layer already exists', 'Mounted from a/b', 'Retrying in 3 seconds'].map(phaseOf),
    ).toEqual(['waiting', 'waiting', 'downloading', 'verifying', 'download-complete', 'extracting', 'done', 'exists', 'preparing', 'pushing', 'pushed', 'exists', 'mounted', 'retrying']);
    expect(phaseOf('Pulling from library/busybox')).toBeUndefined();
    expect(phaseOf('Digest: sha256:abc')).toBeUndefined();
  });

  it('names the step the transfer is in', () => {
    expect(transferStep([], 'pull')).toBe('starting');
    expect(transferStep([{ id: 'a', phase: 'downloading' }, { id: 'b', phase: 'exists' }], 'pull')).toBe('downloading');
    expect(transferStep([{ id: 'a', phase: 'extracting' }, { id: 'b', phase: 'waiting' }], 'pull')).toBe('extracting');
    expect(transferStep([{ id: 'a', phase: 'download-complete' }, { id: 'b', phase: 'done' }], 'pull')).toBe('verifying');
    expect(transferStep([{ id: 'a', phase: 'pushing' }], 'push')).toBe('pushing');
    expect(transferStep([{ id: 'a', phase: 'pushed' }, { id: 'b', phase: 'mounted' }], 'push')).toBe('finishing');
  });
});
