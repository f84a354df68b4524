/** The Images page's data: `docker image ls` rows, its filters, and the real disk use per image. */

/** The CLI's `-f` filters for `docker image ls`, passed to the engine exactly as the CLI passes them. */
export interface ImageFilters {
  /** `-f reference=GLOB` (repeatable; any may match), also the positional `docker image ls REPO[:TAG]`. */
  reference?: string[];
  /** `-f since=IMAGE` (a reference or an ID). */
  since?: string;
  /** `-f before=IMAGE`. */
  before?: string;
  /** `-f dangling=true|false`. */
  dangling?: boolean;
  /** `-f label=KEY` or `-f label=KEY=VALUE` (repeatable; all must match). */
  label?: string[];
}

export interface ImageListInput {
  filters: ImageFilters;
  /** `-a`: include intermediate images. */
  all: boolean;
}

/** One row as `docker image ls --digests --no-trunc` prints it: one per repository:tag (or <none>). */
export interface ImageRow {
  /** Unique row key: id + repository + tag + digest. */
  key: string;
  /** Full image ID, "sha256:…". */
  id: string;
  repository: string;
  tag: string;
  /** "sha256:…" or "<none>", as `--digests` shows it. */
  digest: string;
  /** Unix seconds. */
  created: number;
  /** Bytes: the CLI's SIZE (all layers). */
  size: number;
  /** <none>:<none> with no children: what `dangling=true` lists. */
  dangling: boolean;
  /** The image it was built on, as the legacy builder recorded it ('' when none: pulled, imported, BuildKit). */
  parentId: string;
  labels: Record<string, string>;
  /** Containers created from this image (any state), from the engine's container list. */
  containers: { running: number; other: number; names: string[] };
}

export interface ImageList {
  rows: ImageRow[];
  /** The equivalent CLI command, as argv, e.g. ["docker","image","ls","-a","-f","dangling=true"]. */
  command: string[];
  /** Epoch ms when the engine answered. */
  listedAt: number;
}

/** Real disk use from GET /system/df (expensive: fetched on demand, not with every list). */
export interface ImageDiskUsage {
  /** Per full image ID. */
  images: Record<string, { size: number; sharedSize: number; uniqueSize: number; containers: number }>;
  /** Bytes used by all image layers together (the df Images SIZE). */
  layersSize: number;
  measuredAt: number;
}
