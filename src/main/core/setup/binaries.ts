import { delimiter, join } from 'node:path';
import type { FileProbe } from './system-files';

/** Where docker and dockerd are looked for besides PATH (the packages' and snap's places). */
export const DEFAULT_SEARCH_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/snap/bin'];

/**
 * Where tools that run as root (usermod, groupadd, systemctl, service) and read-only queries (dpkg-query, rpm)
 * come from: fixed system directories only, never the user's PATH — a ~/bin/usermod must not run as root.
 */
export const DEFAULT_SYSTEM_DIRS = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** PATH's directories, then the extra ones, without repeats. */
export function searchPath(env: Record<string, string | undefined>, extra: readonly string[]): string[] {
  return [...new Set([...(env.PATH ?? '').split(delimiter).filter((d) => d.startsWith('/')), ...extra])];
}

/** The first executable `name` in dirs, like `command -v`. */
export function findBinary(name: string, dirs: readonly string[], files: Pick<FileProbe, 'isExecutable'>): string | undefined {
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (files.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A system tool by absolute path: the first one in the system dirs that is root-owned and writable by root only;
 * else `fallback` (the conventional place, shown in the plan; running it fails cleanly if it is not there).
 */
export function systemBinary(name: string, dirs: readonly string[], files: Pick<FileProbe, 'isExecutable' | 'stat'>, fallback: string): string {
  for (const dir of dirs) {
    const candidate = join(dir, name);
    const st = files.stat(candidate);
    if (st && st.uid === 0 && (st.mode & 0o022) === 0 && files.isExecutable(candidate)) return candidate;
  }
  return fallback;
}
