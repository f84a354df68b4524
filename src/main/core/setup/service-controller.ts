import type { CommandLine } from '../../../shared/setup';

/**
 * Starts the engine where no service manager (systemd, SysV init) applies — e.g. the test harness's private
 * dockerd. When the core is given one, the start-service fix uses it instead of systemctl / service.
 */
export interface ServiceController {
  start(): Promise<void>;
  /** What start() does, as command lines for the fix plan. */
  describe(): CommandLine[];
}
