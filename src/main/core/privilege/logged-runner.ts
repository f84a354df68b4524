/**
 * The trail of what ran as root: each privileged command's argv, exit code and duration in the log. Never its stdin
 * (a daemon.json) nor its output (it may echo that content back).
 */
import type { Clock } from '../clock';
import { WharfError } from '../errors';
import type { Logger } from '../log';
import type { PrivilegeRunner } from './privilege-runner';
import type { PrivilegedCommand } from './privileged-command';

interface Ended {
  exitCode?: number;
  signal?: string;
  /** A spawn error (ENOENT) or the code Wharf gave the failure (cancelled: the password dialog was dismissed). */
  error?: string;
}

function endOf(error: unknown): Ended {
  if (error instanceof WharfError) {
    const details = (error.details ?? {}) as { exitCode?: unknown };
    return { ...(typeof details.exitCode === 'number' ? { exitCode: details.exitCode } : {}), error: error.code };
  }
  const e = (error ?? {}) as { code?: unknown; signal?: unknown };
  return {
    ...(typeof e.code === 'number' ? { exitCode: e.code } : typeof e.code === 'string' ? { error: e.code } : {}),
    ...(typeof e.signal === 'string' ? { signal: e.signal } : {}),
  };
}

/** `runner`, with every command it runs (or, manual, shows instead of running) written to `logger`. */
export function withCommandLog(runner: PrivilegeRunner, logger: Logger, clock: Clock): PrivilegeRunner {
  const record = (command: PrivilegedCommand, startedAt: number, outcome: { ok: true } | { ok: false; error: unknown }): void => {
    const fields = { runner: runner.kind, argv: [command.binary, ...command.args], durationMs: clock.now() - startedAt };
    if (outcome.ok) logger.info('privileged command', { ...fields, exitCode: 0 });
    else if (runner.kind === 'manual') logger.info('privileged command not run: shown to the user', fields);
    else logger.warn('privileged command failed', { ...fields, ...endOf(outcome.error) });
  };
  return {
    kind: runner.kind,
    async run(command) {
      const startedAt = clock.now();
      try {
        const result = await runner.run(command);
        record(command, startedAt, { ok: true });
        return result;
      } catch (error) {
        record(command, startedAt, { ok: false, error });
        throw error;
      }
    },
    open(command) {
      const startedAt = clock.now();
      let conversation: ReturnType<PrivilegeRunner['open']>;
      try {
        conversation = runner.open(command);
      } catch (error) {
        record(command, startedAt, { ok: false, error });
        throw error;
      }
      conversation.done.then(
        () => record(command, startedAt, { ok: true }),
        (error: unknown) => record(command, startedAt, { ok: false, error }),
      );
      return conversation;
    },
  };
}
