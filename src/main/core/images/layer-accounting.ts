/**
 * What deleting some images really frees on disk, pure. Layers are stored once per chain (the same diff IDs
 * from the base up), so a layer goes only when no kept image has the same chain up to it. The engine's
 * per-image unique size cannot tell this when the deleted images share layers with each other.
 */
import type { EngineHistoryItem, EngineImageSummary } from '../engine/engine-types';

export interface ImageLayers {
  id: string;
  /** RootFS.Layers, base first. */
  diffIds: string[];
  /** Size of each layer, base first, when known (from the image's history); unknown counts as 0. */
  sizes?: number[];
}

function chainKeys(diffIds: readonly string[]): string[] {
  const keys: string[] = [];
  let chain = '';
  for (const diffId of diffIds) {
    chain = chain ? `${chain}|${diffId}` : diffId;
    keys.push(chain);
  }
  return keys;
}

/** Bytes freed by deleting `deleted` (IDs) while every other image in `images` stays. */
export function freedBytes(images: readonly ImageLayers[], deleted: ReadonlySet<string>): number {
  const kept = new Set<string>();
  for (const img of images) if (!deleted.has(img.id)) for (const key of chainKeys(img.diffIds)) kept.add(key);
  const freed = new Map<string, number>();
  for (const img of images) {
    if (!deleted.has(img.id)) continue;
    chainKeys(img.diffIds).forEach((key, i) => {
      if (!kept.has(key)) freed.set(key, Math.max(freed.get(key) ?? 0, img.sizes?.[i] ?? 0));
    });
  }
  let total = 0;
  for (const size of freed.values()) total += size;
  return total;
}

/** Bytes the layers of `images` hold together: every layer once (by chain). */
export function unionBytes(images: readonly ImageLayers[]): number {
  const sizes = new Map<string, number>();
  for (const img of images) chainKeys(img.diffIds).forEach((key, i) => sizes.set(key, Math.max(sizes.get(key) ?? 0, img.sizes?.[i] ?? 0)));
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}

/**
 * Layer sizes from `docker history` rows (newest first, as the engine answers): the rows that made a layer,
 * oldest first. The API does not say which rows made no layer (ENV, CMD…); those show size 0, so rows with a
 * size are layers and the zero rows fill the remaining layers from the top. A zero-size layer frees nothing,
 * so a misplaced zero never changes a total.
 */
export function layerSizesFromHistory(historyNewestFirst: ReadonlyArray<Pick<EngineHistoryItem, 'Size'>>, layerCount: number): number[] {
  const oldestFirst = [...historyNewestFirst].reverse();
  const withSize = oldestFirst.filter((h) => h.Size > 0).map((h) => h.Size);
  if (withSize.length > layerCount) return withSize.slice(withSize.length - layerCount);
  // Fewer sized rows than layers: some layers are empty; put the sized ones in order, zero layers where the zero rows were.
  const sizes: number[] = [];
  let zerosToPlace = layerCount - withSize.length;
  for (const h of oldestFirst) {
    if (h.Size > 0) sizes.push(h.Size);
    else if (zerosToPlace > 0) {
      sizes.push(0);
      zerosToPlace -= 1;
    }
    if (sizes.length === layerCount) break;
  }
  while (sizes.length < layerCount) sizes.push(0);
  return sizes;
}

/**
 * The untagged parents the engine prunes with a deleted image (DELETE /images without noprune): up the
 * ParentId chain while the parent has no tag, no container, and no child that stays.
 */
export function withPrunedParents(images: ReadonlyArray<Pick<EngineImageSummary, 'Id' | 'ParentId' | 'RepoTags'>>, deleted: ReadonlySet<string>, usedByContainers: ReadonlySet<string>): Set<string> {
  const byId = new Map(images.map((i) => [i.Id, i]));
  const children = new Map<string, string[]>();
  for (const img of images) if (img.ParentId) children.set(img.ParentId, [...(children.get(img.ParentId) ?? []), img.Id]);
  const result = new Set(deleted);
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of [...result]) {
      const parent = byId.get(byId.get(id)?.ParentId ?? '');
      if (!parent || result.has(parent.Id) || usedByContainers.has(parent.Id)) continue;
      if (parent.RepoTags.some((t) => t !== '<none>:<none>')) continue;
      if ((children.get(parent.Id) ?? []).every((c) => result.has(c))) {
        result.add(parent.Id);
        grew = true;
      }
    }
  }
  return result;
}
