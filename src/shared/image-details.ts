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
  containers: Array<{ id: string; name: string; state: string }>;
}

export interface HistoryRow {
  /** "sha256:…" or "<missing>" as `docker history` shows it. */
  id: string;
  created: number;
  createdBy: string;
  size: number;
  comment: string;
  tags: string[];
  /** Index into layers when this step made a layer (history and RootFS matched up), else null. */
  layerIndex: number | null;
}

export interface LayerRow {
  /** The layer's diff ID (sha256:…). */
  diffId: string;
  /** Other local images whose RootFS contains this layer at the same position chain. */
  sharedWith: Array<{ id: string; ref: string }>;
}
