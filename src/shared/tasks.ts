import type { WharfErrorInfo } from './errors';
import type { TaskKind, TaskResults } from './task-results';

export type TaskState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What every task has, whatever its kind. */
export interface TaskFields {
  id: string;
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
  cancellable: boolean;
  /** Structured progress a page draws (per-layer rows of a pull or push, per-item results of a bulk action). */
  detail?: TaskDetail;
  /** Lines of output so far (a build's log); read them with tasks.log. Absent for tasks without output. */
  logLines?: number;
  /** The engine (docker context) the task runs on; it finishes there even when Wharf switches engines. */
  engine?: string;
}

/**
 * A long operation (pull, push, build, cleanup, mirror apply, setup fix) as the task panel shows it: a union keyed on
 * kind, so TaskInfo<'pull'> (or a TaskInfo narrowed by kind) has a PullResult as its result. Distributive, so that a
 * TaskInfo<K> of a generic K still passes as a TaskInfo.
 */
export type TaskInfo<K extends TaskKind = TaskKind> = K extends TaskKind
  ? TaskFields & {
      /** Kind of task, an i18n key suffix: tasks.kind.<kind>. */
      kind: K;
      /** The task's result, once succeeded. */
      result?: TaskResults[K];
    }
  : never;

/** One layer of a pull or push, as the engine's progress stream reports it. */
export interface LayerProgress {
  /** The layer's short ID as the engine prints it. */
  id: string;
  /** The engine's status for it, normalized. */
  phase: 'waiting' | 'downloading' | 'verifying' | 'download-complete' | 'extracting' | 'done' | 'exists' | 'preparing' | 'pushing' | 'pushed' | 'mounted' | 'retrying';
  /** Bytes done and total of the current phase, when the engine says. */
  current?: number;
  total?: number;
}

/** One object of a bulk action and what happened to it. */
export interface ItemResult {
  /** What the user saw: a reference or a short ID. */
  target: string;
  state: 'pending' | 'done' | 'skipped' | 'failed';
  /** Why it was skipped or failed: an i18n key under tasks.reason, with the engine's message when any. */
  reason?: string;
  message?: string;
  /** A stop (or restart) under way: the engine sends `signal`, and SIGKILL once `seconds` have passed since `startedAt`. */
  stopping?: StopCountdown;
}

export interface StopCountdown {
  /** Full container ID. */
  id: string;
  /** Epoch ms when the stop was sent. */
  startedAt: number;
  /** The grace period: the timeout given, else the container's StopTimeout, else the engine's 10 s. */
  seconds: number;
  /** The container's StopSignal (SIGTERM unless its image or `--stop-signal` set another). */
  signal: string;
}

export type TaskDetail =
  | { kind: 'layers'; layers: LayerProgress[] }
  | { kind: 'items'; items: ItemResult[] };

/** A slice of a task's output: lines[from..]. */
export interface TaskLog {
  from: number;
  lines: string[];
  /** Total lines so far; lines before `firstKept` were dropped to bound memory. */
  total: number;
  firstKept: number;
}
