/** Channels of the Cleanup page; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import { CLEANUP_WIZARDS, type CleanupPreview, type CleanupReport, type DiskUsageDetail } from '../cleanup';
import type { TaskInfo } from '../tasks';

const hours = z.number().min(0).max(24 * 365 * 20);
const options = z
  .object({
    exitedHours: hours.optional(),
    untilHours: hours.optional(),
    keepNewest: z.number().int().min(0).max(1000).optional(),
    keepStorageMb: z.number().int().min(0).max(100_000_000).optional(),
    protect: z.array(z.string().min(1).max(512).regex(/^[^\0]+$/)).max(200).optional(),
    allImages: z.boolean().optional(),
    volumes: z.boolean().optional(),
  })
  .strict();
const previewId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const itemKey = z.string().min(3).max(600).regex(/^(container|image|network|volume|buildCache):[^\0]+$/);
const selection = z.object({ previewId, keys: z.array(itemKey).max(20000) }).strict();

export const cleanupChannels = {
  /** `docker system df -v`: summary rows and every object; expensive, asked for on demand and after a cleanup. */
  'cleanup.diskUsage': out<DiskUsageDetail>()(z.object({}).strict()),
  /** A wizard's preview: every object that would go, with sizes, the equivalent CLI and the reclaimable total. */
  'cleanup.preview': out<CleanupPreview>()(z.object({ wizard: z.enum(CLEANUP_WIZARDS), options }).strict()),
  /** Bytes the disk gains for a selection of a preview's items (shared layers once). */
  'cleanup.estimate': out<{ bytes: number }>()(selection),
  /** Delete exactly the selected previewed objects by ID, as a task (result: CleanupReport). */
  'cleanup.run': out<TaskInfo<'cleanup'>>()(selection),
  /** The last cleanup reports, newest first (kept in memory by the core). */
  'cleanup.history': out<CleanupReport[]>()(z.object({}).strict()),
} as const;
