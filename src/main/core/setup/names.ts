import { WharfError } from '../errors';

/**
 * POSIX portable user and group names (letters, digits, ".", "_", "-"; not starting with "-" or a digit; at
 * most 32 characters, useradd's limit). Anything else never reaches a privileged command.
 */
const POSIX_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;

export function isPosixName(name: string): boolean {
  return POSIX_NAME.test(name);
}

/** Throws invalid-input for a name that is not a strict POSIX user or group name. */
export function assertPosixName(kind: 'user' | 'group', name: string): string {
  if (!isPosixName(name)) throw new WharfError('invalid-input', `refusing the ${kind} name ${JSON.stringify(name)}: not a portable POSIX ${kind} name`);
  return name;
}
