import { isAbsolute } from 'node:path';
import { WharfError } from '../errors';
import { converse } from './conversation';
import { runFile, type PrivilegeRunner } from './privilege-runner';
import { assertCommand } from './privileged-command';

export const PKEXEC_PATH = '/usr/bin/pkexec';

interface ExecFailure {
  code?: unknown;
  stdout?: unknown;
  stderr?: unknown;
}

/**
 * What polkit 122's pkexec prints when no agent could ask: with --disable-internal-agent "No authentication
 * agent found."; its own textual agent, where it is tried, "Error creating textual authentication agent".
 */
const NO_AGENT = /No authentication agent found|Error creating textual authentication agent/;

/**
 * pkexec's own exit codes: 126 when the user dismissed the authentication dialog ("Request dismissed"), 127 when
 * polkit refused ("Not authorized") or no authentication agent could ask — told apart by its stderr. Anything else
 * is the command's failure.
 */
export function pkexecError(error: unknown, argv: string[]): WharfError {
  const e = (error ?? {}) as ExecFailure;
  const stderr = typeof e.stderr === 'string' ? e.stderr.trim() : '';
  // stdout stays: a program that answers in it (Wharf's root helper) says there why it failed.
  const stdout = typeof e.stdout === 'string' ? e.stdout : '';
  const details = { command: argv, ...(typeof e.code === 'number' ? { exitCode: e.code } : {}), stderr, ...(stdout ? { stdout } : {}) };
  if (e.code === 126) return new WharfError('cancelled', 'authentication was cancelled', { ...details, privilege: 'dismissed' });
  if (e.code === 127 && NO_AGENT.test(stderr)) return new WharfError('permission-denied', 'no polkit authentication agent could ask for the password', { ...details, privilege: 'no-agent' });
  if (e.code === 127) return new WharfError('permission-denied', 'not authorized by polkit', { ...details, privilege: 'not-authorized' });
  if (e.code === 'ENOENT') return new WharfError('unsupported', 'pkexec is not installed', details);
  const exit = typeof e.code === 'number' ? ` with exit code ${e.code}` : '';
  return new WharfError('failed', `${argv[0] ?? 'command'} failed${exit}${stderr ? `: ${stderr}` : ''}`, details);
}

/**
 * pkexec's own options before the command: its textual agent stays off — it would ask for the password on the
 * terminal Wharf was started from, which no one watches; without a desktop agent the answer is "no agent" at once.
 */
export const PKEXEC_OPTIONS = ['--disable-internal-agent'] as const;

/**
 * Runs each command as root through polkit: execFile(pkexec, [...PKEXEC_OPTIONS, absolute binary, ...args]),
 * content by stdin; open() spawns the same argv with stdin and stdout kept as pipes (pkexec passes them through to
 * the command unchanged).
 */
export function createPkexecRunner(options: { pkexecPath?: string } = {}): PrivilegeRunner {
  const pkexec = options.pkexecPath ?? PKEXEC_PATH;
  if (!isAbsolute(pkexec)) throw new WharfError('invalid-input', `pkexec must be an absolute path: ${pkexec}`);
  return {
    kind: 'pkexec',
    async run(command) {
      assertCommand(command);
      try {
        return await runFile(pkexec, [...PKEXEC_OPTIONS, command.binary, ...command.args], command.stdin);
      } catch (error) {
        throw pkexecError(error, [command.binary, ...command.args]);
      }
    },
    open(command) {
      assertCommand(command);
      const argv = [command.binary, ...command.args];
      const conversation = converse(pkexec, [...PKEXEC_OPTIONS, ...argv], command.stdin);
      const done = conversation.done.catch((error: unknown) => Promise.reject(pkexecError(error, argv)));
      // As in converse: callers that only read lines need not await done, so its rejection is not an unhandled one.
      done.catch(() => undefined);
      return { ...conversation, done };
    },
  };
}
