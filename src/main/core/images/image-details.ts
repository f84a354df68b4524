/** `docker image inspect` + `docker history` + the layers an image shares with the other local images. */
import type { HistoryRow, ImageContainer, ImageDetails } from '../../../shared/image-details';
import type { EngineApi } from '../engine/engine-api';
import type { EngineContainerSummary, EngineHistoryItem, EngineImageInspect } from '../engine/engine-types';
import type { ImageLayersIndex } from './image-layers';
import { lineageOf } from '../../../shared/image-lineage';
import { imageRef, matchHistory, sharedLayers, type ImageLayers } from './layer-sharing';

export interface ImageDetailsService {
  details(image: string): Promise<ImageDetails>;
}

/**
 * A reference or ID goes into the request path as is (like the CLI does); dot segments, query and
 * fragment characters would make it another path, so they are refused.
 */
function layersOf(inspect: EngineImageInspect): string[] {
  return inspect.RootFS?.Layers ?? [];
}

function toHistoryRows(raw: readonly EngineHistoryItem[], layerCount: number): { rows: HistoryRow[]; matched: boolean } {
  const { matched, layerIndex } = matchHistory(raw.map((h) => ({ size: h.Size })), layerCount);
  const rows = raw.map((h, i) => ({
    id: h.Id,
    created: h.Created,
    createdBy: h.CreatedBy,
    size: h.Size,
    comment: h.Comment,
    tags: h.Tags,
    layerIndex: layerIndex[i] ?? null,
  }));
  return { rows, matched };
}

function toContainers(all: readonly EngineContainerSummary[], id: string): ImageContainer[] {
  return all
    .filter((c) => c.ImageID === id)
    .map((c) => ({ id: c.Id, name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State, status: c.Status }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function createImageDetailsService(engine: EngineApi, index: ImageLayersIndex): ImageDetailsService {
  /** The layers of every image `docker image ls` lists (intermediate build images are not counted). */
  async function otherImages(): Promise<ImageLayers[]> {
    const listed = await engine.listImages();
    const refs = new Map(listed.map((img) => [img.Id, imageRef(img.RepoTags, img.RepoDigests)]));
    const layers = await index.layersOf(listed, new Set());
    return layers.map((l) => ({ id: l.id, ref: refs.get(l.id) ?? null, layers: l.diffIds }));
  }

  return {
    async details(image) {
      // A missing image answers 404 "No such image: …", which becomes a not-found error with that message.
      const inspect = await engine.inspectImage(image);
      const id = inspect.Id;
      const layers = layersOf(inspect);
      const [history, containers, others, everyImage] = await Promise.all([
        engine.imageHistory(id),
        engine.listContainers({ all: true }),
        otherImages(),
        engine.listImages({ all: true }),
      ]);
      const { rows, matched } = toHistoryRows(history, layers.length);
      const shared = sharedLayers(id, layers, others);
      const sizes = new Map(rows.filter((r) => r.layerIndex !== null).map((r) => [r.layerIndex, r.size]));
      return {
        id,
        inspect,
        repoTags: inspect.RepoTags ?? [],
        repoDigests: inspect.RepoDigests ?? [],
        history: rows,
        historyMatched: matched,
        layers: layers.map((diffId, k) => ({ diffId, size: sizes.get(k) ?? null, sharedWith: shared[k] ?? [] })),
        containers: toContainers(containers, id),
        lineage: lineageOf(id, everyImage.map((img) => ({ id: img.Id, parentId: img.ParentId, ref: imageRef(img.RepoTags, img.RepoDigests) }))),
      };
    },
  };
}
