import { useCallback, useState } from 'react';
import type { Envelope, WharfErrorInfo } from '../../../shared/errors';
import type { TaskKind } from '../../../shared/task-results';
import type { TaskInfo } from '../../../shared/tasks';
import { useTasksStore } from './tasks-store';

export interface StartedTask<K extends TaskKind = TaskKind> {
  /** The task as the task panel knows it (live through task.update events); undefined until started. */
  task: TaskInfo<K> | undefined;
  starting: boolean;
  /** The start call's refusal (bad input, missing file…); the task's own failure is task.error. */
  startError: WharfErrorInfo | null;
  start(run: () => Promise<Envelope<TaskInfo<K>>>): Promise<Envelope<TaskInfo<K>>>;
  /** Back to the form. */
  reset(): void;
}

/**
 * Starts a task from a dialog and follows it through the tasks store. K is the kind the dialog's channel starts
 * (useStartedTask<'pull'>() for images.pull), so task.result is that kind's result.
 */
export function useStartedTask<K extends TaskKind = TaskKind>(): StartedTask<K> {
  const [taskId, setTaskId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<WharfErrorInfo | null>(null);
  const found = useTasksStore((s) => (taskId === null ? undefined : s.tasks.find((t) => t.id === taskId)));
  // The store holds every kind; this id came from start's envelope, a TaskInfo<K>.
  const task = found as TaskInfo<K> | undefined;

  const start = useCallback(async (run: () => Promise<Envelope<TaskInfo<K>>>) => {
    setStarting(true);
    setStartError(null);
    const envelope = await run();
    setStarting(false);
    if (envelope.ok) {
      useTasksStore.getState().upsert(envelope.value);
      setTaskId(envelope.value.id);
    } else {
      setStartError(envelope.error);
    }
    return envelope;
  }, []);

  const reset = useCallback(() => {
    setTaskId(null);
    setStartError(null);
  }, []);

  return { task, starting, startError, start, reset };
}
