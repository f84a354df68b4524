import { join } from 'node:path';
import type { SetupDiagnosis } from '../../../shared/setup';
import { findBinary } from './binaries';
import type { QueryRunner } from './query-runner';
import type { FileProbe, SystemPaths } from './system-files';

export const DOCKER_UNIT = 'docker.service';

export interface ServiceProbeDeps {
  files: FileProbe;
  paths: SystemPaths;
  systemDirs: readonly string[];
  query: QueryRunner;
}

export type ServiceFacts = SetupDiagnosis['service'] & { dockerdPids: number[] };

/** Pids of processes named dockerd (any user: rootless engines count too). */
export function findDockerdPids(files: Pick<FileProbe, 'listDir' | 'readText'>, procDir: string): number[] {
  return files
    .listDir(procDir)
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => files.readText(join(procDir, pid, 'comm'))?.trim() === 'dockerd')
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The service manager and the docker unit's state: systemd when it is the running init (/run/systemd/system) and
 * systemctl exists; SysV when /etc/init.d/docker and `service` exist; else none. The process scan tells the
 * rest (an engine started by hand, or in a container like this project's CI).
 */
export async function serviceState(deps: ServiceProbeDeps): Promise<ServiceFacts> {
  const dockerdPids = findDockerdPids(deps.files, deps.paths.proc);
  const dockerdRunning = dockerdPids.length > 0;
  const systemctl = findBinary('systemctl', deps.systemDirs, deps.files);
  if (systemctl && deps.files.exists(deps.paths.systemdRun)) {
    const [active, enabled] = await Promise.all([
      deps.query(systemctl, ['is-active', DOCKER_UNIT]),
      deps.query(systemctl, ['is-enabled', DOCKER_UNIT]),
    ]);
    return {
      manager: 'systemd',
      unit: DOCKER_UNIT,
      active: active.stdout.trim() || 'unknown',
      enabled: enabled.stdout.trim() || 'not-found',
      dockerdRunning,
      dockerdPids,
    };
  }
  const service = findBinary('service', deps.systemDirs, deps.files);
  if (service && deps.files.exists(deps.paths.initScript)) {
    // LSB status codes: 0 running, 3 not running; anything else is unknown.
    const status = await deps.query(service, ['docker', 'status']);
    const active = status.code === 0 ? 'active' : status.code === 3 ? 'inactive' : 'unknown';
    return { manager: 'sysv', unit: deps.paths.initScript, active, dockerdRunning, dockerdPids };
  }
  return { manager: 'none', dockerdRunning, dockerdPids };
}
