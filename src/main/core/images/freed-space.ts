/**
 * What deleting images frees, read from whichever side costs fewer engine calls, pure.
 *
 * An image is *isolated* when no other image has any of its layers: `docker system df` counted none of them as
 * shared (SharedSize 0) and no local image is its parent or child. Its layers are its Size and go exactly when it
 * goes, so it needs no inspect and no history. The others are *structured*: their layer chains (inspect) and layer
 * sizes (history) decide. Two sides give the same bytes:
 * - deleted side: the isolated deleted images' Size, plus the layers of structured deleted images that no
 *   structured kept image has (chains of every structured image, sizes of the deleted ones);
 * - kept side: df's LayersSize (every image layer once) minus what the kept images hold (chains and sizes of the
 *   structured kept ones only). A cleanup of most images reads almost nothing this way.
 */
import type { EngineImageSummary } from '../engine/engine-types';
import { freedBytes, unionBytes, type ImageLayers } from './layer-accounting';

export interface SpaceView {
  /** Every local image, intermediate ones too (GET /images/json?all=1). */
  ids: string[];
  /** Size of each isolated image. */
  isolated: Map<string, number>;
  /** df's LayersSize when df and the list name the same images (df leaves out intermediate ones); else null. */
  layersSize: number | null;
}

export type FreedSide = 'deleted' | 'kept';

export interface FreedNeeds {
  side: FreedSide;
  /** Images whose layer chain the side needs. */
  chains: string[];
  /** Images whose layer sizes it needs. */
  sized: string[];
}

export function spaceView(df: { Images: ReadonlyArray<Pick<EngineImageSummary, 'Id' | 'Size' | 'SharedSize'>>; LayersSize: number }, images: ReadonlyArray<Pick<EngineImageSummary, 'Id' | 'ParentId'>>): SpaceView {
  const inDf = new Map(df.Images.map((i) => [i.Id, i]));
  const present = new Set(images.map((i) => i.Id));
  const parents = new Set(images.map((i) => i.ParentId).filter((p) => p !== ''));
  const isolated = new Map<string, number>();
  // Only intermediate images (untagged parents) may be listed but not in df; anything else means the two reads differ.
  let same = [...inDf.keys()].every((id) => present.has(id));
  for (const img of images) {
    const d = inDf.get(img.Id);
    if (!d) {
      if (!parents.has(img.Id)) same = false;
      continue;
    }
    const related = (img.ParentId !== '' && present.has(img.ParentId)) || parents.has(img.Id);
    if (d.SharedSize === 0 && d.Size >= 0 && !related) isolated.set(img.Id, d.Size);
  }
  return { ids: images.map((i) => i.Id), isolated, layersSize: same ? df.LayersSize : null };
}

/** What each side needs for `deleted`, and the side with fewer engine calls still to make (`known`: already read). */
export function freedNeeds(view: SpaceView, deleted: ReadonlySet<string>, known: (id: string, what: 'chain' | 'sizes') => boolean): FreedNeeds {
  const structured = view.ids.filter((id) => !view.isolated.has(id));
  // Only isolated images go: their Size says it all.
  if (!structured.some((id) => deleted.has(id))) return { side: 'deleted', chains: [], sized: [] };
  const keptIds = structured.filter((id) => !deleted.has(id));
  const deletedSide: FreedNeeds = { side: 'deleted', chains: structured, sized: structured.filter((id) => deleted.has(id)) };
  if (view.layersSize === null) return deletedSide;
  const keptSide: FreedNeeds = { side: 'kept', chains: keptIds, sized: keptIds };
  const calls = (n: FreedNeeds): number => n.chains.filter((id) => !known(id, 'chain')).length + n.sized.filter((id) => !known(id, 'sizes')).length;
  return calls(keptSide) < calls(deletedSide) ? keptSide : deletedSide;
}

/** Bytes freed by deleting `deleted`, from what `needs` asked for (`layers`: an image gone since is left out). */
export function freedBySide(view: SpaceView, needs: FreedNeeds, layers: ReadonlyMap<string, ImageLayers>, deleted: ReadonlySet<string>): number {
  const read = needs.chains.flatMap((id) => layers.get(id) ?? []);
  if (needs.side === 'deleted') {
    let total = 0;
    for (const id of deleted) total += view.isolated.get(id) ?? 0;
    return total + freedBytes(read, deleted);
  }
  let kept = unionBytes(read);
  for (const [id, size] of view.isolated) if (!deleted.has(id)) kept += size;
  return Math.max(0, (view.layersSize ?? 0) - kept);
}
