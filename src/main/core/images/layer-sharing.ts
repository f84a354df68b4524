/**
 * The pure part of the image details: which layers an image shares with other images, and which
 * history step made which layer.
 */
import type { SharingImage } from '../../../shared/image-details';

/** An image's RootFS.Layers (diff IDs, base first) with what to call it. */
export interface ImageLayers extends SharingImage {
  layers: readonly string[];
}

/** How many leading layers two RootFS chains have in common. */
export function commonPrefix(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * For each layer k of `layers`, the other images that share it. The storage driver stores a layer by
 * its chain (the layer and everything below it), so image X shares layer k only when X's RootFS agrees
 * on positions 0..k; the same diff ID on top of a different base is a different stored layer.
 */
export function sharedLayers(id: string, layers: readonly string[], others: readonly ImageLayers[]): SharingImage[][] {
  const shared: SharingImage[][] = layers.map(() => []);
  for (const other of others) {
    if (other.id === id) continue;
    const common = commonPrefix(layers, other.layers);
    for (let k = 0; k < common; k++) shared[k]?.push({ id: other.id, ref: other.ref });
  }
  return shared;
}

/** A history entry as the match needs it (newest first, like GET /images/{id}/history). */
export interface SizedStep {
  size: number;
}

/**
 * Which layer each history step made, newest-first steps against base-first layers. The Engine API
 * does not say which steps were metadata only (its empty_layer flag is not exposed), so a step is taken
 * as a layer's maker when its size is > 0. That is only trusted when those steps are exactly as many
 * as the layers: a layer that holds no file data (e.g. `RUN mkdir /x` makes a layer of 0 bytes) breaks
 * the count. When the counts agree the steps map in order; otherwise every step gets null.
 */
export function matchHistory(steps: readonly SizedStep[], layerCount: number): { matched: boolean; layerIndex: Array<number | null> } {
  const sized = steps.filter((s) => s.size > 0).length;
  if (sized !== layerCount) return { matched: false, layerIndex: steps.map(() => null) };
  // Walking oldest to newest, the n-th sized step made layer n.
  const layerIndex: Array<number | null> = steps.map(() => null);
  let next = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    if ((steps[i]?.size ?? 0) > 0) layerIndex[i] = next++;
  }
  return { matched: true, layerIndex };
}

/** What to call an image in lists: its first tag, else name@digest, else null. */
export function imageRef(repoTags: readonly string[] | null | undefined, repoDigests: readonly string[] | null | undefined): string | null {
  const tag = (repoTags ?? []).find((t) => t !== '<none>:<none>');
  if (tag) return tag;
  return (repoDigests ?? []).find((d) => d !== '<none>@<none>') ?? null;
}
