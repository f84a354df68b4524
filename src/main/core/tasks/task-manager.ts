import { randomUUID } from 'node:crypto';
import type { TaskKind, TaskResults } from '../../../shared/task-results';
import type { TaskDetail, TaskFields, TaskInfo, TaskLog } from '../../../shared/tasks';
import type { Clock } from '../clock';
import { WharfError, toErrorInfo } from '../errors';

export interface TaskContext {
  signal: AbortSignal;
  /** Report progress (0..1 or null when unknown); values below the last one are ignored so bars never jump back. */
  progress(fraction: number | null, step?: TaskInfo['step']): void;
  /** Replace the task's structured progress (layers, items); sent with the next throttled update. */
  detail(detail: TaskDetail): void;
  /** Append output lines (a build log); the newest MAX_LOG_LINES are kept. */
  log(lines: string[]): void;
}

export interface StartTaskOptions<K extends TaskKind = TaskKind> {
  kind: K;
  target: string;
  cancellable?: boolean;
  /** The engine the task runs on (set by the core's engine session, not by the areas). */
  engine?: string;
}

export interface TaskManager {
  /** The run function answers what its kind answers (TaskResults[kind]): that is what task.result holds once succeeded. */
  start<K extends TaskKind>(options: StartTaskOptions<K>, run: (ctx: TaskContext) => Promise<NoInfer<TaskResults[K]>>): TaskInfo<K>;
  list(): TaskInfo[];
  get(id: string): TaskInfo | undefined;
  cancel(id: string): TaskInfo;
  /** Resolves when the task has ended (any state). */
  settled(id: string): Promise<TaskInfo>;
  /** The task's output from line `from` on (what was dropped is said by firstKept). */
  log(id: string, from: number): TaskLog;
}

/** At most this many progress updates per second per task reach the listeners. */
export const MAX_PROGRESS_EVENTS_PER_SECOND = 10;
const KEEP_FINISHED = 50;
/** Output lines kept per task; older ones are dropped (a build can print megabytes). */
export const MAX_LOG_LINES = 5000;

/** A task as the manager holds it: every kind alike, its result not tied to its kind (start's signature does that). */
type HeldTask = TaskFields & { kind: TaskKind; result?: unknown };

interface Entry {
  info: HeldTask;
  controller: AbortController;
  lastEmitAt: number;
  pendingTimer: unknown;
  done: Promise<TaskInfo>;
  log: string[];
  /** Lines dropped from the front of log. */
  dropped: number;
}

export function createTaskManager(deps: { clock: Clock; onUpdate: (task: TaskInfo) => void; newId?: () => string }): TaskManager {
  const entries = new Map<string, Entry>();
  const minInterval = 1000 / MAX_PROGRESS_EVENTS_PER_SECOND;
  const newId = deps.newId ?? (() => randomUUID());

  // The one place a held task becomes a typed one: start only accepts a run function returning its kind's result.
  const snapshot = <K extends TaskKind = TaskKind>(entry: Entry): TaskInfo<K> => ({ ...entry.info }) as TaskInfo<K>;

  const emitNow = (entry: Entry): void => {
    if (entry.pendingTimer !== undefined) {
      deps.clock.clearTimeout(entry.pendingTimer);
      entry.pendingTimer = undefined;
    }
    entry.lastEmitAt = deps.clock.now();
    deps.onUpdate(snapshot(entry));
  };

  const emitThrottled = (entry: Entry): void => {
    if (entry.pendingTimer !== undefined) return;
    const wait = entry.lastEmitAt + minInterval - deps.clock.now();
    if (wait <= 0) emitNow(entry);
    else entry.pendingTimer = deps.clock.setTimeout(() => emitNow(entry), wait);
  };

  const forgetOld = (): void => {
    const finished = [...entries.values()].filter((e) => e.info.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) entries.delete(e.info.id);
  };

  const finish = (entry: Entry, patch: Partial<HeldTask>): TaskInfo => {
    if (entry.info.state !== 'running') return snapshot(entry);
    entry.info = { ...entry.info, ...patch, endedAt: deps.clock.now() };
    emitNow(entry);
    forgetOld();
    return snapshot(entry);
  };

  return {
    start<K extends TaskKind>(options: StartTaskOptions<K>, run: (ctx: TaskContext) => Promise<TaskResults[K]>): TaskInfo<K> {
      const controller = new AbortController();
      const info: HeldTask = {
        id: newId(),
        kind: options.kind,
        target: options.target,
        state: 'running',
        progress: null,
        startedAt: deps.clock.now(),
        cancellable: options.cancellable ?? true,
        ...(options.engine !== undefined ? { engine: options.engine } : {}),
      };
      let resolveDone: (t: TaskInfo) => void = () => undefined;
      const entry: Entry = { info, controller, lastEmitAt: 0, pendingTimer: undefined, done: new Promise((r) => (resolveDone = r)), log: [], dropped: 0 };
      entries.set(info.id, entry);
      emitNow(entry);

      const ctx: TaskContext = {
        signal: controller.signal,
        progress(fraction, step) {
          if (entry.info.state !== 'running') return;
          const previous = entry.info.progress;
          const next = fraction === null ? previous : Math.min(1, Math.max(previous ?? 0, fraction));
          entry.info = { ...entry.info, progress: next, ...(step ? { step } : {}) };
          emitThrottled(entry);
        },
        detail(detail) {
          if (entry.info.state !== 'running') return;
          entry.info = { ...entry.info, detail };
          emitThrottled(entry);
        },
        log(lines) {
          if (entry.info.state !== 'running' || lines.length === 0) return;
          entry.log.push(...lines);
          const excess = entry.log.length - MAX_LOG_LINES;
          if (excess > 0) {
            entry.log.splice(0, excess);
            entry.dropped += excess;
          }
          entry.info = { ...entry.info, logLines: entry.dropped + entry.log.length };
          emitThrottled(entry);
        },
      };

      void Promise.resolve()
        .then(() => run(ctx))
        .then(
          (result) => (controller.signal.aborted ? finish(entry, { state: 'cancelled' }) : finish(entry, { state: 'succeeded', progress: 1, result })),
          (error: unknown) =>
            controller.signal.aborted
              ? finish(entry, { state: 'cancelled' })
              : finish(entry, { state: 'failed', error: toErrorInfo(error) }),
        )
        .then(resolveDone);
      return snapshot<K>(entry);
    },

    list() {
      return [...entries.values()].map(snapshot);
    },

    get(id) {
      const entry = entries.get(id);
      return entry ? snapshot(entry) : undefined;
    },

    cancel(id) {
      const entry = entries.get(id);
      if (!entry) throw new WharfError('not-found', `no task ${id}`);
      if (entry.info.state !== 'running') return snapshot(entry);
      if (!entry.info.cancellable) throw new WharfError('conflict', `task ${id} cannot be cancelled`);
      entry.controller.abort();
      // The run function sees the signal; the task is reported cancelled at once and its late result is ignored.
      return finish(entry, { state: 'cancelled' });
    },

    log(id, from) {
      const entry = entries.get(id);
      if (!entry) throw new WharfError('not-found', `no task ${id}`);
      const start = Math.max(from, entry.dropped);
      return { from: start, lines: entry.log.slice(start - entry.dropped), total: entry.dropped + entry.log.length, firstKept: entry.dropped };
    },

    settled(id) {
      const entry = entries.get(id);
      if (!entry) return Promise.reject(new WharfError('not-found', `no task ${id}`));
      return entry.done;
    },
  };
}
