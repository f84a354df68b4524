import fs from 'node:fs';
import { UMOUNT } from './constants';
import { runSync } from './exec';

function unescapeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** Mount points at or below `dir`, most recently mounted first (the order they must be unmounted in). */
export function mountsUnder(dir: string): string[] {
  let info: string;
  try {
    info = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const root = dir.replace(/\/+$/, '');
  return info
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((field): field is string => field !== undefined)
    .map(unescapeMountPath)
    .filter((mountPoint) => mountPoint === root || mountPoint.startsWith(`${root}/`))
    .reverse();
}

/** Unmounts everything at or below `dir` (overlay2 layers, shm, netns bind mounts). Never throws. */
export function unmountAllUnder(dir: string): void {
  for (let pass = 0; pass < 5; pass += 1) {
    const mounts = mountsUnder(dir);
    if (mounts.length === 0) return;
    for (const mountPoint of mounts) {
      if (runSync(UMOUNT, [mountPoint]).code !== 0) runSync(UMOUNT, ['-l', mountPoint]);
    }
  }
}
