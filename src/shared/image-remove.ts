/** Removing images: the preview (plan) the user confirms, and what the removal task reports. */
import type { ImageListInput } from './images';

/** What to remove: references or IDs the user picked, or everything the current filter lists. */
export type RemoveTarget = { refs: string[] } | { filter: ImageListInput };

/**
 * One step of a removal, as `docker image rm` would do it:
 * - untag: the image keeps other tags, only this reference goes (no space is freed);
 * - delete: the image itself goes (with its untagged parent layers no other image needs).
 */
export interface RemoveItem {
  /** What the user sees and what is passed to DELETE /images/{ref}: a repo:tag, repo@digest or a full ID. */
  ref: string;
  /** The full image ID the reference pointed to when planned; the task skips the item if it changed. */
  id: string;
  mode: 'untag' | 'delete';
  /** Bytes that only this image holds (df unique size); 0 for untag. The plan's total counts shared layers once. */
  uniqueSize: number;
  /** The CLI's SIZE. */
  size: number;
  /** Containers created from this image: the engine refuses to delete without force (and even with force while one runs). */
  containers: Array<{ name: string; running: boolean }>;
  /** The other references of the same image that this plan does not remove. */
  otherTags: string[];
}

export interface RemovePlan {
  items: RemoveItem[];
  /** Items the engine will refuse without force (used by a container). */
  blocked: number;
  /**
   * Bytes freed when every item is removed: each layer that no kept image uses, once (also layers the deleted
   * images share only with each other, and their untagged parents the engine prunes with them).
   */
  freedBytes: number;
  /** Bytes freed when the blocked items are skipped. */
  freedBytesWithoutBlocked: number;
  /** References and IDs asked for that do not exist. */
  missing: string[];
  /** The equivalent CLI command, as argv. */
  command: string[];
  plannedAt: number;
}

/** The removal task's result. */
export interface RemoveReport {
  removed: number;
  untagged: number;
  skipped: number;
  failed: number;
  /** The engine's answer per item: "Untagged: …", "Deleted: sha256:…". */
  lines: string[];
}
