/**
 * The commands web mode shows for root: the first one stops everything unless daemon.json still has the hash Wharf
 * read, dd takes exactly the new file's bytes and they are checked before the rename, and the reload goes through the
 * pidfile or the service manager — no pid is copied into the text.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pidFileReload } from '../../src/main/core/registry-mirrors/controller';
import { manualCommands } from '../../src/main/core/registry-mirrors/manual-commands';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const PATH = '/etc/docker/daemon.json';
const OLD = '{\n  "debug": true\n}\n';
const NEW = '{\n  "debug": true,\n  "registry-mirrors": ["https://é.example"]\n}';
const now = Date.parse('2026-11-28T09:15:02.123Z');
const dirs = ['/nonexistent'];
const reload = pidFileReload('/var/run/docker.pid', 0, dirs);

describe('manualCommands', () => {
  const commands = manualCommands({ path: PATH, text: OLD, newText: NEW, dirExists: true, nowMs: now, systemDirs: dirs, reload: [reload] });
  const temp = '/etc/docker/.daemon.json.wharf-20261128T091502Z.tmp';

  it('first checks the hash Wharf read, then backs up, writes, checks the new bytes, renames, syncs, reloads', () => {
    expect(commands).toEqual([
      { argv: ['/usr/bin/sha256sum', '--check', '--strict', '--quiet'], stdin: `${sha256(OLD)}  ${PATH}\n` },
      { argv: ['/usr/bin/cp', '-p', '--', PATH, `${PATH}.bak-20261128T091502Z`] },
      { argv: ['/usr/bin/dd', `of=${temp}`, 'conv=fsync', 'status=none', 'iflag=fullblock,count_bytes', `count=${Buffer.byteLength(NEW)}`], stdin: NEW },
      { argv: ['/usr/bin/sha256sum', '--check', '--strict', '--quiet'], stdin: `${sha256(NEW)}  ${temp}\n` },
      { argv: ['/usr/bin/chmod', `--reference=${PATH}`, '--', temp] },
      { argv: ['/usr/bin/mv', '-f', '-T', '--', temp, PATH] },
      { argv: ['/usr/bin/sync', '--', '/etc/docker'] },
      { argv: ['/usr/bin/pkill', '--signal', 'HUP', '--pidfile', '/var/run/docker.pid', '--euid', '0'] },
    ]);
  });

  it('counts bytes, not characters (a non-ASCII mirror name)', () => {
    expect(commands[2]?.argv.at(-1)).toBe(`count=${Buffer.from(NEW, 'utf8').length}`);
    expect(Buffer.from(NEW, 'utf8').length).toBeGreaterThan(NEW.length);
  });

  it('a file that did not exist must still not exist', () => {
    const fresh = manualCommands({ path: PATH, text: undefined, newText: NEW, dirExists: false, nowMs: now, systemDirs: dirs, reload: [reload] });
    expect(fresh[0]).toEqual({ argv: ['/usr/bin/test', '!', '-e', PATH] });
    expect(fresh[1]).toEqual({ argv: ['/usr/bin/mkdir', '-p', '-m', '0755', '--', '/etc/docker'] });
  });
});
