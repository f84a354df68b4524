/**
 * The two sides of freed-space.ts against the truth, on random local image sets built as dockerd builds them:
 * chains of layers (some of size 0), untagged intermediate parents of classic builds, images with no parent,
 * df's SharedSize and LayersSize computed the engine's way (over the images `docker image ls` lists).
 */
import { describe, expect, it } from 'vitest';
import { freedBySide, freedNeeds, spaceView } from '../../src/main/core/images/freed-space';
import type { ImageLayers } from '../../src/main/core/images/layer-accounting';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  images: Array<{ Id: string; ParentId: string; tagged: boolean; chain: string[] }>;
  sizes: Map<string, number>;
}

/** A random world: a layer tree, images on its nodes, classic builds with intermediate parents. */
function world(rand: () => number): World {
  const sizes = new Map<string, number>();
  const nodes: string[][] = [];
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const grow = (from: string[]): string[] => {
    const chain = [...from, `l${sizes.size}`];
    sizes.set(chain[chain.length - 1] as string, rand() < 0.2 ? 0 : 1 + Math.floor(rand() * 1000));
    nodes.push(chain);
    return chain;
  };
  for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) grow([]);
  for (let i = 0; i < 4 + Math.floor(rand() * 12); i++) grow(pick(nodes));
  const images: World['images'] = [];
  const add = (chain: string[], ParentId: string, tagged: boolean): string => {
    const Id = `sha256:${images.length}`;
    images.push({ Id, ParentId, tagged, chain });
    return Id;
  };
  for (let i = 0; i < 3 + Math.floor(rand() * 10); i++) {
    const chain = pick(nodes);
    if (rand() < 0.3) {
      // A classic build: untagged parents along the chain, the last one tagged (or left dangling).
      let parent = add(chain.slice(0, Math.max(1, chain.length - 1)), '', rand() < 0.3);
      if (rand() < 0.3) parent = add(chain.slice(0, Math.max(1, chain.length - 1)), parent, false);
      add(chain, parent, rand() < 0.8);
    } else add(chain, '', rand() < 0.8);
  }
  return { images, sizes };
}

const keysOf = (chain: string[]): string[] => chain.map((_, i) => chain.slice(0, i + 1).join('|'));

function engineDf(w: World): { Images: Array<{ Id: string; Size: number; SharedSize: number }>; LayersSize: number } {
  const parents = new Set(w.images.map((i) => i.ParentId));
  // `docker image ls` (and df) leaves out untagged images with children.
  const listed = w.images.filter((i) => i.tagged || !parents.has(i.Id));
  const refs = new Map<string, number>();
  for (const img of listed) for (const k of keysOf(img.chain)) refs.set(k, (refs.get(k) ?? 0) + 1);
  const size = (k: string): number => w.sizes.get(k.split('|').pop() as string) ?? 0;
  let layersSize = 0;
  for (const k of refs.keys()) layersSize += size(k);
  return {
    Images: listed.map((img) => ({
      Id: img.Id,
      Size: keysOf(img.chain).reduce((n, k) => n + size(k), 0),
      SharedSize: keysOf(img.chain).reduce((n, k) => n + ((refs.get(k) ?? 0) > 1 ? size(k) : 0), 0),
    })),
    LayersSize: layersSize,
  };
}

function truth(w: World, deleted: Set<string>): number {
  const kept = new Set(w.images.filter((i) => !deleted.has(i.Id)).flatMap((i) => keysOf(i.chain)));
  const freed = new Set(w.images.filter((i) => deleted.has(i.Id)).flatMap((i) => keysOf(i.chain)).filter((k) => !kept.has(k)));
  return [...freed].reduce((n, k) => n + (w.sizes.get(k.split('|').pop() as string) ?? 0), 0);
}

describe('freed space: either side gives the bytes the engine frees, reading only what it asked for', () => {
  it('matches the truth on 400 random worlds and deletions, on both sides', () => {
    let keptSides = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rand = random(seed);
      const w = world(rand);
      const view = spaceView(engineDf(w), w.images);
      expect(view.layersSize).not.toBeNull();
      const deleted = new Set(w.images.filter(() => rand() < 0.6).map((i) => i.Id));
      const layers = (ids: string[], sized: string[]): Map<string, ImageLayers> =>
        new Map(
          ids.map((id) => {
            const img = w.images.find((i) => i.Id === id);
            if (!img) throw new Error(id);
            return [id, { id, diffIds: img.chain, sizes: sized.includes(id) ? img.chain.map((l) => w.sizes.get(l) ?? 0) : undefined }];
          }),
        );
      for (const known of [() => false, () => true]) {
        const needs = freedNeeds(view, deleted, known);
        if (needs.side === 'kept') keptSides += 1;
        expect(freedBySide(view, needs, layers(needs.chains, needs.sized), deleted), `seed ${seed}, ${needs.side} side`).toBe(truth(w, deleted));
      }
      // The other side too, whatever the cost.
      const other = freedNeeds({ ...view, layersSize: null }, deleted, () => false);
      expect(freedBySide(view, other, layers(other.chains, other.sized), deleted), `seed ${seed}, deleted side`).toBe(truth(w, deleted));
      const kept = w.images.map((i) => i.Id).filter((id) => !view.isolated.has(id) && !deleted.has(id));
      expect(freedBySide(view, { side: 'kept', chains: kept, sized: kept }, layers(kept, kept), deleted), `seed ${seed}, kept side`).toBe(truth(w, deleted));
    }
    expect(keptSides).toBeGreaterThan(50);
  });

  it('an isolated image costs no call: deleting all but one image reads only the kept one', () => {
    const w: World = {
      sizes: new Map([['base', 100], ['x', 5], ['y', 7], ['solo', 40]]),
      images: [
        { Id: 'a', ParentId: '', tagged: true, chain: ['base', 'x'] },
        { Id: 'b', ParentId: '', tagged: true, chain: ['base', 'y'] },
        { Id: 'c', ParentId: '', tagged: true, chain: ['base'] },
        { Id: 'solo', ParentId: '', tagged: true, chain: ['solo'] },
      ],
    };
    const view = spaceView(engineDf(w), w.images);
    expect([...view.isolated]).toEqual([['solo', 40]]);
    const deleted = new Set(['a', 'b', 'solo']);
    const needs = freedNeeds(view, deleted, () => false);
    expect(needs).toEqual({ side: 'kept', chains: ['c'], sized: ['c'] });
    const c = { id: 'c', diffIds: ['base'], sizes: [100] };
    expect(freedBySide(view, needs, new Map([['c', c]]), deleted)).toBe(5 + 7 + 40);
    // Deleting only the isolated one reads nothing at all.
    const alone = freedNeeds(view, new Set(['solo']), () => false);
    expect(alone).toEqual({ side: 'deleted', chains: [], sized: [] });
    expect(freedBySide(view, alone, new Map(), new Set(['solo']))).toBe(40);
  });

  it('lists that disagree (an image made between the two reads) never use df’s total', () => {
    const view = spaceView({ Images: [{ Id: 'a', Size: 10, SharedSize: 0 }], LayersSize: 10 }, [
      { Id: 'a', ParentId: '' },
      { Id: 'new', ParentId: '' },
    ]);
    expect(view.layersSize).toBeNull();
    expect(freedNeeds(view, new Set(['a']), () => false).side).toBe('deleted');
  });
});
