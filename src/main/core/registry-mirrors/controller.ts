/**
 * How the engine is told to re-read daemon.json: a reload (SIGHUP — registry mirrors and insecure registries are
 * reloadable, containers keep running) or a restart, through its service manager. Tests pass their own controller.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { CommandLine } from '../../../shared/setup';
import { WharfError } from '../errors';
import type { PrivilegeRunner } from '../privilege/privilege-runner';
import { systemBinary } from '../setup/binaries';
import { nodeFiles } from '../setup/system-files';

export interface DaemonController {
  /** The commands reload() / restart() run, for the plan (empty when the controller acts itself). */
  describe(action: 'reload' | 'restart'): CommandLine[];
  reload(): Promise<void>;
  restart(): Promise<void>;
  /** The engine's log lines since a moment (epoch ms), when they can be read. */
  logs?(sinceMs: number): Promise<string[]>;
}

/** Runs one argv: the privilege runner for the system engine, directly for a rootless engine (the user's own). */
export type Executor = (argv: CommandLine, stdin?: string) => Promise<unknown>;

export function runnerExecutor(runner: PrivilegeRunner): Executor {
  return async (argv, stdin) => {
    const [binary, ...args] = argv;
    if (binary === undefined) return;
    await runner.run({ binary, args, ...(stdin !== undefined ? { stdin } : {}) });
  };
}

export function tool(name: string, systemDirs: readonly string[], fallback: string): string {
  return systemBinary(name, systemDirs, nodeFiles, fallback);
}

function readLines(binary: string, args: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(binary, args, { timeout: 5_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
      resolve(error ? [] : stdout.split('\n').filter((line) => line !== ''));
    });
  });
}

function commandController(exec: Executor, reload: CommandLine, restart: CommandLine | undefined, logs?: DaemonController['logs']): DaemonController {
  return {
    describe: (action) => (action === 'reload' ? [reload] : restart ? [restart] : []),
    reload: async () => {
      await exec(reload);
    },
    restart: async () => {
      if (!restart) throw new WharfError('unsupported', 'dockerd runs without a service manager: restart it the way it was started');
      await exec(restart);
    },
    ...(logs ? { logs } : {}),
  };
}

export interface PickControllerOptions {
  pid: number | undefined;
  rootless: boolean;
  exec: Executor;
  systemDirs: readonly string[];
  /** dockerd's pidfile (its --pidfile, else its default place). */
  pidFile: string;
  /** The uid dockerd runs as (0, or the user's for a rootless engine). */
  ownerUid: number;
  proc?: string;
}

const SYSV_PID_FILE = '/var/run/docker.pid';

function readPidFile(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // no pidfile: no dockerd to signal this way
  }
}

/**
 * SIGHUP to the process its pidfile names, only when that process runs as the engine's owner: read when the
 * command runs, so a shown command never carries a pid that may have gone (or been reused) since.
 */
export function pidFileReload(pidFile: string, ownerUid: number, systemDirs: readonly string[]): CommandLine {
  return [tool('pkill', systemDirs, '/usr/bin/pkill'), '--signal', 'HUP', '--pidfile', pidFile, '--euid', String(ownerUid)];
}

/**
 * systemd when dockerd runs in docker.service's cgroup (systemctl reload / restart; logs from journalctl); SysV when
 * /etc/init.d/docker started this very dockerd (SIGHUP through its pidfile / service docker restart); otherwise
 * SIGHUP through dockerd's pidfile, and no restart.
 */
export function pickDaemonController(o: PickControllerOptions): DaemonController {
  const cgroup = o.pid === undefined ? '' : (() => {
    try {
      return readFileSync(`${o.proc ?? '/proc'}/${o.pid}/cgroup`, 'utf8');
    } catch {
      return ''; // the process is gone or not ours to read: not known to be docker.service
    }
  })();
  const systemctl = tool('systemctl', o.systemDirs, '/usr/bin/systemctl');
  const journalctl = tool('journalctl', o.systemDirs, '/usr/bin/journalctl');
  const unitLogs = (user: boolean) => (sinceMs: number) =>
    readLines(journalctl, [...(user ? ['--user'] : []), '-u', 'docker.service', '--since', `@${Math.floor(sinceMs / 1000)}`, '-n', '60', '--no-pager', '-o', 'cat']);
  if (/\/docker\.service\b/.test(cgroup)) {
    const user = o.rootless ? ['--user'] : [];
    return commandController(o.exec, [systemctl, ...user, 'reload', 'docker.service'], [systemctl, ...user, 'restart', 'docker.service'], unitLogs(o.rootless));
  }
  const reload = pidFileReload(o.pidFile, o.ownerUid, o.systemDirs);
  // SysV only for the dockerd its init script started (its pid file names this pid): another dockerd (one started
  // by hand with its own --config-file) is not that service. Reload is SIGHUP (Debian's script has no reload action).
  if (!o.rootless && o.pid !== undefined && existsSync('/etc/init.d/docker') && readPidFile(SYSV_PID_FILE) === o.pid) {
    const service = tool('service', o.systemDirs, '/usr/sbin/service');
    return commandController(o.exec, pidFileReload(SYSV_PID_FILE, 0, o.systemDirs), [service, 'docker', 'restart']);
  }
  return commandController(o.exec, reload, undefined);
}
