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
 * pkexec's own exit codes: 126 when the user dismissed the authentication dialog, 127 when polkit refused
 * (not authorized, or no authentication agent in this session). Anything else is the command's failure.
 */
export function pkexecError(error: unknown, argv: string[]): WharfError {
  const e = (error ?? {}) as ExecFailure;
  const stderr = typeof e.stderr === 'string' ? e.stderr.trim() : '';
  // stdout stays: a program that answers in it (Wharf's root helper) says there why it failed.
  const stdout = typeof e.stdout === 'string' ? e.stdout : '';
  const details = { command: argv, ...(typeof e.code === 'number' ? { exitCode: e.code } : {}), stderr, ...(stdout ? { stdout } : {}) };
  if (e.code === 126) return new WharfError('cancelled', 'authentication was cancelled', details);
  if (e.code === 127) return new WharfError('permission-denied', 'not authorized, or no polkit authentication agent is running', details);
  if (e.code === 'ENOENT') return new WharfError('unsupported', 'pkexec is not installed', details);
  const exit = typeof e.code === 'number' ? ` with exit code ${e.code}` : '';
  return new WharfError('failed', `${argv[0] ?? 'command'} failed${exit}${stderr ? `: ${stderr}` : ''}`, details);
}

/**
 * Runs each command as root through polkit: execFile(pkexec, [absolute binary, ...args]), content by stdin; open()
 * spawns the same argv with stdin and stdout kept as pipes (pkexec passes them through to the command unchanged).
 */
export function createPkexecRunner(options: { pkexecPath?: string } = {}): PrivilegeRunner {
  const pkexec = options.pkexecPath ?? PKEXEC_PATH;
  if (!isAbsolute(pkexec)) throw new WharfError('invalid-input', `pkexec must be an absolute path: ${pkexec}`);
  return {
    kind: 'pkexec',
    async run(command) {
      assertCommand(command);
      try {
        return await runFile(pkexec, [command.binary, ...command.args], command.stdin);
      } catch (error) {
        throw pkexecError(error, [command.binary, ...command.args]);
      }
    },
    open(command) {
      assertCommand(command);
      const argv = [command.binary, ...command.args];
      const conversation = converse(pkexec, argv, command.stdin);
      const done = conversation.done.catch((error: unknown) => Promise.reject(pkexecError(error, argv)));
      // As in converse: callers that only read lines need not await done, so its rejection is not an unhandled one.
      done.catch(() => undefined);
      return { ...conversation, done };
    },
  };
}
