import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/import-graph';

const root = join(__dirname, '..', '..');

describe('the import graph of src', () => {
  const graph = importGraph(root, join(root, 'src'));

  it('resolves every relative import, so no edge is missed', () => {
    expect(graph.unresolved).toEqual([]);
    expect(graph.edges.get('src/main/core/create-core.ts')).toContain('src/main/core/dispatch.ts');
  });

  it('has no cycle, type-only imports included', () => {
    const cycles = importCycles(graph.edges).map((cycle) => cycle.join(' → '));
    expect(cycles).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a cycle of two, a longer one and a self-import, and nothing in a tree', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['f']],
      ['g', ['a', 'h']],
      ['h', []],
    ]);
    expect(importCycles(edges)).toEqual(expect.arrayContaining([['a', 'b', 'a'], ['c', 'd', 'e', 'c'], ['f', 'f']]));
    expect(importCycles(edges)).toHaveLength(3);
    expect(importCycles(new Map([['x', ['y', 'z']], ['y', ['z']], ['z', []]]))).toEqual([]);
  });
});
