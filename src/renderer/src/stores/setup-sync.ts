import type { EngineState } from '../../../shared/engine';
import { useEngineStore } from './engine-store';
import { useSetupStore } from './setup-store';
import { useTasksStore } from './tasks-store';

/**
 * While the Setup page is shown: diagnose at once, again whenever the engine moves to another settled state (it came
 * up, or went away), and follow the fix started here through task updates. Never on a timer. Returns the stop function.
 */
export function startSetupSync(): () => void {
  const setup = useSetupStore.getState();
  void setup.diagnose();

  // The diagnosis probes the engine itself: only a change between two settled states calls for a new one, not
  // the app's own first verdict arriving after the page opened.
  const settled = (state: EngineState | undefined): EngineState | undefined => (state === 'connecting' ? undefined : state);
  let lastState = settled(useEngineStore.getState().status?.state);
  const unsubscribeEngine = useEngineStore.subscribe((state) => {
    const now = settled(state.status?.state);
    if (now === undefined || now === lastState) return;
    const changed = lastState !== undefined;
    lastState = now;
    if (changed) void useSetupStore.getState().diagnose();
  });

  const unsubscribeTasks = useTasksStore.subscribe((state) => {
    const run = useSetupStore.getState().fixRun;
    if (!run || run.applied) return;
    const task = state.tasks.find((t) => t.id === run.taskId);
    if (task) useSetupStore.getState().fixTaskUpdated(task);
  });

  return () => {
    unsubscribeEngine();
    unsubscribeTasks();
  };
}
