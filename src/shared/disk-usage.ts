/**
 * `docker system df` arithmetic, done exactly as the docker CLI (28.x) does it, from the engine's
 * GET /system/df answer. Pure: shared by core (tests compare it with the CLI) and the renderer.
 */
import { humanSize } from './units';

export { humanSize };

/** The subset of GET /system/df that the summary needs. Field names are the Engine API's. */
export interface RawDiskUsage {
  LayersSize?: number;
  Images?: Array<{ Containers: number; Size: number; SharedSize: number }> | null;
  Containers?: Array<{ State: string; SizeRw?: number }> | null;
  Volumes?: Array<{ UsageData?: { Size: number; RefCount: number } | null }> | null;
  BuildCache?: Array<{ InUse: boolean; Shared: boolean; Size: number }> | null;
}

export type DiskUsageKind = 'images' | 'containers' | 'volumes' | 'buildCache';

export interface DiskUsageRow {
  kind: DiskUsageKind;
  total: number;
  active: number;
  /** Bytes. */
  size: number;
  /** Bytes. */
  reclaimable: number;
  /** Integer percentage as the CLI prints it; null where the CLI prints none (zero size, build cache). */
  reclaimablePercent: number | null;
}

export interface DiskUsageSummary {
  rows: DiskUsageRow[];
  /** Epoch ms when the engine answered. */
  measuredAt: number;
}

/** The CLI's TYPE column for each row. */
export const DISK_USAGE_CLI_TYPES: Record<DiskUsageKind, string> = {
  images: 'Images',
  containers: 'Containers',
  volumes: 'Local Volumes',
  buildCache: 'Build Cache',
};

function percent(reclaimable: number, size: number): number | null {
  // Go: (reclaimable*100)/totalSize on int64, which truncates toward zero.
  return size > 0 ? Math.trunc((reclaimable * 100) / size) : null;
}

function isActiveContainer(state: string): boolean {
  return state.includes('running') || state.includes('paused') || state.includes('restarting');
}

export function summarizeDiskUsage(du: RawDiskUsage): DiskUsageRow[] {
  const images = du.Images ?? [];
  const imagesSize = du.LayersSize ?? 0;
  let imagesUsed = 0;
  let imagesActive = 0;
  for (const i of images) {
    if (i.Containers > 0) imagesActive++;
    if (i.Containers !== 0 && i.Size !== -1 && i.SharedSize !== -1) imagesUsed += i.Size - i.SharedSize;
  }
  const imagesReclaimable = imagesSize - imagesUsed;

  const containers = du.Containers ?? [];
  let containersSize = 0;
  let containersReclaimable = 0;
  let containersActive = 0;
  for (const c of containers) {
    const rw = c.SizeRw ?? 0;
    containersSize += rw;
    if (isActiveContainer(c.State)) containersActive++;
    else containersReclaimable += rw;
  }

  const volumes = du.Volumes ?? [];
  let volumesSize = 0;
  let volumesReclaimable = 0;
  let volumesActive = 0;
  for (const v of volumes) {
    const usage = v.UsageData;
    if (!usage) continue;
    if (usage.RefCount > 0) volumesActive++;
    if (usage.Size === -1) continue;
    volumesSize += usage.Size;
    if (usage.RefCount === 0) volumesReclaimable += usage.Size;
  }

  const cache = du.BuildCache ?? [];
  let cacheSize = 0;
  let cacheReclaimable = 0;
  let cacheActive = 0;
  for (const r of cache) {
    if (r.InUse) cacheActive++;
    if (r.Shared) continue;
    cacheSize += r.Size;
    if (!r.InUse) cacheReclaimable += r.Size;
  }

  return [
    { kind: 'images', total: images.length, active: imagesActive, size: imagesSize, reclaimable: imagesReclaimable, reclaimablePercent: percent(imagesReclaimable, imagesSize) },
    { kind: 'containers', total: containers.length, active: containersActive, size: containersSize, reclaimable: containersReclaimable, reclaimablePercent: percent(containersReclaimable, containersSize) },
    { kind: 'volumes', total: volumes.length, active: volumesActive, size: volumesSize, reclaimable: volumesReclaimable, reclaimablePercent: percent(volumesReclaimable, volumesSize) },
    { kind: 'buildCache', total: cache.length, active: cacheActive, size: cacheSize, reclaimable: cacheReclaimable, reclaimablePercent: null },
  ];
}

/** A row exactly as `docker system df --format '{{json .}}'` prints it. */
export interface DiskUsageCliRow {
  Type: string;
  TotalCount: string;
  Active: string;
  Size: string;
  Reclaimable: string;
}

export function toCliRow(row: DiskUsageRow): DiskUsageCliRow {
  const reclaimable = row.reclaimablePercent === null ? humanSize(row.reclaimable) : `${humanSize(row.reclaimable)} (${row.reclaimablePercent}%)`;
  return {
    Type: DISK_USAGE_CLI_TYPES[row.kind],
    TotalCount: String(row.total),
    Active: String(row.active),
    Size: humanSize(row.size),
    Reclaimable: reclaimable,
  };
}
