import type { CommandLine } from '../../../shared/setup';
import type { PrivilegeRunner } from '../privilege/privilege-runner';

/**
 * Starts the engine where no service manager (systemd, SysV init) applies — e.g. the test harness's private
 * dockerd. When the core is given one, the start-service fix uses it instead of systemctl / service.
 */
export interface ServiceController {
  /** Starts it; what needs root goes through `runner` (the one the fix runs with: pkexec, direct). */
  start(runner: PrivilegeRunner): Promise<void>;
  /** What start() does, as command lines for the fix plan. */
  describe(): CommandLine[];
}
