/**
 * `--daemon-config PATH`: a dockerd started by hand with `--config-file PATH` (a second engine beside the system
 * one, the e2e suite's private engine). The Registries page edits PATH and reloads the dockerd that reads it with
 * SIGHUP — never a service manager's docker, which is another engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RegistriesOptions } from '../core/daemon-config/daemon-config-service';
import { tool, type DaemonController, type Executor } from '../core/daemon-config/controller';
import { parseDockerdFlags } from '../core/daemon-config/dockerd-process';
import { DEFAULT_SYSTEM_DIRS } from '../core/setup/binaries';
import { WharfError } from '../core/errors';

/** The pid of the one running dockerd whose --config-file is `configPath` (none, or several: undefined). */
export function dockerdReading(configPath: string, proc = '/proc'): number | undefined {
  const wanted = resolve(configPath);
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync(proc).filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  for (const pid of entries) {
    try {
      if (readFileSync(join(proc, pid, 'comm'), 'utf8').trim() !== 'dockerd') continue;
      const argv = readFileSync(join(proc, pid, 'cmdline'), 'utf8').replace(/\0$/, '').split('\0');
      const configFile = parseDockerdFlags(argv).configFile;
      if (configFile !== undefined && resolve(configFile) === wanted) found.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Reload = `kill -s HUP <pid of the dockerd reading configPath>`; no restart (it has no service to restart it). */
export function configFileController(configPath: string, exec: Executor, o: { proc?: string; systemDirs?: readonly string[] } = {}): DaemonController {
  const kill = tool('kill', o.systemDirs ?? DEFAULT_SYSTEM_DIRS, '/usr/bin/kill');
  const reloadArgv = (pid: number | undefined): string[] => [kill, '-s', 'HUP', String(pid ?? '<dockerd-pid>')];
  return {
    describe: (action) => (action === 'reload' ? [reloadArgv(dockerdReading(configPath, o.proc))] : []),
    reload: async () => {
      const pid = dockerdReading(configPath, o.proc);
      if (pid === undefined) throw new WharfError('unsupported', `no single running dockerd reads ${configPath}: reload it yourself`);
      await exec(reloadArgv(pid));
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
