import type { WharfErrorInfo } from './errors';

export type TaskState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A long operation (pull, push, build, cleanup, mirror apply, setup fix) as the task panel shows it. */
export interface TaskInfo {
  id: string;
  /** Kind of task, an i18n key suffix: tasks.kind.<kind>. */
  kind: string;
  /** What the task works on (an image reference, a file path…); shown verbatim. */
  target: string;
  state: TaskState;
  /** 0..1, or null while unknown. Never goes backwards. */
  progress: number | null;
  /** Latest step as an i18n key under tasks.step, with its values. */
  step?: { key: string; values?: Record<string, string | number> };
  startedAt: number;
  endedAt?: number;
  error?: WharfErrorInfo;
  /** The task's result, once succeeded. */
  result?: unknown;
  cancellable: boolean;
}
