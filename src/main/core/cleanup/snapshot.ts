/** What a preview is computed from: one read of the engine's lists, kept with the preview for the estimate and the run. */
import type { EngineContainerSummary, EngineDiskUsage, EngineImageSummary, EngineNetwork } from '../engine/engine-types';

export interface Snapshot {
  now: number;
  /** GET /system/df. */
  df: EngineDiskUsage;
  /** Every image, untagged parents too: df's own list, or GET /images/json?all=1 when df leaves parents out. */
  images: EngineImageSummary[];
  /** Every container (df's list: GET /containers/json?all=1&size=1's answer). */
  containers: EngineContainerSummary[];
  /** GET /networks; the custom ones inspected, for the containers attached now. */
  networks: EngineNetwork[];
  /** Epoch ms a stopped container exited (State.FinishedAt), read only when the wizard asks for an age. */
  finishedAt: Record<string, number>;
}

/** Running, paused and restarting containers are in use; everything else `docker container prune` removes. */
export function isStopped(state: string): boolean {
  return !['running', 'paused', 'restarting', 'removing'].includes(state);
}
