import { isAbsolute } from 'node:path';
import { WharfError } from '../errors';

/** One privileged command: an absolute binary and its argv, content by stdin — never a shell string. */
export interface PrivilegedCommand {
  binary: string;
  args: string[];
  stdin?: string;
}

export interface PrivilegedResult {
  stdout: string;
  stderr: string;
}

export function assertCommand(command: PrivilegedCommand): void {
  if (!isAbsolute(command.binary)) throw new WharfError('invalid-input', `privileged binary must be an absolute path: ${command.binary}`);
  for (const arg of command.args) {
    if (typeof arg !== 'string' || arg.includes('\0')) throw new WharfError('invalid-input', 'privileged arguments must be plain strings');
  }
}
