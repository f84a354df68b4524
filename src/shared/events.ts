import type { EngineStatus } from './engine';
import type { TaskInfo } from './tasks';

/** One message of the Docker /events stream, as the engine sends it. */
export interface DockerEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  scope?: string;
  time: number;
  timeNano: number;
}

/** Everything main pushes to the renderer, over the one event channel (IPC) or /api/events (web). */
export type WharfEvent =
  | { type: 'engine.state'; status: EngineStatus }
  /**
   * Wharf now uses another engine: every page lists again; `status` is the new engine's first state, and
   * `closedStreams` the log, terminal and stats views of the old engine that were ended.
   */
  | { type: 'engine.switched'; engine: string; from: string; closedStreams: number; status: EngineStatus }
  | { type: 'docker.event'; event: DockerEvent }
  | { type: 'task.update'; task: TaskInfo };
