/**
 * Where a save may write: only a new file, or (when asked) over a regular file, in the folder the user typed.
 * Refuses devices (/dev/null would become a plain file), folders, fifos, sockets, a symlink at the target and a
 * `..` that a link sends elsewhere, so a link can never redirect the write.
 */
import type { Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ErrorCode } from '../../../shared/errors';
import type { SaveTargetDetails, SaveTargetProblem } from '../../../shared/save-target';
import { WharfError } from '../errors';

function refuse(code: ErrorCode, message: string, problem: SaveTargetProblem, realFolder?: string): WharfError {
  const details: SaveTargetDetails = realFolder === undefined ? { field: 'path', problem } : { field: 'path', problem, realFolder };
  return new WharfError(code, message, details);
}

function errnoOf(error: unknown): string | undefined {
  return (error as { code?: unknown }).code as string | undefined;
}

/** The folder the file goes into, exactly as typed: it must exist, be a folder and be where it says it is. */
async function checkFolder(folder: string): Promise<void> {
  let real: string;
  let info: Stats;
  try {
    real = await realpath(folder);
    info = await stat(real);
  } catch (error) {
    if (errnoOf(error) === 'ENOTDIR') throw refuse('invalid-input', `not a folder: ${folder}`, 'notAFolder');
    throw refuse('not-found', `folder not found: ${folder}`, 'folderMissing');
  }
  if (!info.isDirectory()) throw refuse('invalid-input', `not a folder: ${folder}`, 'notAFolder');
  // A folder that is a link (a home on another disk, ~/Downloads → /data/…) is the user's folder: fine. But `..`
  // is read by the kernel after links, so `link/../x` lands somewhere other than the text says: refuse that.
  if (folder.split('/').includes('..') && real !== resolve(folder)) {
    throw refuse('invalid-input', `"${folder}" leads to ${real} (".." after a link); type the folder without ".."`, 'folderIsLink', real);
  }
}

/** What the target is now, without following a link. */
function kindProblem(info: Stats, path: string): WharfError | undefined {
  if (info.isSymbolicLink()) return refuse('invalid-input', `a symbolic link has this name: ${path}`, 'isLink');
  if (info.isDirectory()) return refuse('invalid-input', `a folder has this name: ${path}`, 'isFolder');
  if (info.isCharacterDevice() || info.isBlockDevice()) return refuse('invalid-input', `a device has this name: ${path}`, 'isDevice');
  if (!info.isFile()) return refuse('invalid-input', `a fifo or socket has this name: ${path}`, 'isSpecial');
  return undefined;
}

/** Throws a WharfError (details: SaveTargetDetails) unless a save may write `path`. Run again right before the rename. */
export async function checkSaveTarget(path: string, overwrite: boolean): Promise<void> {
  if (path.endsWith('/')) throw refuse('invalid-input', `a folder has this name: ${path}`, 'isFolder');
  await checkFolder(dirname(path));
  let existing: Stats;
  try {
    existing = await lstat(path);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return;
    throw error;
  }
  const problem = kindProblem(existing, path);
  if (problem) throw problem;
  if (!overwrite) throw refuse('conflict', `the file already exists: ${path}`, 'exists');
}
