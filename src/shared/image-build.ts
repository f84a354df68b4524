/** Build, save, load and import: the shared shapes. */

export interface BuildResult {
  /** Full ID of the built image. */
  id: string;
  tags: string[];
}

export interface LoadResult {
  /** "Loaded image: busybox:latest" / "Loaded image ID: sha256:…" references, as the engine answered. */
  loaded: string[];
}

export interface ImportResult {
  id: string;
  reference?: string;
}

export interface SaveResult {
  path: string;
  bytes: number;
}
