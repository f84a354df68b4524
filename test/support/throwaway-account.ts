import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { isProcessAlive, processStartTime } from './processes';

const ROOT = join(__dirname, '../..');

/** A real throwaway user with its own primary group, and a separate throwaway group the user is not in. */
export interface ThrowawayAccount {
  user: string;
  group: string;
  uid: number;
  /** The user's primary group. */
  gid: number;
  /** The throwaway group's gid. */
  groupGid: number;
  /** Removes the user (and its primary group) and the throwaway group; never throws. */
  remove(): void;
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('/usr/bin/id', [flag, name]).toString().trim());
}

function groupId(name: string): number {
  return Number(execFileSync('/usr/bin/getent', ['group', name]).toString().split(':')[2]);
}

/** The GECOS field of a throwaway user: the test process that made it (pid and start time, so a reused pid is not it). */
const OWNER_PREFIX = 'wharf-test ';

function removeAccount(user: string, group: string): void {
  for (const [bin, name] of [['/usr/sbin/userdel', user], ['/usr/sbin/groupdel', group]] as const) {
    try {
      execFileSync(bin, [name], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

/**
 * Throwaway accounts whose test process is gone (killed before its afterAll): the user, its primary group and its
 * throwaway group. Only users this file made (their name and the owner in GECOS); returns the users removed.
 */
export function sweepStaleAccounts(passwd = '/etc/passwd'): string[] {
  const removed: string[] = [];
  for (const line of readFileSync(passwd, 'utf8').split('\n')) {
    const [user = '', , , , gecos = ''] = line.split(':');
    const suffix = /^wharfu([0-9a-f]{6})$/.exec(user)?.[1];
    const owner = gecos.startsWith(OWNER_PREFIX) ? gecos.slice(OWNER_PREFIX.length).split('-') : undefined;
    if (suffix === undefined || owner === undefined) continue;
    const [pid, start] = owner;
    if (isProcessAlive(Number(pid), start || undefined)) continue;
    removeAccount(user, `wharfg${suffix}`);
    removed.push(user);
  }
  return removed;
}

export function createThrowawayAccount(): ThrowawayAccount {
  sweepStaleAccounts();
  const suffix = randomBytes(3).toString('hex');
  const user = `wharfu${suffix}`;
  const group = `wharfg${suffix}`;
  const owner = `${OWNER_PREFIX}${process.pid}-${processStartTime(process.pid) ?? ''}`;
  execFileSync('/usr/sbin/groupadd', [group]);
  try {
    execFileSync('/usr/sbin/useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', '--comment', owner, user]);
  } catch (error) {
    execFileSync('/usr/sbin/groupdel', [group], { stdio: 'ignore' });
    throw error;
  }
  return {
    user,
    group,
    uid: idOf('-u', user),
    gid: idOf('-g', user),
    groupGid: groupId(group),
    remove() {
      removeAccount(user, group);
    },
  };
}

/** The socket's folders under the temp dir become traversable by others, so only the socket's own mode and group decide. */
export function makeSocketDirsTraversable(socketPath: string): void {
  for (let dir = dirname(socketPath); dir !== dirname(dir) && dir.startsWith(tmpdir() + '/'); dir = dirname(dir)) chmodSync(dir, 0o711);
}

/** The built app (out/) and its runtime packages, copied where any user can read them: the clone may sit in a private folder. */
export interface AppCopy {
  dir: string;
  /** out/main/serve.js of the copy. */
  serveEntry: string;
  remove(): void;
}

export function copyBuiltAppForOthers(): AppCopy {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-app-'));
  chmodSync(dir, 0o755);
  cpSync(join(ROOT, 'out'), join(dir, 'out'), { recursive: true });
  const packages = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT }).toString().split('\n');
  const topLevel = new Set(packages.map((p) => p.match(/^(.*?\/node_modules\/(?:@[^/]+\/)?[^/]+)/)?.[1]).filter((p): p is string => p !== undefined));
  for (const pkg of topLevel) cpSync(pkg, join(dir, relative(ROOT, pkg)), { recursive: true });
  return { dir, serveEntry: join(dir, 'out/main/serve.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
