/**
 * `--daemon-config PATH`: a dockerd started by hand with `--config-file PATH` (a second engine beside the system
 * one, the e2e suite's private engine). The Registries page edits PATH and reloads the dockerd that reads it with
 * SIGHUP through that dockerd's pidfile — never a service manager's docker, which is another engine.
 */
import { DEFAULT_SYSTEM_DIRS } from '../setup/binaries';
import { WharfError } from '../errors';
import { pidFileReload, type DaemonController, type Executor } from './controller';
import type { RegistryMirrorsOptions } from './registry-mirrors-service';
import { findDockerdReading } from './dockerd-process';

/** Reload = SIGHUP through the pidfile of the dockerd reading configPath; no restart (no service restarts it). */
export function configFileController(configPath: string, exec: Executor, o: { proc?: string; systemDirs?: readonly string[]; ownUid?: number } = {}): DaemonController {
  const systemDirs = o.systemDirs ?? DEFAULT_SYSTEM_DIRS;
  const reloadArgv = (): string[] | undefined => {
    const dockerd = findDockerdReading(configPath, o);
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
export function configFileOptions(configPath: string, exec: Executor): RegistryMirrorsOptions {
  return { configPath, controller: configFileController(configPath, exec) };
}
