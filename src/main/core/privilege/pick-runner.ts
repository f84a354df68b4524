import { createPkexecRunner, PKEXEC_PATH } from './pkexec-runner';
import { createDirectRunner, createManualRunner, type PrivilegeRunner } from './privilege-runner';

export interface PickRunnerOptions {
  /** process.getuid() (undefined off POSIX). */
  uid: number | undefined;
  mode: 'desktop' | 'web';
  pkexecExists: boolean;
  pkexecPath?: string;
}

/**
 * Web mode never runs privileged commands: no agent could answer a browser (SSH, a server), and a click in a
 * browser tab must not act as root even when the server runs as root — it shows the commands to copy. The
 * desktop runs them directly as root, otherwise through pkexec (its session has an authentication agent).
 */
export function pickPrivilegeRunner(options: PickRunnerOptions): PrivilegeRunner {
  if (options.mode === 'web') return createManualRunner();
  if (options.uid === 0) return createDirectRunner();
  if (options.mode === 'desktop' && options.pkexecExists) return createPkexecRunner({ pkexecPath: options.pkexecPath ?? PKEXEC_PATH });
  return createManualRunner();
}
