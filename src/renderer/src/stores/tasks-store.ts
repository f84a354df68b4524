import { create } from 'zustand';
import type { WharfErrorInfo } from '../../../shared/errors';
import type { TaskInfo } from '../../../shared/tasks';
import { call } from '../api';

interface TasksStore {
  /** Newest first. */
  tasks: TaskInfo[];
  loadError: WharfErrorInfo | null;
  /** Errors of cancel calls, by task id. */
  cancelErrors: Record<string, WharfErrorInfo>;
  cancelling: Record<string, true>;
  upsert(task: TaskInfo): void;
  load(): Promise<void>;
  cancel(id: string): Promise<void>;
}

/** Which of two snapshots of one task is further along: ended beats running, then more progress. */
function furtherAlong(a: TaskInfo, b: TaskInfo): TaskInfo {
  const aEnded = a.state !== 'running';
  const bEnded = b.state !== 'running';
  if (aEnded !== bEnded) return aEnded ? a : b;
  return (b.progress ?? -1) >= (a.progress ?? -1) ? b : a;
}

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function sorted(tasks: Iterable<TaskInfo>): TaskInfo[] {
  return [...tasks].sort((a, b) => b.startedAt - a.startedAt);
}

export const useTasksStore = create<TasksStore>()((set, get) => ({
  tasks: [],
  loadError: null,
  cancelErrors: {},
  cancelling: {},

  upsert(task) {
    const byId = new Map(get().tasks.map((t) => [t.id, t]));
    const current = byId.get(task.id);
    byId.set(task.id, current ? furtherAlong(current, task) : task);
    set({ tasks: sorted(byId.values()) });
  },

  async load() {
    const envelope = await call('tasks.list', {});
    if (!envelope.ok) {
      set({ loadError: envelope.error });
      return;
    }
    const byId = new Map(get().tasks.map((t) => [t.id, t]));
    for (const task of envelope.value) {
      const current = byId.get(task.id);
      byId.set(task.id, current ? furtherAlong(current, task) : task);
    }
    set({ tasks: sorted(byId.values()), loadError: null });
  },

  async cancel(id) {
    if (get().cancelling[id]) return;
    set({ cancelling: { ...get().cancelling, [id]: true } });
    const envelope = await call('tasks.cancel', { id });
    const cancelling = without(get().cancelling, id);
    const cancelErrors = without(get().cancelErrors, id);
    if (envelope.ok) {
      set({ cancelling, cancelErrors });
      get().upsert(envelope.value);
    } else {
      set({ cancelling, cancelErrors: { ...cancelErrors, [id]: envelope.error } });
    }
  },
}));

export function runningCount(tasks: TaskInfo[]): number {
  return tasks.filter((t) => t.state === 'running').length;
}
