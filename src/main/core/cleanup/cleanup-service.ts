/**
 * The Cleanup page's core: `docker system df -v`, wizard previews, the estimate of a selection, the run
 * (exactly the previewed objects, by ID, as a task) and a short history of reports kept in memory.
 */
import { randomUUID } from 'node:crypto';
import type { CleanupItem, CleanupOptions, CleanupPreview, CleanupReport, CleanupWizard, DiskUsageDetail } from '../../../shared/cleanup';
import type { ItemResult, TaskInfo } from '../../../shared/tasks';
import type { Clock } from '../clock';
import { eachLimited } from '../concurrency';
import type { EngineApi } from '../engine/engine-api';
import { WharfError } from '../errors';
import type { TaskManager } from '../tasks/task-manager';
import type { ImageLayersIndex } from '../images/image-layers';
import { spaceView, type SpaceView } from '../images/freed-space';
import { deleteBuildCache, deleteContainer, deleteImage, deleteNetwork, deleteVolume, type Outcome } from './delete-objects';
import { detailFromRaw, totalSize } from './df-detail';
import { bytesBesideImages, imagesDeleted } from './estimate';
import { selectFor } from './select';
import { summarizeDiskUsage } from '../../../shared/disk-usage';
import { isStopped, type Snapshot } from './snapshot';
import { buildReport } from './report';

/** Objects deleted at once (build cache goes one record at a time: the engine serializes prunes anyway). */
export const CLEANUP_CONCURRENCY = 4;
const KEEP_PREVIEWS = 8;
const KEEP_REPORTS = 20;
/** Deletion order: containers free images, networks and volumes for the steps after them. */
const ORDER = ['container', 'image', 'network', 'volume'] as const;

export interface CleanupService {
  diskUsage(): Promise<DiskUsageDetail>;
  preview(wizard: CleanupWizard, options: CleanupOptions): Promise<CleanupPreview>;
  estimate(previewId: string, keys: string[]): Promise<{ bytes: number }>;
  run(previewId: string, keys: string[]): TaskInfo<'cleanup'>;
  history(): CleanupReport[];
}

interface Stored {
  preview: CleanupPreview;
  snap: Snapshot;
  space: SpaceView;
}

export function createCleanupService(deps: { engine: EngineApi; clock: Clock; tasks: TaskManager; layers: ImageLayersIndex }): CleanupService {
  const { engine, clock, tasks } = deps;
  const previews = new Map<string, Stored>();
  const reports: CleanupReport[] = [];

  async function snapshot(options: CleanupOptions): Promise<Snapshot> {
    const [df, listedNetworks] = await Promise.all([engine.diskUsage(), engine.listNetworks()]);
    // df already lists every container and every image `docker image ls` shows; the untagged parents it leaves
    // out (classic builds) exist only if an image names a parent df does not list: then the full list is read.
    const containers = df.Containers;
    const listed = new Set(df.Images.map((i) => i.Id));
    const images = df.Images.every((i) => i.ParentId === '' || listed.has(i.ParentId)) ? df.Images : await engine.listImages({ all: true });
    // The list answer has no attached containers: inspect the custom networks (few) for them.
    const networks = await Promise.all(
      listedNetworks.map(async (n) => (['bridge', 'host', 'none'].includes(n.Name) ? n : await engine.inspectNetwork(n.Id))),
    );
    const finishedAt: Record<string, number> = {};
    if (options.exitedHours !== undefined) {
      await eachLimited(containers.filter((c) => isStopped(c.State)), 8, new AbortController().signal, async (c) => {
        const inspect = await engine.inspectContainer(c.Id);
        const ms = Date.parse(inspect.State?.FinishedAt ?? '');
        if (Number.isFinite(ms) && ms > 0) finishedAt[c.Id] = ms;
      });
    }
    return { now: clock.now(), df, images, containers, networks, finishedAt };
  }

  /** What deleting `selected` frees; reads only the layers the cheaper side needs (see freed-space.ts). */
  async function estimateBytes(snap: Snapshot, space: SpaceView, selected: readonly CleanupItem[]): Promise<number> {
    return bytesBesideImages(snap, selected) + (await deps.layers.freed(space, imagesDeleted(snap, selected)));
  }

  function stored(previewId: string, keys: readonly string[]): { entry: Stored; selected: CleanupItem[] } {
    const entry = previews.get(previewId);
    if (!entry) throw new WharfError('not-found', `No preview ${previewId}: preview again.`);
    const wanted = new Set(keys);
    const selected = entry.preview.items.filter((i) => wanted.has(i.key));
    if (selected.length !== wanted.size) throw new WharfError('invalid-input', 'Only objects of the preview can be selected.');
    return { entry, selected };
  }

  return {
    async diskUsage() {
      return detailFromRaw(await engine.diskUsage(), clock.now());
    },

    async preview(wizard, options) {
      const snap = await snapshot(options);
      const selection = selectFor(wizard, options, snap);
      const space = spaceView(snap.df, snap.images);
      const preview: CleanupPreview = {
        id: randomUUID(),
        wizard,
        options,
        ...selection,
        reclaimable: await estimateBytes(snap, space, selection.items.filter((i) => i.selected)),
        cliImagesReclaimable: selection.items.some((i) => i.kind === 'image') ? (summarizeDiskUsage(snap.df).find((r) => r.kind === 'images')?.reclaimable ?? null) : null,
        plannedAt: snap.now,
      };
      previews.set(preview.id, { preview, snap, space });
      for (const id of [...previews.keys()].slice(0, Math.max(0, previews.size - KEEP_PREVIEWS))) previews.delete(id);
      return preview;
    },

    async estimate(previewId, keys) {
      const { entry, selected } = stored(previewId, keys);
      return { bytes: await estimateBytes(entry.snap, entry.space, selected) };
    },

    run(previewId, keys) {
      const { entry, selected } = stored(previewId, keys);
      if (selected.length === 0) throw new WharfError('invalid-input', 'Nothing is selected.');
      const { preview, snap, space } = entry;
      return tasks.start({ kind: 'cleanup', target: preview.wizard }, async (ctx): Promise<CleanupReport> => {
        const startedAt = clock.now();
        // Before anything goes: the layers it reads are those of images about to be deleted.
        const estimate = await estimateBytes(snap, space, selected);
        const before = detailFromRaw(await engine.diskUsage(), clock.now()).rows;
        const results: ItemResult[] = selected.map((i) => ({ target: i.name, state: 'pending' }));
        const outcomes = new Map<CleanupItem, Outcome>();
        const settle = (item: CleanupItem, outcome: Outcome): void => {
          outcomes.set(item, outcome);
          results[selected.indexOf(item)] = { target: item.name, state: outcome.state, reason: outcome.reason, message: outcome.message };
          ctx.detail({ kind: 'items', items: [...results] });
          ctx.progress(outcomes.size / selected.length, { key: 'items', values: { done: outcomes.size, total: selected.length } });
        };
        ctx.detail({ kind: 'items', items: [...results] });
        for (const kind of ORDER) {
          const group = selected.filter((i) => i.kind === kind);
          await eachLimited(group, CLEANUP_CONCURRENCY, ctx.signal, async (item) => {
            if (kind === 'container') settle(item, await deleteContainer(engine, item));
            else if (kind === 'image') settle(item, await deleteImage(engine, item, snap, clock.now()));
            else if (kind === 'network') settle(item, await deleteNetwork(engine, item));
            else settle(item, await deleteVolume(engine, item, snap));
          });
        }
        const cache = selected.filter((i) => i.kind === 'buildCache');
        if (cache.length > 0 && !ctx.signal.aborted) await deleteBuildCache(engine, cache, snap, settle, () => ctx.signal.aborted);
        const after = detailFromRaw(await engine.diskUsage(), clock.now()).rows;
        const report = buildReport({
          id: randomUUID(),
          wizard: preview.wizard,
          startedAt,
          endedAt: clock.now(),
          estimate,
          reclaimed: totalSize(before) - totalSize(after),
          before,
          after,
          outcomes: selected.map((item) => ({ item, outcome: outcomes.get(item) })),
        });
        reports.unshift(report);
        reports.splice(KEEP_REPORTS);
        return report;
      });
    },

    history() {
      return [...reports];
    },
  };
}
