/** What a preview is computed from: one read of the engine's lists, kept with the preview for the estimate and the run. */
import type { RawDfVerbose } from './df-detail';

export interface SnapImage {
  Id: string;
  ParentId?: string;
  RepoTags?: string[] | null;
  Created: number;
  Labels?: Record<string, string> | null;
}

export interface SnapContainer {
  Id: string;
  Names?: string[] | null;
  ImageID: string;
  State: string;
  Status: string;
  Created: number;
  Mounts?: Array<{ Type?: string; Name?: string }> | null;
}

export interface SnapNetwork {
  Id: string;
  Name: string;
  Scope?: string;
  /** From inspect: the containers attached now. */
  Containers?: Record<string, unknown> | null;
}

export interface Snapshot {
  now: number;
  df: RawDfVerbose;
  /** GET /images/json?all=1. */
  images: SnapImage[];
  /** GET /containers/json?all=1. */
  containers: SnapContainer[];
  networks: SnapNetwork[];
  /** Epoch ms a stopped container exited (State.FinishedAt), read only when the wizard asks for an age. */
  finishedAt: Record<string, number>;
}

/** Running, paused and restarting containers are in use; everything else `docker container prune` removes. */
export function isStopped(state: string): boolean {
  return !['running', 'paused', 'restarting', 'removing'].includes(state);
}
