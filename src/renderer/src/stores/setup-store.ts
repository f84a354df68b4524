import { create } from 'zustand';
import type { WharfErrorInfo } from '../../../shared/errors';
import type { FixId, FixPlan, InstallGuide, SetupDiagnosis } from '../../../shared/setup';
import type { TaskInfo } from '../../../shared/tasks';
import { call } from '../api';
import { resetOnEngineSwitch } from './engine-scope';
import { useTasksStore } from './tasks-store';

/** The fix the user started from this page, followed through the task store until it ends. */
export interface FixRun {
  fix: FixId;
  taskId: string;
  /** Its result was taken as the diagnosis already (later updates of the ended task must not undo newer checks). */
  applied: boolean;
}

interface SetupStore {
  diagnosis: SetupDiagnosis | null;
  diagnosing: boolean;
  diagnoseError: WharfErrorInfo | null;
  plans: Partial<Record<FixId, FixPlan>>;
  planErrors: Partial<Record<FixId, WharfErrorInfo>>;
  guide: InstallGuide | null;
  guideError: WharfErrorInfo | null;
  /** The running (or last) fix of this page visit. */
  fixRun: FixRun | null;
  /** Why setup.fix itself was refused (the task never started). */
  fixStartError: { fix: FixId; error: WharfErrorInfo } | null;
  relaunching: boolean;
  relaunchError: WharfErrorInfo | null;
  diagnose(): Promise<void>;
  loadPlan(fix: FixId): Promise<void>;
  loadGuide(): Promise<void>;
  runFix(fix: FixId): Promise<void>;
  /** A task update of the followed fix: a succeeded fix answers the new diagnosis. */
  fixTaskUpdated(task: TaskInfo): void;
  relaunch(): Promise<void>;
}

/** The task result of a succeeded fix is the diagnosis after it; checked loosely, it comes from main. */
function isDiagnosis(value: unknown): value is SetupDiagnosis {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<SetupDiagnosis>;
  return typeof v.verdict === 'string' && Array.isArray(v.checks);
}

let generation = 0;

export const useSetupStore = create<SetupStore>()((set, get) => ({
  diagnosis: null,
  diagnosing: false,
  diagnoseError: null,
  plans: {},
  planErrors: {},
  guide: null,
  guideError: null,
  fixRun: null,
  fixStartError: null,
  relaunching: false,
  relaunchError: null,

  async diagnose() {
    // Overlapping runs (button + engine change): only the newest answer is kept.
    const mine = ++generation;
    set({ diagnosing: true });
    const envelope = await call('setup.diagnose', {});
    if (mine !== generation) return;
    set(envelope.ok ? { diagnosing: false, diagnosis: envelope.value, diagnoseError: null } : { diagnosing: false, diagnoseError: envelope.error });
  },

  async loadPlan(fix) {
    if (get().plans[fix]) return;
    const envelope = await call('setup.fixPlan', { fix });
    if (envelope.ok) set({ plans: { ...get().plans, [fix]: envelope.value }, planErrors: { ...get().planErrors, [fix]: undefined } });
    else set({ planErrors: { ...get().planErrors, [fix]: envelope.error } });
  },

  async loadGuide() {
    if (get().guide) return;
    const envelope = await call('setup.installGuide', {});
    set(envelope.ok ? { guide: envelope.value, guideError: null } : { guideError: envelope.error });
  },

  async runFix(fix) {
    const running = get().fixRun;
    if (running && useTasksStore.getState().tasks.find((t) => t.id === running.taskId)?.state === 'running') return;
    set({ fixStartError: null });
    const envelope = await call('setup.fix', { fix });
    if (!envelope.ok) {
      set({ fixStartError: { fix, error: envelope.error }, fixRun: null });
      return;
    }
    set({ fixRun: { fix, taskId: envelope.value.id, applied: false } });
    useTasksStore.getState().upsert(envelope.value);
    get().fixTaskUpdated(envelope.value);
  },

  fixTaskUpdated(task) {
    const run = get().fixRun;
    if (!run || run.applied || task.id !== run.taskId || task.state !== 'succeeded') return;
    set({ fixRun: { ...run, applied: true } });
    if (isDiagnosis(task.result)) {
      generation++;
      set({ diagnosis: task.result, diagnoseError: null, diagnosing: false });
    } else {
      void get().diagnose();
    }
  },

  async relaunch() {
    if (get().relaunching) return;
    set({ relaunching: true, relaunchError: null });
    const envelope = await call('setup.relaunch', {});
    // On success this window is about to be replaced; keep the button busy until then.
    if (!envelope.ok) set({ relaunching: false, relaunchError: envelope.error });
  },
}));

// The diagnosis, plans and guide are the old engine's: forgotten, and an answer still in flight dropped.
resetOnEngineSwitch(() => {
  generation++;
  useSetupStore.setState(useSetupStore.getInitialState(), true);
});
