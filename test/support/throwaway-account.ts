import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

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

export function createThrowawayAccount(): ThrowawayAccount {
  const suffix = randomBytes(3).toString('hex');
  const user = `wharfu${suffix}`;
  const group = `wharfg${suffix}`;
  execFileSync('/usr/sbin/groupadd', [group]);
  try {
    execFileSync('/usr/sbin/useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', user]);
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
      for (const [bin, name] of [['/usr/sbin/userdel', user], ['/usr/sbin/groupdel', group]] as const) {
        try {
          execFileSync(bin, [name], { stdio: 'ignore' });
        } catch {
          // already gone
        }
      }
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
