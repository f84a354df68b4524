/**
 * Whether daemon.json may be written as root: the file (when it exists) and every folder above it belong to root
 * and no one else can write them — else another user could swap the file or a folder for a link and have root
 * write elsewhere. The root helper applies the same rules itself before it writes; this copy lets the plan say so
 * before anyone types a password.
 */
import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RegistryMirrorsRefusal } from '../../../shared/registry-mirrors';

export interface PathRefusal {
  reason: Extract<RegistryMirrorsRefusal, 'config-path-characters' | 'config-dir-owner' | 'config-dir-writable' | 'config-not-regular' | 'config-owner' | 'config-writable'>;
  path: string;
}

type Lstat = (path: string) => Pick<Stats, 'uid' | 'mode' | 'isDirectory' | 'isFile' | 'isSymbolicLink'> | undefined;

function lstatOrUndefined(path: string): ReturnType<Lstat> {
  try {
    return lstatSync(path);
  } catch {
    // Missing (or unreadable) is an answer the callers check for.
    return undefined;
  }
}

/** An absolute path without characters the helper's answer, `sha256sum -c` or a shell copy would need escaped. */
export function plainPath(path: string): boolean {
  const plainCharacters = [...path].every((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"' && ch !== '\\');
  return path.startsWith('/') && plainCharacters && !/(^|\/)\.\.?(\/|$)/.test(path) && !path.includes('//') && !path.endsWith('/');
}

/** The path with its existing folders' links resolved (what the helper calls the target). */
export function resolvedConfigPath(path: string): string {
  let dir = dirname(path);
  const missing: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(dir), ...missing, basename(path));
    } catch {
      // This folder does not exist yet: resolve its parent instead.
      if (dir === dirname(dir)) return path;
      missing.unshift(basename(dir));
      dir = dirname(dir);
    }
  }
}

/**
 * Why root must not write `path`, or undefined. A folder above the file's own may be world-writable when it is
 * sticky (/tmp): others can then neither rename nor remove root's entries in it. Missing folders are made by root;
 * the first existing one is held to the strict rule.
 */
export function configPathRefusal(path: string, lstat: Lstat = lstatOrUndefined): PathRefusal | undefined {
  if (!plainPath(path)) return { reason: 'config-path-characters', path };
  const target = resolvedConfigPath(path);
  const file = lstat(target);
  if (file) {
    if (file.isSymbolicLink() || !file.isFile()) return { reason: 'config-not-regular', path: target };
    if (file.uid !== 0) return { reason: 'config-owner', path: target };
    if ((file.mode & 0o022) !== 0) return { reason: 'config-writable', path: target };
  }
  let dir = dirname(target);
  while (lstat(dir) === undefined && dir !== dirname(dir)) dir = dirname(dir);
  for (let strict = true; ; strict = false) {
    const st = lstat(dir);
    if (!st || st.isSymbolicLink() || !st.isDirectory() || st.uid !== 0) return { reason: 'config-dir-owner', path: dir };
    if ((st.mode & 0o022) !== 0 && (strict || (st.mode & 0o1000) === 0)) return { reason: 'config-dir-writable', path: dir };
    if (dir === dirname(dir)) return undefined;
    dir = dirname(dir);
  }
}
