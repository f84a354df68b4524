/**
 * The commands web mode shows for root to run (it never runs them itself): first check that daemon.json still has
 * the bytes Wharf planned from (`sha256sum -c`), back it up, write the new bytes to a temp file beside it and check
 * them too (a copy that lost or gained a byte stops there), move it over, then reload through the service manager
 * or dockerd's pidfile — read when the command runs, never a pid copied into the text.
 */
import type { CommandLine } from '../../../shared/setup';
import type { PlannedCommand } from '../../../shared/registry-mirrors';
import { tool } from './controller';
import { fileCommands } from './file-commands';
import { fileHash } from './plan';

export interface ManualCommandsInput {
  path: string;
  /** The file as planned from; undefined when it does not exist. */
  text: string | undefined;
  newText: string;
  dirExists: boolean;
  nowMs: number;
  systemDirs: readonly string[];
  reload: CommandLine[];
}

export function manualCommands(o: ManualCommandsInput): PlannedCommand[] {
  const t = (name: string): string => tool(name, o.systemDirs, `/usr/bin/${name}`);
  const files = fileCommands(o.path, { exists: o.text !== undefined, dirExists: o.dirExists, nowMs: o.nowMs, systemDirs: o.systemDirs });
  const sha256Check = (hash: string, path: string): PlannedCommand => ({ argv: [t('sha256sum'), '--check', '--strict', '--quiet'], stdin: `${hash}  ${path}\n` });
  const unchangedCheck: PlannedCommand = o.text === undefined ? { argv: [t('test'), '!', '-e', o.path] } : sha256Check(fileHash(o.text), o.path);
  const commands: PlannedCommand[] = [unchangedCheck, ...files.backup.map((argv) => ({ argv }))];
  for (const step of files.write) {
    if (!step.stdin) {
      commands.push({ argv: step.argv });
      continue;
    }
    // dd takes exactly the file's bytes: a here-document always ends in a newline the file may not have.
    const temp = (step.argv.find((arg) => arg.startsWith('of=')) ?? 'of=').slice('of='.length);
    commands.push({ argv: [...step.argv, 'iflag=fullblock,count_bytes', `count=${Buffer.byteLength(o.newText, 'utf8')}`], stdin: o.newText });
    commands.push(sha256Check(fileHash(o.newText), temp));
  }
  return [...commands, ...o.reload.map((argv) => ({ argv }))];
}
