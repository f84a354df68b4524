/** The Cleanup page: the `docker system df -v` picture, the wizards' previews and the cleanup reports. */
import type { DiskUsageRow } from './disk-usage';

/** One image of `docker system df -v` (sizes in bytes). */
export interface DfImage {
  id: string;
  /** repo:tag names; empty for a dangling image. */
  tags: string[];
  created: number;
  size: number;
  sharedSize: number;
  uniqueSize: number;
  containers: number;
}

export interface DfContainer {
  id: string;
  name: string;
  image: string;
  /** Writable layer size (SizeRw). */
  size: number;
  state: string;
  status: string;
  created: number;
}

export interface DfVolume {
  name: string;
  /** Containers using it (RefCount); -1 when the engine does not know. */
  links: number;
  /** Bytes; -1 when the engine does not know. */
  size: number;
  anonymous: boolean;
}

export interface DfBuildCache {
  id: string;
  type: string;
  description: string;
  size: number;
  inUse: boolean;
  shared: boolean;
  lastUsed: number | null;
  usageCount: number;
}

/** `docker system df -v`: the summary rows plus every object. */
export interface DiskUsageDetail {
  rows: DiskUsageRow[];
  images: DfImage[];
  containers: DfContainer[];
  volumes: DfVolume[];
  buildCache: DfBuildCache[];
  measuredAt: number;
}

export const CLEANUP_WIZARDS = ['quick', 'images', 'volumes', 'networks', 'buildCache', 'everything'] as const;
export type CleanupWizard = (typeof CLEANUP_WIZARDS)[number];

/** What a wizard's first step asks. Absent fields mean "no limit". */
export interface CleanupOptions {
  /** Quick clean / Everything: only containers that exited more than this many hours ago. */
  exitedHours?: number;
  /**
   * Unused images: only images created more than this many hours ago (`until`). Build cache: only records unused for
   * more than this many hours (last used, or created when never used), as `docker builder prune --filter until`.
   */
  untilHours?: number;
  /** Build cache: keep this much cache (MB), dropping the least recently used records first (`--keep-storage`). */
  keepStorageMb?: number;
  /** Unused images: keep the newest N images of each repository. */
  keepNewest?: number;
  /** Images never removed: reference globs (`myorg/*`, `*:stable`) or `label=key[=value]`. */
  protect?: string[];
  /** Everything: every unused image, not only dangling ones (`-a`). */
  allImages?: boolean;
  /** Everything: unused anonymous volumes too (`--volumes`). */
  volumes?: boolean;
}

export type CleanupObjectKind = 'container' | 'image' | 'network' | 'volume' | 'buildCache';

export interface CleanupItem {
  /** `<kind>:<id>`: what the run and the estimate take. */
  key: string;
  kind: CleanupObjectKind;
  /** Full ID (volumes: the name). */
  id: string;
  /** What the user recognizes: a name, tags, or a short ID. */
  name: string;
  /** Bytes the engine reports for it (image: unique size; build cache shared with images: its size, freeing 0). */
  size: number;
  /** Ticked by default; named volumes start unticked (chosen one by one). */
  selected: boolean;
  /** Why the user should look twice: the data of a named volume is gone for good. */
  caution?: 'named-volume';
  /** Build cache whose data image layers also hold: deleting it frees nothing while those images stay. */
  sharedWithImages?: boolean;
  /** An extra fact shown with the item (container status, cache type, volume links…). */
  note?: string;
}

export interface CleanupPreview {
  id: string;
  wizard: CleanupWizard;
  options: CleanupOptions;
  items: CleanupItem[];
  /** Bytes the disk gains with the default selection, shared layers counted once. */
  reclaimable: number;
  /**
   * `docker system df`'s RECLAIMABLE for images in the same snapshot, when the preview deletes images: the CLI's
   * figure, which counts shared layers of images that stay as if they went. null when no image is in the preview.
   */
  cliImagesReclaimable: number | null;
  /** Images left out by the protect list or "keep newest". */
  kept: Array<{ name: string; why: 'protected' | 'newest' }>;
  /** The CLI commands of the same meaning, as argv lists. */
  commands: string[][];
  /** Everything: the wizards it combines. */
  combines: CleanupWizard[];
  plannedAt: number;
}

export interface CleanupOutcome {
  kind: CleanupObjectKind;
  name: string;
  /** For skipped and failed ones: an i18n key under tasks.reason (changed, gone, in-use, engine, not-deleted). */
  reason?: string;
  message?: string;
}

/** The cleanup task's result, also kept in the page's history. */
export interface CleanupReport {
  id: string;
  wizard: CleanupWizard;
  startedAt: number;
  endedAt: number;
  /** The preview's estimate for what was selected, bytes. */
  estimate: number;
  /** Measured: df total size before minus after, bytes. */
  reclaimed: number;
  before: DiskUsageRow[];
  after: DiskUsageRow[];
  removed: CleanupOutcome[];
  skipped: CleanupOutcome[];
  failed: CleanupOutcome[];
}
