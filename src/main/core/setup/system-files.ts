import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';

/** The system files the diagnosis reads; tests point them at temp copies or empty dirs. */
export interface SystemPaths {
  osRelease: string;
  /** Fallback when osRelease is missing (the os-release spec). */
  osReleaseFallback: string;
  group: string;
  passwd: string;
  /** procfs, scanned for a running dockerd. */
  proc: string;
  /** Exists only while systemd is the init system (sd_booted()). */
  systemdRun: string;
  /** The SysV init script `service docker start` runs. */
  initScript: string;
  /** The default socket of the system engine. */
  defaultSocket: string;
}

export const DEFAULT_SYSTEM_PATHS: SystemPaths = {
  osRelease: '/etc/os-release',
  osReleaseFallback: '/usr/lib/os-release',
  group: '/etc/group',
  passwd: '/etc/passwd',
  proc: '/proc',
  systemdRun: '/run/systemd/system',
  initScript: '/etc/init.d/docker',
  defaultSocket: '/var/run/docker.sock',
};

export interface FileStat {
  uid: number;
  gid: number;
  /** Permission bits and type, as stat(2) gives them. */
  mode: number;
  isSocket: boolean;
  isFile: boolean;
}

/** Read-only file system access, injected so the diagnosis is testable. */
export interface FileProbe {
  readText(path: string): string | undefined;
  /** stat(2), following symlinks; undefined when missing or unreadable. */
  stat(path: string): FileStat | undefined;
  /** The resolved target when path is a symlink, else undefined. */
  linkTarget(path: string): string | undefined;
  exists(path: string): boolean;
  /** A regular file this process may execute. */
  isExecutable(path: string): boolean;
  listDir(path: string): string[];
}

// Each probe answers "missing" for a path that is absent or unreadable: that state is what setup's checks report.
export const nodeFiles: FileProbe = {
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined; // see above: missing or unreadable
    }
  },
  stat(path) {
    try {
      const s = statSync(path);
      return { uid: s.uid, gid: s.gid, mode: s.mode, isSocket: s.isSocket(), isFile: s.isFile() };
    } catch {
      return undefined; // see above: missing or unreadable
    }
  },
  linkTarget(path) {
    try {
      return lstatSync(path).isSymbolicLink() ? realpathSync(path) : undefined;
    } catch {
      return undefined; // see above: missing, or a dangling link
    }
  },
  exists: (path) => existsSync(path),
  isExecutable(path) {
    try {
      if (!statSync(path).isFile()) return false;
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false; // see above: missing, or not executable by us (EACCES)
    }
  },
  listDir(path) {
    try {
      return readdirSync(path);
    } catch {
      return []; // see above: missing or unreadable
    }
  },
};
