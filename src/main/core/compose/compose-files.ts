/**
 * A project's files on disk: which compose files a folder has (compose-go's names and order), its override and its
 * .env; reading them for the editor, and saving an edit atomically. A save is refused for a file that is not one
 * of an opened project's, that is a symlink (the write would land elsewhere), or that changed on disk since it was
 * read (an edit in another editor is never overwritten).
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { COMPOSE_FILE_NAMES, COMPOSE_OVERRIDE_NAMES, type ComposeDocument } from '../../../shared/compose';
import { writeFileAtomic } from '../atomic-file';
import { WharfError } from '../errors';

/** Larger files are not opened in the editor. */
export const MAX_DOCUMENT_BYTES = 1_048_576;

export interface ProjectFiles {
  workingDir: string;
  /** Compose files in the order compose takes them (main, then override). */
  files: string[];
  envFile: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The files compose would read for a folder, or for one compose file (its folder is the project's). */
export async function projectFilesAt(path: string): Promise<ProjectFiles> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new WharfError('not-found', `${path}: no such file or folder`, { field: 'path' });
  }
  if (info.isFile()) {
    if (!['.yml', '.yaml'].includes(extname(path))) throw new WharfError('invalid-input', `${path} is not a compose file (.yaml or .yml)`, { field: 'path', reason: 'not-yaml' });
    const workingDir = dirname(path);
    const override = (COMPOSE_FILE_NAMES as readonly string[]).includes(basename(path)) ? await firstExisting(workingDir, COMPOSE_OVERRIDE_NAMES) : undefined;
    return { workingDir, files: override ? [path, override] : [path], envFile: join(workingDir, '.env') };
  }
  if (!info.isDirectory()) throw new WharfError('invalid-input', `${path} is neither a file nor a folder`, { field: 'path' });
  const main = await firstExisting(path, COMPOSE_FILE_NAMES);
  if (!main) throw new WharfError('not-found', `no compose file in ${path} (looked for ${COMPOSE_FILE_NAMES.join(', ')})`, { field: 'path', reason: 'no-compose-file' });
  const override = await firstExisting(path, COMPOSE_OVERRIDE_NAMES);
  return { workingDir: path, files: override ? [main, override] : [main], envFile: join(path, '.env') };
}

async function firstExisting(dir: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) if (await isFile(join(dir, name))) return join(dir, name);
  return undefined;
}

export async function readDocument(path: string, role: ComposeDocument['role']): Promise<ComposeDocument> {
  let info;
  try {
    info = await stat(path);
  } catch {
    if (role === 'env') return { path, role, text: '', mtimeMs: 0, exists: false };
    throw new WharfError('not-found', `${path}: no such file`, { field: 'path' });
  }
  if (info.size > MAX_DOCUMENT_BYTES) throw new WharfError('invalid-input', `${path} is larger than 1 MiB`, { field: 'path', reason: 'too-large' });
  return { path, role, text: await readFile(path, 'utf8'), mtimeMs: info.mtimeMs, exists: true };
}

export async function readDocuments(files: ProjectFiles): Promise<ComposeDocument[]> {
  const docs = await Promise.all(files.files.map((file, i) => readDocument(file, i === 0 ? 'compose' : 'override')));
  return [...docs, await readDocument(files.envFile, 'env')];
}

/** Writes `text` to `path` (one of `editable`) unless it changed since `mtimeMs` (0: it did not exist). */
export async function saveDocument(path: string, text: string, mtimeMs: number, editable: ReadonlySet<string>): Promise<{ mtimeMs: number }> {
  if (!editable.has(path)) throw new WharfError('invalid-input', `${path} is not a file of a project opened in Wharf`, { field: 'path', reason: 'not-editable' });
  let mode = 0o644;
  try {
    const link = await lstat(path);
    if (link.isSymbolicLink()) throw new WharfError('unsupported', `${path} is a symbolic link; edit the file it points to`, { field: 'path', reason: 'symlink' });
    if (!link.isFile()) throw new WharfError('invalid-input', `${path} is not a regular file`, { field: 'path' });
    if (Math.abs(link.mtimeMs - mtimeMs) > 0.5) throw new WharfError('conflict', `${path} changed on disk since it was opened; reopen it to see the change`, { field: 'path', reason: 'changed-on-disk' });
    mode = link.mode & 0o7777;
  } catch (error) {
    if (error instanceof WharfError) throw error;
    if (mtimeMs !== 0) throw new WharfError('conflict', `${path} was removed since it was opened`, { field: 'path', reason: 'changed-on-disk' });
  }
  await writeFileAtomic(path, text, mode);
  return { mtimeMs: (await stat(path)).mtimeMs };
}
