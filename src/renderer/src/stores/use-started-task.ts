import { useCallback, useState } from 'react';
import type { Envelope, WharfErrorInfo } from '../../../shared/errors';
import type { TaskInfo } from '../../../shared/tasks';
import { useTasksStore } from './tasks-store';

export interface StartedTask {
  /** The task as the task panel knows it (live through task.update events); undefined until started. */
  task: TaskInfo | undefined;
  starting: boolean;
  /** The start call's refusal (bad input, missing file…); the task's own failure is task.error. */
  startError: WharfErrorInfo | null;
  start(run: () => Promise<Envelope<TaskInfo>>): Promise<Envelope<TaskInfo>>;
  /** Back to the form. */
  reset(): void;
}

/** Starts a task from a dialog and follows it through the tasks store. */
export function useStartedTask(): StartedTask {
  const [taskId, setTaskId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<WharfErrorInfo | null>(null);
  const task = useTasksStore((s) => (taskId === null ? undefined : s.tasks.find((t) => t.id === taskId)));

  const start = useCallback(async (run: () => Promise<Envelope<TaskInfo>>) => {
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
