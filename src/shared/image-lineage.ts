/**
 * Parent and child images as the legacy builder records them (ParentId in GET /images/json?all=1): the chain from
 * the base to an image, its children, and the tagged images an untagged intermediate belongs to. Pure: the core
 * answers it in an image's details, the Images table labels intermediate rows with it.
 */
import type { ImageLineage, LineageImage } from './image-details';

export interface LineageNode {
  id: string;
  /** '' when the engine recorded none. */
  parentId: string;
  /** Its first tag or name@digest; null when untagged. */
  ref: string | null;
}

function childrenIndex(nodes: readonly LineageNode[]): Map<string, LineageNode[]> {
  const children = new Map<string, LineageNode[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const list = children.get(node.parentId);
    if (list) list.push(node);
    else children.set(node.parentId, [node]);
  }
  return children;
}

const asImage = (n: LineageNode): LineageImage => ({ id: n.id, ref: n.ref });

/** The nearest tagged images on every path down from `id`: what an intermediate is a build step of. */
function nearestTagged(id: string, children: ReadonlyMap<string, LineageNode[]>): LineageImage[] {
  const found: LineageImage[] = [];
  const queue = [...(children.get(id) ?? [])];
  const visited = new Set<string>([id]);
  for (let node = queue.shift(); node; node = queue.shift()) {
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    if (node.ref !== null) found.push(asImage(node));
    else queue.push(...(children.get(node.id) ?? []));
  }
  return found;
}

/** The lineage of `id` among `nodes` (every image, intermediates included). */
export function lineageOf(id: string, nodes: readonly LineageNode[]): ImageLineage {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = childrenIndex(nodes);
  // Up the ParentId links to the base; a cycle (never seen, but the data is the engine's) stops the walk.
  const ancestors: LineageImage[] = [];
  const seen = new Set([id]);
  for (let parent = byId.get(id)?.parentId; parent && !seen.has(parent); parent = byId.get(parent)?.parentId) {
    seen.add(parent);
    const node = byId.get(parent);
    ancestors.unshift(node ? asImage(node) : { id: parent, ref: null });
  }
  return { ancestors, children: (children.get(id) ?? []).map(asImage), belongsTo: nearestTagged(id, children) };
}

/** For each untagged image among `nodes`: the tagged images it belongs to (only those that have one). */
export function belongsToIndex(nodes: readonly LineageNode[]): Map<string, LineageImage[]> {
  const children = childrenIndex(nodes);
  const index = new Map<string, LineageImage[]>();
  for (const node of nodes) {
    if (node.ref !== null || index.has(node.id)) continue;
    const owners = nearestTagged(node.id, children);
    if (owners.length > 0) index.set(node.id, owners);
  }
  return index;
}
