/**
 * images.inspect answers what `docker image inspect` and `docker history` say on the same engine, which
 * layers an image shares with the other local images (same chain only), and the containers made from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { ImageDetails } from '../../src/shared/image-details';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox } from '../support/fixtures';
import { call, makeCore } from './make-core';

interface CliHistoryRow {
  ID: string;
  CreatedAt: string;
  CreatedBy: string;
  Size: string;
  Comment: string;
}

/** `docker history --no-trunc --human=false`: exact IDs, RFC 3339 times and sizes in bytes. */
async function cliHistory(engine: PrivateEngine, ref: string): Promise<Array<{ id: string; created: number; createdBy: string; size: number; comment: string }>> {
  const { stdout } = await engine.cliOk(['history', '--no-trunc', '--human=false', '--format', '{{json .}}', ref]);
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CliHistoryRow)
    .map((r) => ({ id: r.ID, created: Date.parse(r.CreatedAt) / 1000, createdBy: r.CreatedBy, size: Number(r.Size), comment: r.Comment }));
}

/** Our rows as the CLI prints them: it only replaces tabs in CREATED BY with spaces. */
function ourHistory(details: ImageDetails): Array<{ id: string; created: number; createdBy: string; size: number; comment: string }> {
  return details.history.map((r) => ({ id: r.id, created: r.created, createdBy: r.createdBy.replaceAll('\t', ' '), size: r.size, comment: r.comment }));
}

const sharedIds = (details: ImageDetails): string[][] => details.layers.map((l) => l.sharedWith.map((s) => s.id).sort());

describe('images.inspect equals docker image inspect / docker history, with exact layer sharing', () => {
  let engine: PrivateEngine;
  let core: Core;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'details' });
    core = makeCore(engine.host);
    await core.start();
    ids.busybox = await importBusybox(engine);
    ids.base = await buildImage(engine, 'details/base:1', 'FROM busybox\nENV TIER=base\nRUN echo base > /base\nRUN echo\tmore > /more\n');
    // One child from the legacy builder (intermediate image IDs in history), one from BuildKit (<missing>).
    ids.childA = await buildImage(engine, 'details/child-a:1', 'FROM details/base:1\nRUN echo child-a > /child\nCMD ["cat", "/child"]\n');
    ids.childB = await buildImage(engine, 'details/child-b:1', 'FROM details/base:1\nLABEL side=b\nRUN echo child-b > /child\n', { buildkit: true });
    ids.other = await buildImage(engine, 'details/other:1', 'FROM scratch\nCOPY file /file\n', { files: { file: 'unrelated\n' } });
    await engine.cliOk(['create', '--name', 'details-user', 'details/child-a:1']);
  }, 600_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('inspect is GET /images/{id}/json exactly as docker image inspect prints it', async () => {
    for (const ref of ['details/base:1', 'details/child-a:1', 'details/child-b:1', 'details/other:1', ids.childB as string]) {
      const details = await call(core, 'images.inspect', { image: ref });
      const { stdout } = await engine.cliOk(['image', 'inspect', ref]);
      expect(details.inspect).toEqual((JSON.parse(stdout) as unknown[])[0]);
      expect(details.id).toBe(details.inspect.Id);
    }
  });

  it('history has the rows of docker history (IDs incl. <missing>, created-by, sizes in bytes, comments)', async () => {
    for (const ref of ['busybox:latest', 'details/base:1', 'details/child-a:1', 'details/child-b:1', 'details/other:1']) {
      const details = await call(core, 'images.inspect', { image: ref });
      expect(ourHistory(details)).toEqual(await cliHistory(engine, ref));
    }
    const childB = await call(core, 'images.inspect', { image: 'details/child-b:1' });
    expect(childB.history.some((r) => r.id === '<missing>')).toBe(true);
  });

  it('tags and digests are the image\'s own', async () => {
    await engine.cliOk(['tag', 'details/other:1', 'details/other:alias']);
    const details = await call(core, 'images.inspect', { image: 'details/other:alias' });
    expect(details.id).toBe(ids.other);
    expect([...details.repoTags].sort()).toEqual(['details/other:1', 'details/other:alias']);
    expect(details.repoDigests).toEqual([]);
  });

  it('the base layers are shared with both children, the children\'s own top layers with nobody', async () => {
    const base = await call(core, 'images.inspect', { image: 'details/base:1' });
    const childA = await call(core, 'images.inspect', { image: 'details/child-a:1' });
    const childB = await call(core, 'images.inspect', { image: 'details/child-b:1' });
    const other = await call(core, 'images.inspect', { image: 'details/other:1' });
    const { busybox, base: baseId, childA: aId, childB: bId } = ids as Record<'busybox' | 'base' | 'childA' | 'childB', string>;

    // busybox (1 layer) ← base (+2 RUN layers) ← child-a / child-b (+1 RUN layer each).
    expect(base.layers).toHaveLength(3);
    expect(sharedIds(base)).toEqual([[busybox, aId, bId].sort(), [aId, bId].sort(), [aId, bId].sort()]);
    expect(childA.layers.slice(0, 3).map((l) => l.diffId)).toEqual(base.layers.map((l) => l.diffId));
    expect(sharedIds(childA)).toEqual([[busybox, baseId, bId].sort(), [baseId, bId].sort(), [baseId, bId].sort(), []]);
    expect(sharedIds(childB)[3]).toEqual([]);
    expect(sharedIds(other)).toEqual([[]]);
    // The sharing images are named as the list names them.
    expect(childA.layers[1]?.sharedWith.find((s) => s.id === baseId)?.ref).toBe('details/base:1');
  });

  it('history steps that made layers point at them, metadata steps at none', async () => {
    const childA = await call(core, 'images.inspect', { image: 'details/child-a:1' });
    expect(childA.historyMatched).toBe(true);
    // Newest first: CMD (no layer), RUN child-a (top layer), …; the oldest step made the base layer.
    expect(childA.history[0]?.createdBy).toContain('CMD');
    expect(childA.history[0]?.layerIndex).toBeNull();
    expect(childA.history[1]?.createdBy).toContain('echo child-a');
    expect(childA.history[1]?.layerIndex).toBe(3);
    expect(childA.history.at(-1)?.layerIndex).toBe(0);
    expect(childA.history.find((r) => r.createdBy.includes('ENV TIER'))?.layerIndex).toBeNull();
    expect(childA.layers[3]?.size).toBe(childA.history[1]?.size);
  });

  it('a layer of 0 bytes (a new empty directory) breaks the count: no step is matched, the layers are still all there', async () => {
    const id = await buildImage(engine, 'details/empty-step:1', 'FROM details/base:1\nRUN mkdir /empty-dir\n');
    const details = await call(core, 'images.inspect', { image: id });
    const { stdout } = await engine.cliOk(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', id]);
    expect(details.layers.map((l) => l.diffId)).toEqual(JSON.parse(stdout));
    expect(details.history.filter((r) => r.size > 0).length).not.toBe(details.layers.length);
    expect(details.historyMatched).toBe(false);
    expect(details.history.every((r) => r.layerIndex === null)).toBe(true);
    expect(details.layers.every((l) => l.size === null)).toBe(true);
    expect(sharedIds(details)[0]).toContain(ids.base);
    await engine.cliOk(['rmi', 'details/empty-step:1']);
  });

  it('lists the containers created from the image, whatever their state', async () => {
    const childA = await call(core, 'images.inspect', { image: 'details/child-a:1' });
    expect(childA.containers.map((c) => [c.name, c.state])).toEqual([['details-user', 'created']]);
    const { stdout } = await engine.cliOk(['ps', '-a', '--no-trunc', '--filter', 'name=details-user', '--format', '{{.ID}}']);
    expect(childA.containers[0]?.id).toBe(stdout.trim());
    expect((await call(core, 'images.inspect', { image: 'details/base:1' })).containers).toEqual([]);
  });

  it('an image removed since the last look no longer counts as sharing', async () => {
    const extra = await buildImage(engine, 'details/extra:1', 'FROM details/base:1\nRUN echo extra > /extra\n');
    const before = await call(core, 'images.inspect', { image: 'details/base:1' });
    expect(before.layers[2]?.sharedWith.map((s) => s.id)).toContain(extra);
    await engine.cliOk(['rmi', 'details/extra:1']);
    const after = await call(core, 'images.inspect', { image: 'details/base:1' });
    expect(after.layers[2]?.sharedWith.map((s) => s.id)).not.toContain(extra);
  });

  it('a missing image is not-found with the engine\'s message, as docker image inspect says', async () => {
    const cli = await engine.cli(['image', 'inspect', 'details/missing:1']);
    expect(cli.stderr).toContain('No such image');
    for (const image of ['details/missing:1', `sha256:${'0'.repeat(64)}`]) {
      const envelope = await core.invoke('images.inspect', { image });
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code).toBe('not-found');
        expect(envelope.error.message).toContain('No such image');
      }
    }
  });

  it('refuses names that would be another request path', async () => {
    const envelope = await core.invoke('images.inspect', { image: '../containers/json' });
    expect(envelope.ok ? 'ok' : envelope.error.code).toBe('invalid-input');
  });
});
