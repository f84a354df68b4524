/**
 * Deleting one previewed object by ID, after checking it is still what the preview showed: gone → skipped
 * ('gone'), different now → skipped ('changed'), in use now → skipped ('in-use'). Nothing is forced.
 */
import type { CleanupItem } from '../../../shared/cleanup';
import type { EngineApi } from '../engine/engine-api';
import { toErrorInfo } from '../errors';
import { planRemoval } from '../images/remove-plan';
import { realTags } from './df-detail';
import type { Snapshot } from './snapshot';

export interface Outcome {
  state: 'done' | 'skipped' | 'failed';
  reason?: string;
  message?: string;
}

const skipped = (reason: string): Outcome => ({ state: 'skipped', reason });

function failure(error: unknown): Outcome {
  const info = toErrorInfo(error);
  if (info.code === 'not-found') return skipped('gone');
  // The engine refused because something uses it (409): that is the race the preview cannot see.
  if (info.code === 'conflict') return { state: 'skipped', reason: 'in-use', message: info.message };
  return { state: 'failed', reason: 'engine', message: info.message };
}

async function guarded(work: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await work();
  } catch (error) {
    return failure(error);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

export function deleteContainer(engine: EngineApi, item: CleanupItem): Promise<Outcome> {
  return guarded(async () => {
    const c = await engine.inspectContainer(item.id);
    if (c.State?.Running || c.State?.Paused || c.State?.Restarting) return skipped('in-use');
    // Like `docker container prune`: the container only, its volumes stay.
    await engine.removeContainer(item.id, { volumes: false, force: false });
    return { state: 'done' };
  });
}

/** By ID, without force: untag each name (planRemoval's order), then the last removal deletes the image. */
export function deleteImage(engine: EngineApi, item: CleanupItem, snap: Snapshot, now: number): Promise<Outcome> {
  return guarded(async () => {
    const current = await engine.inspectImage(item.id);
    const before = snap.images.find((i) => i.Id === item.id);
    if (current.Id !== item.id || !sameSet(realTags(before?.RepoTags), realTags(current.RepoTags))) return skipped('changed');
    const users = await engine.listContainers({ all: true, filters: JSON.stringify({ ancestor: [item.id] }) });
    if (users.some((c) => c.ImageID === item.id)) return skipped('in-use');
    const plan = planRemoval({ targets: [{ kind: 'id', id: item.id }], missing: [], images: [{ ...current, Size: 0 }], containers: [], usage: {}, now });
    for (const step of plan.items) await engine.removeImage(step.ref, { force: false, noprune: false });
    return { state: 'done' };
  });
}

export function deleteVolume(engine: EngineApi, item: CleanupItem, snap: Snapshot): Promise<Outcome> {
  return guarded(async () => {
    const current = await engine.inspectVolume(item.id);
    const before = snap.df.Volumes.find((v) => v.Name === item.id);
    if (before?.CreatedAt && current.CreatedAt && before.CreatedAt !== current.CreatedAt) return skipped('changed');
    const users = await engine.listContainers({ all: true, filters: JSON.stringify({ volume: [item.id] }) });
    if (users.length > 0) return skipped('in-use');
    await engine.removeVolume(item.id);
    return { state: 'done' };
  });
}

export function deleteNetwork(engine: EngineApi, item: CleanupItem): Promise<Outcome> {
  return guarded(async () => {
    const current = await engine.inspectNetwork(item.id);
    if (current.Id !== item.id) return skipped('changed');
    if (Object.keys(current.Containers).length > 0) return skipped('in-use');
    await engine.removeNetwork(item.id);
    return { state: 'done' };
  });
}

/**
 * Build cache has no per-record delete (API 1.41): POST /build/prune with `filters={"id":[ID]}` and `all`
 * names exactly one record (the engine accepts one id value per call). Children go before their parents, since
 * a parent with a child left is kept. The answer's CachesDeleted says whether it went.
 */
export async function deleteBuildCache(engine: EngineApi, items: readonly CleanupItem[], snap: Snapshot, settle: (item: CleanupItem, outcome: Outcome) => void, aborted: () => boolean): Promise<void> {
  let current: Map<string, { InUse: boolean }>;
  try {
    current = new Map((await engine.diskUsage()).BuildCache.map((b) => [b.ID, b]));
  } catch (error) {
    for (const item of items) settle(item, failure(error));
    return;
  }
  const parentsOf = new Map(snap.df.BuildCache.map((b) => [b.ID, b.Parents]));
  const prune = (item: CleanupItem): Promise<Outcome> =>
    guarded(async () => {
      // No per-record delete (API 1.41): a prune whose filter names exactly this one record.
      const answer = await engine.pruneBuildCache(JSON.stringify({ id: [item.id] }), true);
      return answer.CachesDeleted.includes(item.id) ? { state: 'done' } : { state: 'failed', reason: 'not-deleted' };
    });
  // A record BuildKit kept is tried again after the others: it may be a parent the engine did not name.
  const again: CleanupItem[] = [];
  let left = [...items];
  while (left.length > 0 && !aborted()) {
    const parents = new Set(left.flatMap((i) => parentsOf.get(i.id) ?? []));
    const leaves = left.filter((i) => !parents.has(i.id));
    const batch = leaves.length > 0 ? leaves : left;
    for (const item of batch) {
      const now = current.get(item.id);
      if (!now) settle(item, skipped('gone'));
      else if (now.InUse) settle(item, skipped('in-use'));
      else {
        const outcome = await prune(item);
        if (outcome.reason === 'not-deleted') again.push(item);
        else settle(item, outcome);
      }
    }
    left = left.filter((i) => !batch.includes(i));
  }
  // Passes while one deletes something (a chain of unnamed parents goes one level per pass).
  let kept = again;
  while (kept.length > 0 && !aborted()) {
    const outcomes = [];
    for (const item of kept) outcomes.push({ item, outcome: await prune(item) });
    const next = outcomes.filter((o) => o.outcome.reason === 'not-deleted');
    for (const o of outcomes) if (next.length === kept.length || !next.includes(o)) settle(o.item, o.outcome);
    kept = next.length === kept.length ? [] : next.map((o) => o.item);
  }
}
