import { execFile } from 'node:child_process';
import { WharfError } from '../errors';
import { converse, type Conversation } from './conversation';
import { assertCommand, type PrivilegedCommand, type PrivilegedResult } from './privileged-command';

export type { PrivilegedCommand, PrivilegedResult } from './privileged-command';

/**
 * Runs commands that need root: directly when already root, through pkexec in the desktop (pkexec-runner.ts),
 * or not at all ("manual": the UI shows the commands to copy). pick-runner.ts chooses.
 */
export interface PrivilegeRunner {
  readonly kind: 'direct' | 'pkexec' | 'manual';
  run(command: PrivilegedCommand): Promise<PrivilegedResult>;
  /**
   * Starts the command as root and keeps talking to it: `stdin` is written first and stdin stays open, stdout is
   * read line by line (one privileged call, one password prompt, however long the exchange). Throws where nothing
   * runs as root (manual).
   */
  open(command: PrivilegedCommand): Conversation;
}

export function runFile(binary: string, args: string[], stdin?: string): Promise<PrivilegedResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(binary, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
    // A command that exits without reading its stdin makes the write fail (EPIPE): its exit code says what
    // happened, and an unhandled stream error would end the process.
    child.stdin?.on('error', () => undefined);
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

export function createDirectRunner(): PrivilegeRunner {
  return {
    kind: 'direct',
    run(command) {
      assertCommand(command);
      return runFile(command.binary, command.args, command.stdin);
    },
    open(command) {
      assertCommand(command);
      return converse(command.binary, command.args, command.stdin);
    },
  };
}

function manualError(command: PrivilegedCommand): WharfError {
  return new WharfError('unsupported', 'run this command as root', { commands: [[command.binary, ...command.args]] });
}

/** Where no polkit agent can answer (web mode over SSH): nothing runs, the error carries the commands. */
export function createManualRunner(): PrivilegeRunner {
  return {
    kind: 'manual',
    run(command) {
      assertCommand(command);
      return Promise.reject(manualError(command));
    },
    open(command) {
      assertCommand(command);
      throw manualError(command);
    },
  };
}
