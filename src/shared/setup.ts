/**
 * The setup wizard's data: a diagnosis of why the engine is (not) usable, every check with its evidence, and
 * the fixes Wharf can run (through the privilege runner) or show as commands to copy.
 */
import type { ComposeTool } from './compose';
import type { EngineEndpoint } from './engine';

/** How Docker got onto this machine. */
export type DockerPackaging = 'docker-ce' | 'docker.io' | 'moby-engine' | 'snap' | 'rootless' | 'docker-desktop' | 'podman' | 'unknown' | 'none';

export type DistroFamily = 'debian' | 'fedora' | 'other';

export interface DistroInfo {
  /** os-release ID, e.g. "ubuntu", "debian", "deepin", "uos", "fedora", "openEuler". */
  id: string;
  idLike: string[];
  prettyName: string;
  versionId: string;
  /** VERSION_CODENAME, for docker-ce apt sources. */
  codename: string;
  /** UBUNTU_CODENAME / DEBIAN_CODENAME of derivatives (Linux Mint, LMDE, Pop!_OS…): the base's docker-ce repo. */
  ubuntuCodename?: string;
  debianCodename?: string;
  /** The package architecture as apt names it (amd64, arm64, loong64…), for the docker-ce sources line. */
  arch?: string;
  family: DistroFamily;
}

export interface SocketFacts {
  path: string;
  exists: boolean;
  /** Owner user and group names (or numeric ids when unnamed), and the octal mode, like `ls -l` shows them. */
  owner?: string;
  group?: string;
  mode?: string;
  /** Where the path points when it is a symlink (e.g. docker.sock → podman.sock). */
  linkTarget?: string;
}

/** What connecting as this process gave: the distinction the wizard is built on. */
export type ConnectResult = 'ok' | 'permission-denied' | 'missing' | 'refused' | 'unreachable';

export type SetupVerdict =
  /** The engine answers: nothing to do. */
  | 'usable'
  /** The user is in the docker group in /etc/group, but this session started before that: relaunch or log in again. */
  | 'needs-relogin'
  | 'permission-denied'
  | 'not-running'
  | 'not-installed'
  | 'unreachable';

export type FixId = 'start-service' | 'add-user-to-group';

/** 'remote': the engine is on another host (ssh://, tcp://): what to check there, since nothing here can fix it. */
/** 'compose': which compose Wharf runs on this machine (for the Compose page; the engine works without it). */
export type CheckId = 'installed' | 'service' | 'socket' | 'connect' | 'docker-group' | 'user-in-group' | 'session-group' | 'endpoint' | 'rootless' | 'remote' | 'compose';

export type CheckStatus = 'ok' | 'problem' | 'warning' | 'info';

export interface SetupCheck {
  id: CheckId;
  status: CheckStatus;
  /** Evidence, shown verbatim beside the translated check name (paths, modes, group lists, unit states). */
  evidence: Record<string, string>;
  /** The fix offered beside a problem. */
  fix?: FixId;
}

export interface SetupDiagnosis {
  user: { name: string; uid: number; home: string };
  distro: DistroInfo;
  /** package: the exact package owning dockerd (dpkg-query -S / rpm -qf), when the package manager knows it. */
  installation: { cliPath?: string; dockerdPath?: string; packaging: DockerPackaging; package?: string };
  service: { manager: 'systemd' | 'sysv' | 'none'; unit?: string; active?: string; enabled?: string; dockerdRunning: boolean };
  sockets: SocketFacts[];
  endpoint: EngineEndpoint;
  connect: { result: ConnectResult; detail?: string };
  dockerGroup: {
    /** The group that grants the socket: the socket's own group when it is not root's, else "docker". */
    name: string;
    exists: boolean;
    gid?: number;
    /** The user is listed in /etc/group (or it is their primary group). */
    userListed: boolean;
    /** This running session carries the group (process.getgroups()). */
    sessionHas: boolean;
  };
  rootless: { socketPath?: string; running: boolean; toolAvailable: boolean };
  /** The compose Wharf runs here (it talks to the engine in use, local or remote). */
  compose: ComposeTool;
  verdict: SetupVerdict;
  checks: SetupCheck[];
  /** How privileged fixes will run here: directly (root), through pkexec, or as commands for the user to copy. */
  privilege: 'direct' | 'pkexec' | 'manual';
  /** The app can relaunch itself under the new group (`sg docker`): desktop only. */
  canRelaunch: boolean;
  checkedAt: number;
}

/** One command as argv, shown joined with shell quoting only for the user to copy. */
export type CommandLine = string[];

export interface FixPlan {
  fix: FixId;
  /** What will run, in order, as root. */
  commands: CommandLine[];
}

export interface InstallStep {
  /** i18n key under setup.install.step */
  key: string;
  /** Interpolation values for the step's message (codename, package, …); shown verbatim. */
  values?: Record<string, string>;
  /** May be empty: a note step (e.g. "Deepin uses Debian's buster repository"). */
  commands: CommandLine[];
}

export interface InstallGuide {
  family: DistroFamily;
  /** The distro's own package (docker.io / moby-engine / docker). */
  distroPackage: InstallStep[];
  /** docker-ce from Docker's repository, or from a mirror of it. */
  dockerCe: Array<{ mirror: 'docker' | 'aliyun' | 'tuna' | 'ustc'; baseUrl: string; steps: InstallStep[] }>;
}
