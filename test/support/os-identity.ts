import { execFileSync } from 'node:child_process';
import type { OsIdentity } from '../../src/main/core/setup/identity';

/**
 * A real user's identity as the OS gives it to a root process: the passwd entry (getent) and the groups a new
 * login of that user gets from /etc/group (`id -G`, i.e. initgroups). It replaces os.userInfo() in a core that
 * runs as root on that user's behalf — the user still comes from the OS, never from a request.
 */
export function osIdentityOf(name: string): OsIdentity {
  const [user, , uid, gid, , home] = execFileSync('/usr/bin/getent', ['passwd', name]).toString().trim().split(':');
  const groups = execFileSync('/usr/bin/id', ['-G', name]).toString().trim().split(/\s+/).map(Number);
  return { name: user ?? name, uid: Number(uid), gid: Number(gid), home: home ?? '/', groups };
}
