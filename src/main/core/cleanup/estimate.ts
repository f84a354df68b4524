/**
 * What the disk really gains for a selection, pure: containers' writable layers, volumes' data, build cache
 * not shared with images, and for images every layer no kept image uses, once (layer-accounting.ts) —
 * including the untagged parents the engine prunes with them.
 */
import type { CleanupItem } from '../../../shared/cleanup';
import { freedBytes, withPrunedParents, type ImageLayers } from '../images/layer-accounting';
import type { Snapshot } from './snapshot';

/** The image IDs the engine deletes for these selected images (their pruned parents too). */
export function imagesDeleted(snap: Snapshot, selected: readonly CleanupItem[]): Set<string> {
  const removedContainers = new Set(selected.filter((i) => i.kind === 'container').map((i) => i.id));
  const used = new Set(snap.containers.filter((c) => !removedContainers.has(c.Id)).map((c) => c.ImageID));
  const deleted = new Set(selected.filter((i) => i.kind === 'image').map((i) => i.id));
  return withPrunedParents(snap.images, deleted, used);
}

export function estimateBytes(snap: Snapshot, layers: readonly ImageLayers[], selected: readonly CleanupItem[]): number {
  const cache = new Map(snap.df.BuildCache.map((b) => [b.ID, b]));
  let total = 0;
  for (const item of selected) {
    if (item.kind === 'container' || item.kind === 'volume') total += item.size;
    // A record shared with an image's layers frees nothing while that image stays (df counts it nowhere).
    if (item.kind === 'buildCache' && cache.get(item.id)?.Shared === false) total += item.size;
  }
  const deleted = imagesDeleted(snap, selected);
  return deleted.size === 0 ? total : total + freedBytes(layers, deleted);
}
