/** `docker image inspect` + `docker history` + the layers an image shares with the other local images. */
import type { HistoryRow, ImageContainer, ImageDetails } from '../../../shared/image-details';
import type { EngineConnection } from '../engine/connection';
import type { ImageLayersIndex } from './image-layers';
import { imageRef, matchHistory, sharedLayers, type ImageLayers } from './layer-sharing';

export interface ImageDetailsService {
  details(image: string): Promise<ImageDetails>;
}

/** GET /images/{name}/json, as far as Wharf reads it (the rest is passed on verbatim). */
interface RawInspect {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  RootFS?: { Type?: string; Layers?: string[] | null } | null;
}

/** One entry of GET /images/{name}/history. */
interface RawHistory {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags?: string[] | null;
  Size: number;
  Comment: string;
}

interface RawListed {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
}

interface RawContainer {
  Id: string;
  ImageID: string;
  Names?: string[] | null;
  State?: string;
  Status?: string;
}

/**
 * A reference or ID goes into the request path as is (like the CLI does); dot segments, query and
 * fragment characters would make it another path, so they are refused.
 */
function layersOf(inspect: RawInspect): string[] {
  return inspect.RootFS?.Layers ?? [];
}

function toHistoryRows(raw: readonly RawHistory[], layerCount: number): { rows: HistoryRow[]; matched: boolean } {
  const { matched, layerIndex } = matchHistory(raw.map((h) => ({ size: h.Size })), layerCount);
  const rows = raw.map((h, i) => ({
    id: h.Id,
    created: h.Created,
    createdBy: h.CreatedBy,
    size: h.Size,
    comment: h.Comment,
    tags: h.Tags ?? [],
    layerIndex: layerIndex[i] ?? null,
  }));
  return { rows, matched };
}

function toContainers(all: readonly RawContainer[], id: string): ImageContainer[] {
  return all
    .filter((c) => c.ImageID === id)
    .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State ?? '', status: c.Status ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function createImageDetailsService(connection: EngineConnection, index: ImageLayersIndex): ImageDetailsService {
  /** The layers of every image `docker image ls` lists (intermediate build images are not counted). */
  async function otherImages(): Promise<ImageLayers[]> {
    const listed = (await connection.client().listImages()) as RawListed[];
    const refs = new Map(listed.map((img) => [img.Id, imageRef(img.RepoTags, img.RepoDigests)]));
    const layers = await index.layersOf(listed, new Set());
    return layers.map((l) => ({ id: l.id, ref: refs.get(l.id) ?? null, layers: l.diffIds }));
  }

  return {
    async details(image) {
      const docker = connection.client();
      // A missing image answers 404 "No such image: …", which becomes a not-found error with that message.
      const inspect = (await docker.getImage(image).inspect()) as unknown as RawInspect & Record<string, unknown>;
      const id = inspect.Id;
      const layers = layersOf(inspect);
      const [history, containers, others] = await Promise.all([
        docker.getImage(id).history() as Promise<RawHistory[]>,
        docker.listContainers({ all: true }) as Promise<RawContainer[]>,
        otherImages(),
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
      };
    },
  };
}
