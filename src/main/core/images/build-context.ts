/** The build context as `docker build` sends it: the folder as a tar, minus what .dockerignore excludes. */
import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import createIgnore from '@balena/dockerignore';
import { pack } from 'tar-fs';

function readIgnoreFile(contextDir: string): string | undefined {
  try {
    return readFileSync(`${contextDir}${sep}.dockerignore`, 'utf8');
  } catch {
    return undefined; // no .dockerignore: nothing is left out
  }
}

/**
 * Which paths (relative, '/'-separated) leave the context. Like the CLI, the Dockerfile and .dockerignore
 * are always sent (the engine needs them), whatever the patterns say.
 */
export function contextFilter(ignoreText: string | undefined, dockerfile: string): { excluded(rel: string): boolean; hasExceptions: boolean } {
  if (ignoreText === undefined) return { excluded: () => false, hasExceptions: false };
  const rules = createIgnore({ ignorecase: false }).add(ignoreText);
  const hasExceptions = ignoreText.split('\n').some((line) => line.trim().startsWith('!'));
  return {
    hasExceptions,
    excluded: (rel) => rel !== dockerfile && rel !== '.dockerignore' && rules.ignores(rel),
  };
}

/** The context folder as an uncompressed tar stream, owned by root like the CLI sends it. */
export function packContext(contextDir: string, dockerfile: string): Readable {
  const filter = contextFilter(readIgnoreFile(contextDir), dockerfile);
  return pack(contextDir, {
    umask: 0,
    ignore: (absolute) => {
      const rel = relative(contextDir, absolute).split(sep).join('/');
      if (!filter.excluded(rel)) return false;
      // With "!keep" exceptions an excluded folder may hold kept files: walk into it, leave out its files only.
      if (filter.hasExceptions) {
        try {
          if (statSync(absolute).isDirectory()) return false;
        } catch {
          return true; // vanished or unreadable: leave it out, as it is excluded anyway
        }
      }
      return true;
    },
    map: (header) => ({ ...header, uid: 0, gid: 0, uname: '', gname: '' }),
  });
}
