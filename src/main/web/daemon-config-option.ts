/**
 * `--daemon-config PATH`: a dockerd started by hand with `--config-file PATH` (a second engine beside the system
 * one, the e2e suite's private engine). The Registries page edits PATH and reloads the dockerd that reads it with
 * SIGHUP through that dockerd's pidfile — never a service manager's docker, which is another engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RegistriesOptions } from '../core/daemon-config/daemon-config-service';
import { pidFileReload, type DaemonController, type Executor } from '../core/daemon-config/controller';
import { parseDockerdFlags, runBy } from '../core/daemon-config/dockerd-process';
import { DEFAULT_SYSTEM_DIRS } from '../core/setup/binaries';
import { WharfError } from '../core/errors';

export interface DockerdReadingPath {
  pid: number;
  /** Its --pidfile, else dockerd's default. */
  pidFile: string;
  uid: number;
}

/**
 * The one running dockerd whose --config-file is `configPath` (none, or several: undefined). Only root's dockerd
 * or Wharf's own user's counts: another user's process named dockerd proves nothing about the file.
 */
export function dockerdReading(configPath: string, o: { proc?: string; ownUid?: number } = {}): DockerdReadingPath | undefined {
  const proc = o.proc ?? '/proc';
  const owners = [...new Set([0, o.ownUid ?? process.getuid?.() ?? 0])];
  const wanted = resolve(configPath);
  const found: DockerdReadingPath[] = [];
  let entries: string[];
  try {
    entries = readdirSync(proc).filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  for (const pid of entries) {
    try {
      if (readFileSync(join(proc, pid, 'comm'), 'utf8').trim() !== 'dockerd') continue;
      const uid = owners.find((owner) => runBy(proc, pid, owner));
      if (uid === undefined) continue;
      const argv = readFileSync(join(proc, pid, 'cmdline'), 'utf8').replace(/\0$/, '').split('\0');
      const flags = parseDockerdFlags(argv);
      if (flags.configFile === undefined || resolve(flags.configFile) !== wanted) continue;
      found.push({ pid: Number(pid), pidFile: flags.pidFile ?? (uid === 0 ? '/var/run/docker.pid' : `/run/user/${uid}/docker.pid`), uid });
    } catch {
      // gone meanwhile
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Reload = SIGHUP through the pidfile of the dockerd reading configPath; no restart (no service restarts it). */
export function configFileController(configPath: string, exec: Executor, o: { proc?: string; systemDirs?: readonly string[]; ownUid?: number } = {}): DaemonController {
  const systemDirs = o.systemDirs ?? DEFAULT_SYSTEM_DIRS;
  const reloadArgv = (): string[] | undefined => {
    const dockerd = dockerdReading(configPath, o);
    return dockerd === undefined ? undefined : pidFileReload(dockerd.pidFile, dockerd.uid, systemDirs);
  };
  return {
    describe: (action) => {
      const argv = action === 'reload' ? reloadArgv() : undefined;
      return argv ? [argv] : [];
    },
    reload: async () => {
      const argv = reloadArgv();
      if (argv === undefined) throw new WharfError('unsupported', `no single running dockerd reads ${configPath}: reload it yourself`);
      await exec(argv);
    },
    restart: async () => {
      throw new WharfError('unsupported', 'dockerd runs without a service manager: restart it the way it was started');
    },
  };
}

/** The Registries options for `--daemon-config PATH`. */
export function daemonConfigOption(configPath: string, exec: Executor): RegistriesOptions {
  return { configPath, controller: configFileController(configPath, exec) };
}
