/**
 * What an apply works from: the engine as Wharf sees it, the file, and how the change can run. Read by
 * daemon-config-service.ts, acted on by apply-task.ts.
 */
import type { ParseProblem } from '../../../shared/registry-mirrors';
import type { PrivilegeRunner } from '../privilege/privilege-runner';
import type { PathRefusal } from './config-path-safety';
import type { DaemonController, Executor } from './controller';
import type { DockerdCommandLine, DockerdFlags } from './dockerd-process';
import type { EngineInfo } from '../engine/engine-types';
import type { HelperTarget } from './root-helper';

export interface EngineView {
  info?: EngineInfo;
  process?: DockerdCommandLine;
  flags?: DockerdFlags;
  rootless: boolean;
}

/**
 * How an apply runs: 'helper' — the system engine's file, one privileged call of the root helper (pkexec, or
 * directly as root); 'own-files' — a rootless engine's file, the user's own, written without privilege;
 * 'commands' — nothing runs (web mode), the plan lists the commands for root.
 */
export type ApplyWay = 'helper' | 'own-files' | 'commands';

export interface Situation extends EngineView {
  path: string;
  text: string | undefined;
  /** The file's bytes are not UTF-8: refused like a parse error. */
  undecodable?: ParseProblem;
  controller: DaemonController;
  exec: Executor;
  way: ApplyWay;
  apply: 'run' | 'commands';
  systemDirs: readonly string[];
  runner: PrivilegeRunner;
  /** For the helper; undefined when it is not where it should be. */
  helper?: HelperTarget;
  /** Why root must not write this path (system engine only). */
  refusal?: PathRefusal;
}
