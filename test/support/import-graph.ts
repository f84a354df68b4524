/**
 * The import graph of a source tree, read with TypeScript's own parser and module resolution, and the cycles in it.
 * Type-only imports count: a cycle through types still ties two files together (and is what madge-like tools show).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** file → the files it imports, paths relative to the root given. */
  edges: Map<string, string[]>;
  /** Relative imports that resolve to no file: `file: specifier`. */
  unresolved: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Reads every .ts/.tsx under `dir`; imports that leave `dir` (packages, node:*) are not edges. */
export function importGraph(root: string, dir: string): ImportGraph {
  const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowJs: false, resolveJsonModule: true };
  const host = ts.sys;
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  const inside = (path: string): boolean => !relative(dir, path).startsWith('..');
  for (const file of sourceFiles(dir)) {
    const info = ts.preProcessFile(host.readFile(file) ?? '', true, true);
    const targets = new Set<string>();
    for (const ref of info.importedFiles) {
      // Packages and node:* are not files of the tree; stylesheets are not modules that import back.
      if (!ref.fileName.startsWith('.') || ref.fileName.endsWith('.css')) continue;
      const resolved = ts.resolveModuleName(ref.fileName, file, options, host).resolvedModule;
      if (!resolved) {
        unresolved.push(`${relative(root, file)}: ${ref.fileName}`);
        continue;
      }
      if (inside(resolved.resolvedFileName) && !resolved.resolvedFileName.endsWith('.d.ts')) targets.add(relative(root, resolved.resolvedFileName));
    }
    edges.set(relative(root, file), [...targets].sort());
  }
  return { edges, unresolved };
}

/** Each set of files that import each other (Tarjan's strongly connected components), as one cycle path through it. */
export function importCycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  function visit(node: string): void {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfImport = (edges.get(node) ?? []).includes(node);
      if (component.length > 1 || selfImport) components.push(component);
    }
  }
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cyclePath(edges, new Set(component)));
}

/** A shortest way from the component's first file (alphabetically) back to itself, within the component. */
function cyclePath(edges: Map<string, string[]>, members: Set<string>): string[] {
  const start = [...members].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of edges.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
