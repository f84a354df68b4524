/**
 * What the disk really gains for a selection: containers' writable layers, volumes' data, build cache not
 * shared with images (pure, here), and for images every layer no kept image uses, once — including the
 * untagged parents the engine prunes with them (ImageLayersIndex.freed, from the snapshot's space view).
 */
import type { CleanupItem } from '../../../shared/cleanup';
import { withPrunedParents } from '../images/layer-accounting';
import type { Snapshot } from './snapshot';

/** The image IDs the engine deletes for these selected images (their pruned parents too). */
export function imagesDeleted(snap: Snapshot, selected: readonly CleanupItem[]): Set<string> {
  const removedContainers = new Set(selected.filter((i) => i.kind === 'container').map((i) => i.id));
  const used = new Set(snap.containers.filter((c) => !removedContainers.has(c.Id)).map((c) => c.ImageID));
  const deleted = new Set(selected.filter((i) => i.kind === 'image').map((i) => i.id));
  return withPrunedParents(snap.images, deleted, used);
}

/** Bytes of the selected containers, volumes and build cache records. */
export function bytesBesideImages(snap: Snapshot, selected: readonly CleanupItem[]): number {
  const cache = new Map(snap.df.BuildCache.map((b) => [b.ID, b]));
  let total = 0;
  for (const item of selected) {
    if (item.kind === 'container' || item.kind === 'volume') total += item.size;
    // A record shared with an image's layers frees nothing while that image stays (df counts it nowhere).
    if (item.kind === 'buildCache' && cache.get(item.id)?.Shared === false) total += item.size;
  }
  return total;
}
