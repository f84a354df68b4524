/** `docker image rm`, previewed: images.removePlan resolves and plans, images.remove runs the confirmed items as a task. */
import type { RemoveItem, RemovePlan, RemoveReport, RemoveTarget } from '../../../shared/image-remove';
import type { ImageDiskUsage } from '../../../shared/images';
import type { ItemResult, TaskInfo } from '../../../shared/tasks';
import { engineFiltersParam } from '../../../shared/image-filters';
import type { Clock } from '../clock';
import type { EngineApi } from '../engine/engine-api';
import type { EngineImageInspect } from '../engine/engine-types';
import { eachLimited } from '../concurrency';
import { toErrorInfo } from '../errors';
import type { TaskManager } from '../tasks/task-manager';
import type { ImageLayersIndex } from './image-layers';
import { withPrunedParents } from './layer-accounting';
import { spaceView } from './freed-space';
import { planRemoval, type ResolvedTarget } from './remove-plan';

/** Images removed at once; items of one image always run in order, one after the other. */
export const REMOVE_CONCURRENCY = 4;

export interface ImageRemoveService {
  plan(target: RemoveTarget): Promise<RemovePlan>;
  remove(items: Array<Pick<RemoveItem, 'ref' | 'id' | 'mode'>>, force: boolean): TaskInfo<'image-remove'>;
}

/** The forms the engine accepts for one name: as typed, with :latest, without docker.io/ or library/. */
function familiarForms(ref: string): string[] {
  const short = ref.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
  const forms = new Set([ref, short]);
  for (const f of [...forms]) {
    const lastSlash = f.lastIndexOf('/');
    if (!f.includes('@') && f.lastIndexOf(':') <= lastSlash) forms.add(`${f}:latest`);
  }
  return [...forms];
}

/** What a name resolved to: the reference as the image lists it, or the image itself when it is an ID. */
export function resolvedTarget(asked: string, image: Pick<EngineImageInspect, 'Id' | 'RepoTags' | 'RepoDigests'>): ResolvedTarget {
  const names = new Set([...(image.RepoTags ?? []), ...(image.RepoDigests ?? [])]);
  const named = familiarForms(asked).find((f) => names.has(f));
  // Otherwise it was an ID (or a prefix of one): the image goes under every name.
  return named ? { kind: 'reference', ref: named, id: image.Id } : { kind: 'id', id: image.Id };
}

function isNotFound(error: unknown): boolean {
  return toErrorInfo(error).code === 'not-found';
}

export function createImageRemoveService(deps: {
  engine: EngineApi;
  clock: Clock;
  tasks: TaskManager;
  diskUsage(): Promise<ImageDiskUsage>;
  layers: ImageLayersIndex;
}): ImageRemoveService {
  const { engine, tasks } = deps;

  async function resolveTargets(target: RemoveTarget): Promise<{ targets: ResolvedTarget[]; missing: string[] }> {
    if ('filter' in target) {
      // The rows `docker image ls [-a] -f …` lists: each tagged row by its reference, each untagged image by ID.
      const listed = await engine.listImages({ all: target.filter.all, filters: engineFiltersParam(target.filter.filters) });
      const targets: ResolvedTarget[] = [];
      for (const img of listed) {
        const tags = img.RepoTags.filter((t) => t !== '<none>:<none>');
        if (tags.length === 0) targets.push({ kind: 'id', id: img.Id });
        else for (const ref of tags) targets.push({ kind: 'reference', ref, id: img.Id });
      }
      return { targets, missing: [] };
    }
    const targets: ResolvedTarget[] = [];
    const missing: string[] = [];
    await Promise.all(
      target.refs.map(async (ref, index) => {
        try {
          const image = await engine.inspectImage(ref);
          targets[index] = resolvedTarget(ref, image);
        } catch (error) {
          if (!isNotFound(error)) throw error;
          missing.push(ref);
        }
      }),
    );
    return { targets: targets.filter(Boolean), missing };
  }

  return {
    async plan(target) {
      const [{ targets, missing }, images, containers, usage] = await Promise.all([
        resolveTargets(target),
        engine.listImages({ all: true }),
        engine.listContainers({ all: true }),
        deps.diskUsage(),
      ]);
      const plan = planRemoval({ targets, missing, images, containers, usage: usage.images, now: deps.clock.now() });
      // The exact totals: every layer no kept image uses, once; with and without the blocked images.
      const used = new Set(containers.map((c) => c.ImageID));
      const deletes = plan.items.filter((i) => i.mode === 'delete');
      const all = withPrunedParents(images, new Set(deletes.map((i) => i.id)), used);
      const unblocked = withPrunedParents(images, new Set(deletes.filter((i) => i.containers.length === 0).map((i) => i.id)), used);
      if (all.size === 0) return plan;
      const space = spaceView({ Images: Object.entries(usage.images).map(([Id, u]) => ({ Id, Size: u.size, SharedSize: u.sharedSize })), LayersSize: usage.layersSize }, images);
      return { ...plan, freedBytes: await deps.layers.freed(space, all), freedBytesWithoutBlocked: await deps.layers.freed(space, unblocked) };
    },

    remove(items, force) {
      const target = items.length === 1 ? (items[0]?.ref ?? '') : `${items.length} references`;
      return tasks.start({ kind: 'image-remove', target }, async (ctx): Promise<RemoveReport> => {
        const results: ItemResult[] = items.map((i) => ({ target: i.ref, state: 'pending' }));
        const report: RemoveReport = { removed: 0, untagged: 0, skipped: 0, failed: 0, lines: [] };
        let settled = 0;
        const settle = (index: number, result: ItemResult): void => {
          results[index] = result;
          settled += 1;
          ctx.detail({ kind: 'items', items: [...results] });
          ctx.progress(settled / items.length, { key: 'items', values: { done: settled, total: items.length } });
        };
        // Items of one image in plan order (untags before the delete); images side by side.
        const groups = new Map<string, number[]>();
        items.forEach((item, index) => groups.set(item.id, [...(groups.get(item.id) ?? []), index]));
        ctx.detail({ kind: 'items', items: [...results] });

        await eachLimited([...groups.values()], REMOVE_CONCURRENCY, ctx.signal, async (indexes) => {
          for (const index of indexes) {
            if (ctx.signal.aborted) return;
            const item = items[index] as (typeof items)[number];
            // The reference must still name the image the user saw; otherwise it is not removed.
            let current: EngineImageInspect;
            try {
              current = await engine.inspectImage(item.ref);
            } catch (error) {
              const info = toErrorInfo(error);
              report[info.code === 'not-found' ? 'skipped' : 'failed'] += 1;
              settle(index, { target: item.ref, state: info.code === 'not-found' ? 'skipped' : 'failed', reason: info.code === 'not-found' ? 'gone' : 'engine', message: info.message });
              continue;
            }
            if (current.Id !== item.id) {
              report.skipped += 1;
              settle(index, { target: item.ref, state: 'skipped', reason: 'changed' });
              continue;
            }
            try {
              const answer = await engine.removeImage(item.ref, { force: force && item.mode === 'delete', noprune: false });
              for (const line of answer) {
                if (line.Untagged) report.lines.push(`Untagged: ${line.Untagged}`);
                if (line.Deleted) report.lines.push(`Deleted: ${line.Deleted}`);
              }
              const deletedIt = answer.some((l) => l.Deleted === item.id);
              if (deletedIt) report.removed += 1;
              else report.untagged += 1;
              settle(index, { target: item.ref, state: 'done' });
            } catch (error) {
              const info = toErrorInfo(error);
              report.failed += 1;
              settle(index, { target: item.ref, state: 'failed', reason: info.code === 'conflict' ? 'in-use' : 'engine', message: info.message });
            }
          }
        });
        return report;
      });
    },
  };
}
