/**
 * The file steps of an apply as argv lists (never a shell): back up beside the file, write a temp file in the same
 * folder with fsync, give it the old file's mode, rename it over the original, sync the folder. Restoring is the same
 * rename from a copy of the backup. A rootless engine's own file is written with them; for the system engine they are
 * what web mode shows for root (manual-commands.ts) — Wharf's root helper does the same steps itself.
 */
import { basename, dirname, join } from 'node:path';
import type { CommandLine } from '../../../shared/setup';
import { tool } from './controller';

export interface FileCommands {
  backupPath?: string;
  /** Before the write: create the folder, copy the backup. */
  backup: CommandLine[];
  /** The write; the command with `stdin: true` reads the new file's text on its standard input. */
  write: Array<{ argv: CommandLine; stdin?: true }>;
  /** Put the original back (or remove the file when there was none). */
  restore: CommandLine[];
}

/** 2026-11-28T09:15:02.123Z → 20261128T091502Z */
export function backupStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** `privateFile`: the new file is for its owner alone (0600): it holds a proxy's password. */
export function fileCommands(path: string, o: { exists: boolean; dirExists: boolean; nowMs: number; systemDirs: readonly string[]; privateFile?: boolean }): FileCommands {
  const t = (name: string): string => tool(name, o.systemDirs, `/usr/bin/${name}`);
  const dir = dirname(path);
  const stamp = backupStamp(o.nowMs);
  const temp = join(dir, `.${basename(path)}.wharf-${stamp}.tmp`);
  const backupPath = o.exists ? `${path}.bak-${stamp}` : undefined;
  const backup: CommandLine[] = [];
  if (!o.dirExists) backup.push([t('mkdir'), '-p', '-m', '0755', '--', dir]);
  if (backupPath) backup.push([t('cp'), '-p', '--', path, backupPath]);
  const write: FileCommands['write'] = [
    { argv: [t('dd'), `of=${temp}`, 'conv=fsync', 'status=none'], stdin: true },
    { argv: o.privateFile ? [t('chmod'), '0600', '--', temp] : o.exists ? [t('chmod'), `--reference=${path}`, '--', temp] : [t('chmod'), '0644', '--', temp] },
    { argv: [t('mv'), '-f', '-T', '--', temp, path] },
    { argv: [t('sync'), '--', dir] },
  ];
  const restore: CommandLine[] = backupPath
    ? [
        [t('cp'), '-p', '--', backupPath, temp],
        [t('mv'), '-f', '-T', '--', temp, path],
        [t('sync'), '--', dir],
      ]
    : [[t('rm'), '-f', '--', path]];
  return { ...(backupPath ? { backupPath } : {}), backup, write, restore };
}
