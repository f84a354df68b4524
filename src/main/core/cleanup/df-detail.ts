/** GET /system/df read as `docker system df -v` shows it: the summary rows plus every object. Pure. */
import type { DfBuildCache, DfContainer, DfImage, DfVolume, DiskUsageDetail } from '../../../shared/cleanup';
import { summarizeDiskUsage } from '../../../shared/disk-usage';
import type { EngineDiskUsage, EngineVolume } from '../engine/engine-types';

const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** Engines ≥ 23 label anonymous volumes; older ones (20.10) name them with 64 hex digits. */
export function isAnonymousVolume(v: Pick<EngineVolume, 'Name' | 'Labels'>): boolean {
  return v.Labels[ANONYMOUS_LABEL] !== undefined || /^[0-9a-f]{64}$/.test(v.Name);
}

export function realTags(tags: readonly string[] | null | undefined): string[] {
  return (tags ?? []).filter((t) => t !== '<none>:<none>');
}

function epochMs(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

export function detailFromRaw(raw: EngineDiskUsage, measuredAt: number): DiskUsageDetail {
  const images: DfImage[] = raw.Images.map((i) => ({
    id: i.Id,
    tags: realTags(i.RepoTags),
    created: i.Created * 1000,
    size: i.Size,
    sharedSize: i.SharedSize,
    // As the CLI prints UNIQUE SIZE: size minus shared size.
    uniqueSize: i.SharedSize === -1 ? i.Size : i.Size - i.SharedSize,
    containers: i.Containers,
  }));
  const containers: DfContainer[] = raw.Containers.map((c) => ({
    id: c.Id,
    name: (c.Names[0] ?? '').replace(/^\//, ''),
    image: c.Image,
    size: c.SizeRw ?? 0,
    state: c.State,
    status: c.Status,
    created: c.Created * 1000,
  }));
  const volumes: DfVolume[] = raw.Volumes.map((v) => ({
    name: v.Name,
    links: v.UsageData?.RefCount ?? -1,
    size: v.UsageData?.Size ?? -1,
    anonymous: isAnonymousVolume(v),
  }));
  const buildCache: DfBuildCache[] = raw.BuildCache.map((b) => ({
    id: b.ID,
    type: b.Type,
    description: b.Description ?? '',
    size: b.Size,
    inUse: b.InUse,
    shared: b.Shared,
    lastUsed: epochMs(b.LastUsedAt),
    usageCount: b.UsageCount ?? 0,
  }));
  return { rows: summarizeDiskUsage(raw), images, containers, volumes, buildCache, measuredAt };
}

/** The disk space df accounts for, all kinds together: what a cleanup's "reclaimed" is measured against. */
export function totalSize(rows: ReadonlyArray<{ size: number }>): number {
  return rows.reduce((n, r) => n + r.size, 0);
}
