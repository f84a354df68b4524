/**
 * Each wizard's candidates, pure: the objects the equivalent CLI prune would remove, narrowed by the wizard's
 * options (age, keep newest, protect list), each with its size.
 */
import type { CleanupItem, CleanupOptions, CleanupPreview, CleanupWizard } from '../../../shared/cleanup';
import type { EngineBuildCacheRecord, EngineImageSummary } from '../engine/engine-types';
import { isAnonymousVolume, realTags } from './df-detail';
import { compileProtect, labelFilters } from './protect';
import { isStopped, type Snapshot } from './snapshot';

const HOUR_MS = 3_600_000;
const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none']);

export type Selection = Pick<CleanupPreview, 'items' | 'kept' | 'commands' | 'combines'>;

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function stoppedContainers(snap: Snapshot, exitedHours: number | undefined): CleanupItem[] {
  const sizes = new Map(snap.df.Containers.map((c) => [c.Id, c.SizeRw ?? 0]));
  const cutoff = exitedHours === undefined ? undefined : snap.now - exitedHours * HOUR_MS;
  return snap.containers
    .filter((c) => isStopped(c.State))
    .filter((c) => cutoff === undefined || (snap.finishedAt[c.Id] ?? c.Created * 1000) < cutoff)
    .map((c) => ({
      key: `container:${c.Id}`,
      kind: 'container',
      id: c.Id,
      name: (c.Names[0] ?? '').replace(/^\//, '') || shortId(c.Id),
      size: sizes.get(c.Id) ?? 0,
      selected: true,
      note: c.Status,
    }));
}

/**
 * The images a prune considers (daemon/images/image_prune.go): dangling-only looks at images no other image
 * has as parent; `-a` at every image except untagged intermediates (a tagged parent only loses its tags).
 */
function pruneCandidates(images: readonly EngineImageSummary[], danglingOnly: boolean): EngineImageSummary[] {
  const parents = new Set(images.map((i) => i.ParentId).filter(Boolean));
  return images.filter((i) => (danglingOnly ? !parents.has(i.Id) && realTags(i.RepoTags).length === 0 : realTags(i.RepoTags).length > 0 || !parents.has(i.Id)));
}

function imageItem(snap: Snapshot, img: Pick<EngineImageSummary, 'Id' | 'RepoTags'>): CleanupItem {
  const df = snap.df.Images.find((d) => d.Id === img.Id);
  const tags = realTags(img.RepoTags);
  return {
    key: `image:${img.Id}`,
    kind: 'image',
    id: img.Id,
    name: tags.length > 0 ? tags.join(', ') : `<none> ${shortId(img.Id)}`,
    size: df ? (df.SharedSize === -1 ? df.Size : df.Size - df.SharedSize) : 0,
    selected: true,
  };
}

interface ImagePick {
  items: CleanupItem[];
  kept: Selection['kept'];
}

/** Unused images (or only dangling ones): no container that stays uses them; age, keep-newest and protect applied. */
function unusedImages(snap: Snapshot, options: CleanupOptions, danglingOnly: boolean, removedContainers: ReadonlySet<string>): ImagePick {
  const used = new Set(snap.containers.filter((c) => !removedContainers.has(c.Id)).map((c) => c.ImageID));
  const isProtected = compileProtect(options.protect ?? []);
  const cutoff = options.untilHours === undefined ? undefined : snap.now - options.untilHours * HOUR_MS;
  const candidates = pruneCandidates(snap.images, danglingOnly)
    .filter((i) => !used.has(i.Id))
    .filter((i) => cutoff === undefined || i.Created * 1000 < cutoff);
  const kept: Selection['kept'] = [];
  const newest = newestPerRepository(snap.images, options.keepNewest);
  const items: CleanupItem[] = [];
  for (const img of candidates) {
    const tags = realTags(img.RepoTags);
    const name = tags.join(', ') || shortId(img.Id);
    if (isProtected({ tags, labels: img.Labels })) kept.push({ name, why: 'protected' });
    else if (newest.has(img.Id)) kept.push({ name, why: 'newest' });
    else items.push(imageItem(snap, img));
  }
  return { items, kept };
}

/** IDs of the newest `n` images of each repository (by creation time); none when n is not set. */
export function newestPerRepository<T extends Pick<EngineImageSummary, 'Id' | 'RepoTags' | 'Created'>>(images: readonly T[], n: number | undefined): Set<string> {
  const keep = new Set<string>();
  if (n === undefined) return keep;
  const byRepo = new Map<string, T[]>();
  for (const img of images) {
    for (const tag of realTags(img.RepoTags)) {
      const colon = tag.lastIndexOf(':');
      const repo = colon > tag.lastIndexOf('/') ? tag.slice(0, colon) : tag;
      const list = byRepo.get(repo) ?? [];
      if (!list.includes(img)) list.push(img);
      byRepo.set(repo, list);
    }
  }
  for (const list of byRepo.values()) {
    list.sort((a, b) => b.Created - a.Created || a.Id.localeCompare(b.Id));
    for (const img of list.slice(0, n)) keep.add(img.Id);
  }
  return keep;
}

/** When a record was last used (or made, never used since), epoch ms; NaN when the engine does not say. */
function lastUsed(b: EngineBuildCacheRecord): number {
  return Date.parse(b.LastUsedAt ?? b.CreatedAt ?? '');
}

/**
 * The Build cache wizard's records: not in use; with `untilHours`, unused for longer than that; with a storage to
 * keep, the least recently used ones until what stays fits in it (BuildKit's own order). Deleted by ID, so exactly
 * these go.
 */
function buildCacheBy(snap: Snapshot, options: CleanupOptions): CleanupItem[] {
  const idle = snap.df.BuildCache.filter((b) => !b.InUse);
  const cutoff = options.untilHours === undefined ? undefined : snap.now - options.untilHours * 3_600_000;
  const old = cutoff === undefined ? idle : idle.filter((b) => lastUsed(b) < cutoff);
  let chosen = old;
  // Keeping 0 is keeping nothing: every record (BuildKit reads it so too), empty ones included.
  if (options.keepStorageMb !== undefined && options.keepStorageMb > 0) {
    const keep = options.keepStorageMb * 1_000_000;
    let total = snap.df.BuildCache.reduce((sum, b) => sum + b.Size, 0);
    chosen = [];
    for (const b of [...old].sort((x, y) => (lastUsed(x) || 0) - (lastUsed(y) || 0) || x.ID.localeCompare(y.ID))) {
      if (total <= keep) break;
      chosen.push(b);
      total -= b.Size;
    }
  }
  const ids = new Set(chosen.map((b) => b.ID));
  return buildCache(snap).filter((item) => ids.has(item.id));
}

function buildCache(snap: Snapshot): CleanupItem[] {
  return snap.df.BuildCache
    .filter((b) => !b.InUse)
    .map((b) => ({
      key: `buildCache:${b.ID}`,
      kind: 'buildCache',
      id: b.ID,
      name: b.ID.slice(0, 12),
      size: b.Size,
      selected: true,
      ...(b.Shared ? { sharedWithImages: true } : {}),
      note: b.Description ? `${b.Type}: ${b.Description}` : b.Type,
    }));
}

/** Local volumes no container that stays mounts; anonymous ones ticked, named ones offered unticked. */
function unusedVolumes(snap: Snapshot, removedContainers: ReadonlySet<string>, includeNamed: boolean): CleanupItem[] {
  const users = new Map<string, string[]>();
  for (const c of snap.containers) for (const m of c.Mounts) if (m.Type === 'volume' && m.Name) users.set(m.Name, [...(users.get(m.Name) ?? []), c.Id]);
  return snap.df.Volumes
    .filter((v) => v.Driver === 'local')
    .filter((v) => (users.get(v.Name) ?? []).every((id) => removedContainers.has(id)) && ((v.UsageData?.RefCount ?? 0) === 0 || users.has(v.Name)))
    .filter((v) => includeNamed || isAnonymousVolume(v))
    .map((v) => {
      const anonymous = isAnonymousVolume(v);
      return {
        key: `volume:${v.Name}`,
        kind: 'volume',
        id: v.Name,
        name: anonymous ? shortId(v.Name) : v.Name,
        size: Math.max(0, v.UsageData?.Size ?? 0),
        selected: anonymous,
        ...(anonymous ? {} : { caution: 'named-volume' as const }),
      };
    });
}

/** Custom local networks with no container attached. */
function unusedNetworks(snap: Snapshot): CleanupItem[] {
  return snap.networks
    .filter((n) => !PREDEFINED_NETWORKS.has(n.Name) && n.Scope === 'local' && Object.keys(n.Containers).length === 0)
    .map((n) => ({ key: `network:${n.Id}`, kind: 'network', id: n.Id, name: n.Name, size: 0, selected: true }));
}

function untilArgs(flag: string, hours: number | undefined): string[] {
  return hours === undefined ? [] : ['--filter', `${flag}=${hours}h`];
}

export function selectFor(wizard: CleanupWizard, options: CleanupOptions, snap: Snapshot): Selection {
  const none = new Set<string>();
  switch (wizard) {
    case 'quick': {
      const containers = stoppedContainers(snap, options.exitedHours);
      const images = unusedImages(snap, { protect: options.protect }, true, new Set(containers.map((c) => c.id)));
      return {
        items: [...containers, ...images.items, ...buildCache(snap)],
        kept: images.kept,
        commands: [
          ['docker', 'container', 'prune', '-f', ...untilArgs('until', options.exitedHours)],
          ['docker', 'image', 'prune', '-f', ...labelFilters(options.protect ?? []).flatMap((f) => ['--filter', f])],
          ['docker', 'builder', 'prune', '-a', '-f'],
        ],
        combines: [],
      };
    }
    case 'images': {
      const images = unusedImages(snap, options, false, none);
      const filters = [...untilArgs('until', options.untilHours), ...labelFilters(options.protect ?? []).flatMap((f) => ['--filter', f])];
      return { items: images.items, kept: images.kept, commands: [['docker', 'image', 'prune', '-a', '-f', ...filters]], combines: [] };
    }
    case 'volumes':
      return { items: unusedVolumes(snap, none, true), kept: [], commands: [['docker', 'volume', 'prune', '-f']], combines: [] };
    case 'networks':
      return { items: unusedNetworks(snap), kept: [], commands: [['docker', 'network', 'prune', '-f']], combines: [] };
    case 'buildCache': {
      const keep = options.keepStorageMb === undefined ? [] : ['--keep-storage', `${options.keepStorageMb}MB`];
      return { items: buildCacheBy(snap, options), kept: [], commands: [['docker', 'builder', 'prune', '-a', '-f', ...untilArgs('until', options.untilHours), ...keep]], combines: [] };
    }
    case 'everything': {
      const containers = stoppedContainers(snap, options.exitedHours);
      const removed = new Set(containers.map((c) => c.id));
      const images = unusedImages(snap, options, !options.allImages, removed);
      const volumes = options.volumes ? unusedVolumes(snap, removed, false) : [];
      const command = ['docker', 'system', 'prune', '-f', ...(options.allImages ? ['-a'] : []), ...(options.volumes ? ['--volumes'] : [])];
      return {
        items: [...containers, ...images.items, ...unusedNetworks(snap), ...volumes, ...buildCache(snap)],
        kept: images.kept,
        commands: [[...command, ...untilArgs('until', options.exitedHours)]],
        combines: ['quick', 'networks', ...(options.allImages ? (['images'] as const) : []), ...(options.volumes ? (['volumes'] as const) : [])],
      };
    }
  }
}
