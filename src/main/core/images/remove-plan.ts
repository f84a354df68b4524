/**
 * The removal preview, pure: which references go, which image each last one deletes, what blocks it and the
 * space freed. It follows the engine's own rules for DELETE /images/{name} (daemon/images/image_delete.go):
 * - removing a tag only untags while the image keeps another reference;
 * - when the last tag of a repository goes, that repository's digest references go with it;
 * - the image is deleted when no reference is left; a container created from it blocks that (force
 *   overrides stopped containers, never running ones).
 */
import type { RemoveItem, RemovePlan } from '../../../shared/image-remove';
import type { EngineContainerSummary, EngineImageInspect, EngineImageSummary } from '../engine/engine-types';

/**
 * An image as the plan reads it: an entry of GET /images/json, or an image's inspect (the cleanup run plans
 * one image from a fresh inspect), whose name lists come as the engine sent them and may be null.
 */
type PlannedImage = Pick<EngineImageSummary, 'Id' | 'Size'> & Pick<EngineImageInspect, 'RepoTags' | 'RepoDigests'>;

/** What the user asked for, resolved by the engine: a reference naming an image, or an image by ID. */
export type ResolvedTarget = { kind: 'reference'; ref: string; id: string } | { kind: 'id'; id: string };

export interface PlanInput {
  targets: ResolvedTarget[];
  missing: string[];
  /** Every local image (GET /images/json?all=1). */
  images: PlannedImage[];
  containers: Array<Pick<EngineContainerSummary, 'ImageID' | 'State' | 'Names'>>;
  /** Per image ID, from GET /system/df. */
  usage: Record<string, { uniqueSize: number; sharedSize: number }>;
  now: number;
}

const NONE_REFS = new Set(['<none>:<none>', '<none>@<none>']);

/** "repo" of "repo:tag" or "repo@sha256:…" (a registry port's colon is before the last slash). */
export function repositoryOf(ref: string): string {
  const at = ref.indexOf('@');
  if (at !== -1) return ref.slice(0, at);
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
}

function referencesOf(image: PlannedImage): { tags: string[]; digests: string[] } {
  return {
    tags: (image.RepoTags ?? []).filter((r) => !NONE_REFS.has(r)),
    digests: (image.RepoDigests ?? []).filter((r) => !NONE_REFS.has(r)),
  };
}

/** References left after removing `planned`, by the engine's rule for digest references. */
export function remainingReferences(image: PlannedImage, planned: ReadonlySet<string>): string[] {
  const { tags, digests } = referencesOf(image);
  const keptTags = tags.filter((t) => !planned.has(t));
  const repoWithTagLeft = new Set(keptTags.map(repositoryOf));
  const repoLosingTag = new Set(tags.filter((t) => planned.has(t)).map(repositoryOf));
  const keptDigests = digests.filter((d) => {
    if (planned.has(d)) return false;
    const repo = repositoryOf(d);
    return repoWithTagLeft.has(repo) || !repoLosingTag.has(repo);
  });
  return [...keptTags, ...keptDigests];
}

/** An ID target removes the image under every name: its tags, and digests of repositories without a tag. */
function allNames(image: PlannedImage): string[] {
  const { tags, digests } = referencesOf(image);
  const tagged = new Set(tags.map(repositoryOf));
  return [...tags, ...digests.filter((d) => !tagged.has(repositoryOf(d)))];
}

function usersOf(id: string, containers: PlanInput['containers']): RemoveItem['containers'] {
  return containers
    .filter((c) => c.ImageID === id)
    .map((c) => ({ name: (c.Names[0] ?? '').replace(/^\//, '') || c.ImageID.slice(0, 12), running: c.State === 'running' || c.State === 'paused' || c.State === 'restarting' }));
}

export function planRemoval(input: PlanInput): RemovePlan {
  const byId = new Map(input.images.map((img) => [img.Id, img]));
  // Per image, in the order first asked for: the references to remove (an empty set means "by ID, no names").
  const planned = new Map<string, Set<string>>();
  for (const target of input.targets) {
    const image = byId.get(target.id);
    if (!image) continue;
    const refs = planned.get(target.id) ?? new Set<string>();
    if (target.kind === 'id') for (const name of allNames(image)) refs.add(name);
    else refs.add(target.ref);
    planned.set(target.id, refs);
  }

  const items: RemoveItem[] = [];
  const command = ['docker', 'image', 'rm'];
  for (const [id, refs] of planned) {
    const image = byId.get(id);
    if (!image) continue;
    const remaining = remainingReferences(image, refs);
    const deletes = remaining.length === 0;
    const containers = usersOf(id, input.containers);
    const unique = input.usage[id]?.uniqueSize ?? 0;
    const names = refs.size > 0 ? [...refs] : [id];
    names.forEach((ref, i) => {
      const last = i === names.length - 1;
      const mode = deletes && last ? 'delete' : 'untag';
      items.push({ ref, id, mode, uniqueSize: mode === 'delete' ? unique : 0, size: image.Size, containers: mode === 'delete' ? containers : [], otherTags: remaining });
      command.push(ref);
    });
  }

  const deleteItems = items.filter((i) => i.mode === 'delete');
  const blocked = deleteItems.filter((i) => i.containers.length > 0);
  // Unique sizes are a first answer; the service replaces them with the layer-exact totals (layer-accounting.ts).
  const sum = (list: RemoveItem[]): number => list.reduce((n, i) => n + i.uniqueSize, 0);
  return {
    items,
    blocked: blocked.length,
    freedBytes: sum(deleteItems),
    freedBytesWithoutBlocked: sum(deleteItems.filter((i) => i.containers.length === 0)),
    missing: input.missing,
    command,
    plannedAt: input.now,
  };
}
