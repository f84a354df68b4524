/** The Images details view: inspect, history and layer sharing, containers, tags and digests. */

export interface ImageDetails {
  /** Full image ID. */
  id: string;
  /** GET /images/{id}/json, verbatim (pretty-printed by the view). */
  inspect: Record<string, unknown>;
  repoTags: string[];
  repoDigests: string[];
  /** Newest first, like `docker history`. */
  history: HistoryRow[];
  /** RootFS layers, base first, with the other local images that share each. */
  layers: LayerRow[];
  /**
   * Whether history rows could be matched to layers (the rows with a size > 0 are exactly as many as the
   * layers); when false every row's layerIndex is null and the view shows history and layers side by side.
   */
  historyMatched: boolean;
  /** Containers created from this image (any state), as `docker ps -a --filter ancestor` would list by ID. */
  containers: ImageContainer[];
  /** Parent and child images recorded by the legacy builder (empty for pulled and BuildKit images). */
  lineage: ImageLineage;
}

export interface LineageImage {
  id: string;
  /** Its first tag or name@digest; null for an untagged intermediate. */
  ref: string | null;
}

export interface ImageLineage {
  /** From the base image to the parent, following ParentId. */
  ancestors: LineageImage[];
  /** Images whose parent is this one. */
  children: LineageImage[];
  /** The nearest tagged images built on this one: for an intermediate, the images it is a build step of. */
  belongsTo: LineageImage[];
}

export interface ImageContainer {
  id: string;
  /** Without the leading "/". */
  name: string;
  /** The engine's state word: created, running, paused, restarting, removing, exited, dead. */
  state: string;
  /** The engine's human status, e.g. "Up 2 minutes", "Exited (0) 3 hours ago". */
  status: string;
}

export interface HistoryRow {
  /** "sha256:…" or "<missing>" as `docker history` shows it. */
  id: string;
  /** Unix seconds. */
  created: number;
  /** Verbatim from the engine (`docker history` only replaces tabs with spaces). */
  createdBy: string;
  /** Bytes. */
  size: number;
  comment: string;
  tags: string[];
  /** Index into layers when this step made a layer (history and RootFS matched up), else null. */
  layerIndex: number | null;
}

export interface LayerRow {
  /** The layer's diff ID (sha256:…). */
  diffId: string;
  /** The size of the step that made it, when history matched (bytes); null otherwise. */
  size: number | null;
  /**
   * Other local images (as `docker image ls` lists them) whose RootFS has the same layers at positions
   * 0..this one: the storage driver keeps that chain once for all of them.
   */
  sharedWith: SharingImage[];
}

export interface SharingImage {
  id: string;
  /** Its first tag, or name@digest, or null for an image without either (the view shows the short ID). */
  ref: string | null;
}
