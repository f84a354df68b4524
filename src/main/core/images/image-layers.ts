/**
 * Every local image's layer chain (RootFS diff IDs) and, on demand, its layer sizes (from history): what the
 * freed-space totals of removals and cleanups are computed from. An image ID's layers never change, so
 * answers are cached by ID and forgotten when the image is gone. `freed` reads only what the cheaper side of
 * freed-space.ts needs.
 */
import type { EngineApi } from '../engine/engine-api';
import { toErrorInfo } from '../errors';
import { eachLimited } from '../concurrency';
import { layerSizesFromHistory, type ImageLayers } from './layer-accounting';
import { freedBySide, freedNeeds, type SpaceView } from './freed-space';

/** Engine requests in flight at once while reading layers. */
const INSPECT_CONCURRENCY = 8;

export interface ImageLayersIndex {
  /**
   * Layers of `images` (from GET /images/json); sizes only for the IDs in `sized`. An image removed since the
   * list is left out of the answer.
   */
  layersOf(images: ReadonlyArray<{ Id: string }>, sized: ReadonlySet<string>): Promise<ImageLayers[]>;
  /** Bytes deleting `deleted` frees, every layer once, with the fewest engine calls the cache allows. */
  freed(view: SpaceView, deleted: ReadonlySet<string>): Promise<number>;
}

export function createImageLayersIndex(engine: EngineApi): ImageLayersIndex {
  const diffIdsById = new Map<string, string[]>();
  const sizesById = new Map<string, number[]>();

  function retain(ids: readonly string[]): void {
    const present = new Set(ids);
    for (const id of [...diffIdsById.keys()]) if (!present.has(id)) diffIdsById.delete(id);
    for (const id of [...sizesById.keys()]) if (!present.has(id)) sizesById.delete(id);
  }

  /** Reads the chains of `chains` and the sizes of `sized` not read yet; answers each image still there. */
  async function read(chains: readonly string[], sized: ReadonlySet<string>): Promise<Map<string, ImageLayers>> {
    const never = new AbortController().signal;
    const gone = new Set<string>();
    const ids = [...new Set([...chains, ...sized])];
    await eachLimited(ids, INSPECT_CONCURRENCY, never, async (id) => {
      try {
        if (!diffIdsById.has(id)) {
          const inspect = await engine.inspectImage(id);
          diffIdsById.set(id, inspect.RootFS?.Layers ?? []);
        }
        if (sized.has(id) && !sizesById.has(id)) {
          const history = await engine.imageHistory(id);
          sizesById.set(id, layerSizesFromHistory(history, diffIdsById.get(id)?.length ?? 0));
        }
      } catch (error) {
        if (toErrorInfo(error).code !== 'not-found') throw error;
        gone.add(id);
      }
    });
    return new Map(ids.filter((id) => !gone.has(id)).map((id) => [id, { id, diffIds: diffIdsById.get(id) ?? [], sizes: sizesById.get(id) }]));
  }

  return {
    async layersOf(images, sized) {
      retain(images.map((i) => i.Id));
      const layers = await read(images.map((i) => i.Id), sized);
      return images.flatMap((img) => layers.get(img.Id) ?? []);
    },

    async freed(view, deleted) {
      if (deleted.size === 0) return 0;
      retain(view.ids);
      const needs = freedNeeds(view, deleted, (id, what) => (what === 'chain' ? diffIdsById : sizesById).has(id));
      return freedBySide(view, needs, await read(needs.chains, new Set(needs.sized)), deleted);
    },
  };
}
