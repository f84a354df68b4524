/** Why the path of a save (`docker save -o PATH`) was refused; the renderer shows imageBuild.save.problem.<problem> at the field. */
export type SaveTargetProblem =
  /** The folder does not exist. */
  | 'folderMissing'
  /** Something that is not a folder stands where the folder should be. */
  | 'notAFolder'
  /** The folder as typed has a `..` after a symlink: the kernel resolves it elsewhere than the text says. */
  | 'folderIsLink'
  /** A folder has the file's name (or the path ends with /). */
  | 'isFolder'
  /** A symlink has the file's name: writing would replace the link, or write where it points. */
  | 'isLink'
  /** A character or block device (/dev/null): never replaced by a file. */
  | 'isDevice'
  /** A fifo or socket. */
  | 'isSpecial'
  /** A regular file, and overwriting was not asked for. */
  | 'exists';

/** WharfErrorInfo.details of a refused save path. */
export interface SaveTargetDetails {
  field: 'path';
  problem: SaveTargetProblem;
  /** folderIsLink: where the folder really is. */
  realFolder?: string;
}

const PROBLEMS: readonly SaveTargetProblem[] = ['folderMissing', 'notAFolder', 'folderIsLink', 'isFolder', 'isLink', 'isDevice', 'isSpecial', 'exists'];

export function isSaveTargetDetails(details: unknown): details is SaveTargetDetails {
  if (!details || typeof details !== 'object') return false;
  const d = details as { field?: unknown; problem?: unknown };
  return d.field === 'path' && (PROBLEMS as readonly unknown[]).includes(d.problem);
}
