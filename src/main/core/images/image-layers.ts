/**
 * Every local image's layer chain (RootFS diff IDs) and, on demand, its layer sizes (from history): what the
 * freed-space totals of removals and cleanups are computed from. An image ID's layers never change, so
 * answers are cached by ID and forgotten when the image is gone.
 */
import type { EngineApi } from '../engine/engine-api';
import { toErrorInfo } from '../errors';
import { eachLimited } from '../concurrency';
import { layerSizesFromHistory, type ImageLayers } from './layer-accounting';

/** Engine requests in flight at once while reading layers. */
const INSPECT_CONCURRENCY = 8;

export interface ImageLayersIndex {
  /**
   * Layers of `images` (from GET /images/json); sizes only for the IDs in `sized`. An image removed since the
   * list is left out of the answer.
   */
  layersOf(images: ReadonlyArray<{ Id: string }>, sized: ReadonlySet<string>): Promise<ImageLayers[]>;
}

export function createImageLayersIndex(engine: EngineApi): ImageLayersIndex {
  const diffIdsById = new Map<string, string[]>();
  const sizesById = new Map<string, number[]>();
  return {
    async layersOf(images, sized) {
      const present = new Set(images.map((i) => i.Id));
      for (const id of [...diffIdsById.keys()]) if (!present.has(id)) diffIdsById.delete(id);
      for (const id of [...sizesById.keys()]) if (!present.has(id)) sizesById.delete(id);
      const never = new AbortController().signal;
      const gone = new Set<string>();
      await eachLimited(images, INSPECT_CONCURRENCY, never, async (img) => {
        try {
          if (!diffIdsById.has(img.Id)) {
            const inspect = await engine.inspectImage(img.Id);
            diffIdsById.set(img.Id, inspect.RootFS?.Layers ?? []);
          }
          if (sized.has(img.Id) && !sizesById.has(img.Id)) {
            const history = await engine.imageHistory(img.Id);
            sizesById.set(img.Id, layerSizesFromHistory(history, diffIdsById.get(img.Id)?.length ?? 0));
          }
        } catch (error) {
          if (toErrorInfo(error).code !== 'not-found') throw error;
          gone.add(img.Id);
        }
      });
      return images.filter((img) => !gone.has(img.Id)).map((img) => ({ id: img.Id, diffIds: diffIdsById.get(img.Id) ?? [], sizes: sizesById.get(img.Id) }));
    },
  };
}
