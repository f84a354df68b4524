/** Freed space by layer chains: shared layers once, kept images protect their chains, pruned parents. */
import { describe, expect, it } from 'vitest';
import { freedBytes, layerSizesFromHistory, withPrunedParents } from '../../src/main/core/images/layer-accounting';

const base = { id: 'base', diffIds: ['L0'], sizes: [1000] };
const one = { id: 'one', diffIds: ['L0', 'L1', 'L2'], sizes: [1000, 400, 10] };
const two = { id: 'two', diffIds: ['L0', 'L1', 'L3'], sizes: [1000, 400, 20] };

describe('freedBytes', () => {
  it('frees only the layers no kept image uses', () => {
    expect(freedBytes([base, one, two], new Set(['one']))).toBe(10);
  });
  it('counts a layer shared only by deleted images once', () => {
    expect(freedBytes([base, one, two], new Set(['one', 'two']))).toBe(400 + 10 + 20);
  });
  it('the same diff ID on another chain is another layer', () => {
    const other = { id: 'other', diffIds: ['X', 'L1'], sizes: [5, 400] };
    expect(freedBytes([one, other], new Set(['one']))).toBe(1000 + 400 + 10);
  });
  it('nothing deleted frees nothing', () => {
    expect(freedBytes([base, one], new Set())).toBe(0);
  });
});

describe('layerSizesFromHistory', () => {
  it('maps sized rows to layers, oldest first, skipping metadata rows', () => {
    // newest first, like GET /images/{id}/history
    const history = [{ Size: 0 }, { Size: 20 }, { Size: 0 }, { Size: 1000 }];
    expect(layerSizesFromHistory(history, 2)).toEqual([1000, 20]);
  });
  it('fills zero-size layers from the zero rows', () => {
    expect(layerSizesFromHistory([{ Size: 5 }, { Size: 0 }, { Size: 1000 }], 3)).toEqual([1000, 0, 5]);
  });
  it('never returns more sizes than layers', () => {
    expect(layerSizesFromHistory([{ Size: 5 }, { Size: 7 }, { Size: 1000 }], 2)).toEqual([7, 5]);
  });
});

describe('withPrunedParents', () => {
  const images = [
    { Id: 'p1', ParentId: '', RepoTags: [] },
    { Id: 'p2', ParentId: 'p1', RepoTags: ['<none>:<none>'] },
    { Id: 'child', ParentId: 'p2', RepoTags: ['app:1'] },
    { Id: 'sibling', ParentId: 'p1', RepoTags: ['app:2'] },
  ];
  it('prunes untagged parents up to one that another image still needs', () => {
    expect([...withPrunedParents(images, new Set(['child']), new Set())].sort()).toEqual(['child', 'p2']);
  });
  it('prunes the whole chain when every child goes', () => {
    expect([...withPrunedParents(images, new Set(['child', 'sibling']), new Set())].sort()).toEqual(['child', 'p1', 'p2', 'sibling']);
  });
  it('keeps a parent a container uses', () => {
    expect([...withPrunedParents(images, new Set(['child']), new Set(['p2']))]).toEqual(['child']);
  });
});
