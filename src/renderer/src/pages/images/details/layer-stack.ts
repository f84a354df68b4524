import type { ImageDetails, SharingImage } from '../../../../../shared/image-details';
import { readStep, type Step } from './details-format';

/** One row of the layer picture, top (newest) first. */
export type StackEntry =
  | {
      kind: 'layer';
      /** 0 is the base layer. */
      index: number;
      diffId: string;
      size: number | null;
      /** The step that made it; null when history could not be matched to the layers. */
      step: Step | null;
      createdBy: string | null;
      sharedWith: SharingImage[];
    }
  | { kind: 'meta'; key: string; step: Step; createdBy: string };

/**
 * The layers with the steps between them, as the history tells (newest first). Without a match only
 * the layers are known, so no metadata rows are shown.
 */
export function layerStack(details: ImageDetails): StackEntry[] {
  if (!details.historyMatched) {
    return details.layers
      .map((layer, index): StackEntry => ({ kind: 'layer', index, diffId: layer.diffId, size: layer.size, step: null, createdBy: null, sharedWith: layer.sharedWith }))
      .reverse();
  }
  return details.history.map((row, i): StackEntry => {
    const step = readStep(row.createdBy, row.comment);
    const layer = row.layerIndex === null ? undefined : details.layers[row.layerIndex];
    if (row.layerIndex === null || !layer) return { kind: 'meta', key: `meta-${i}`, step, createdBy: row.createdBy };
    return { kind: 'layer', index: row.layerIndex, diffId: layer.diffId, size: row.size, step, createdBy: row.createdBy, sharedWith: layer.sharedWith };
  });
}

/** Bytes in layers other images share, and bytes only this image has (unknown sizes count as 0). */
export function sharedTotals(details: ImageDetails): { shared: number; own: number; sharedLayers: number } {
  let shared = 0;
  let own = 0;
  let sharedLayers = 0;
  for (const layer of details.layers) {
    if (layer.sharedWith.length > 0) {
      shared += layer.size ?? 0;
      sharedLayers++;
    } else {
      own += layer.size ?? 0;
    }
  }
  return { shared, own, sharedLayers };
}

/** Named images first (by name), then untagged ones by ID. */
export function sortSharing(images: readonly SharingImage[]): SharingImage[] {
  return [...images].sort((a, b) => {
    if (a.ref !== null && b.ref !== null) return a.ref.localeCompare(b.ref);
    if (a.ref !== b.ref) return a.ref === null ? 1 : -1;
    return a.id.localeCompare(b.id);
  });
}
