/**
 * Each task kind and what it answers once it succeeded. tasks.ts keys TaskInfo on these kinds, the task channels say
 * which kind they start, and the core's task manager makes a run function return its kind's result: the renderer
 * reads task.result without a cast. Its own module so that tasks.ts imports no feature types and none of these
 * modules needs tasks.ts back (no import cycle).
 */
import type { CleanupReport } from './cleanup';
import type { ComposeRunResult } from './compose';
import type { ContainerActionReport } from './container-list';
import type { TruncateLogsResult } from './container-logs';
import type { BuildResult, ImportResult, LoadResult, SaveResult } from './image-build';
import type { RemoveReport } from './image-remove';
import type { PullResult, PushResult } from './image-transfer';
import type { SpeedTestResult } from './registry-access';
import type { RegistryMirrorsApplyResult } from './registry-mirrors';
import type { SetupDiagnosis } from './setup';

export interface TaskResults {
  pull: PullResult;
  push: PushResult;
  build: BuildResult;
  'image-save': SaveResult;
  'image-load': LoadResult;
  'image-import': ImportResult;
  'image-remove': RemoveReport;
  'container-action': ContainerActionReport;
  /** Container log files truncated to zero. */
  'container-logs-truncate': TruncateLogsResult;
  cleanup: CleanupReport;
  'registry-mirrors-apply': RegistryMirrorsApplyResult;
  'registry-speed-test': SpeedTestResult;
  /** A compose command (up, down, start, stop, restart, pull): the command and each service's outcome. */
  compose: ComposeRunResult;
  /** The diagnosis after the fix: what the setup page shows next. */
  'setup-fix': SetupDiagnosis;
}

/** Kind of task, an i18n key suffix: tasks.kind.<kind>. */
export type TaskKind = keyof TaskResults;
