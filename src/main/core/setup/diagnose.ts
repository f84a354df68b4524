import { join } from 'node:path';
import type { EngineEndpoint } from '../../../shared/engine';
import type { SetupDiagnosis, SocketFacts } from '../../../shared/setup';
import { socketPathOf } from '../engine/docker-client';
import { findBinary, searchPath } from './binaries';
import { isSystemSocket } from './fixes';
import type { ComposeTool } from '../../../shared/compose';
import { findComposeTool } from '../compose/compose-tool';
import { buildChecks } from './checks';
import type { ConnectAttempt } from './connect-probe';
import { groupName, parseGroupFile, parsePasswdFile, type GroupEntry } from './etc-group';
import type { OsIdentity } from './identity';
import { parseOsRelease } from './os-release';
import { guessPackaging } from './packaging';
import type { QueryRunner } from './query-runner';
import { serviceState } from './service-state';
import { socketFacts } from './socket-facts';
import type { FileProbe, SystemPaths } from './system-files';
import { verdictOf, type SetupFacts } from './verdict';

/** Everything the diagnosis reads, injected: the OS identity, files, read-only commands and a fresh connect. */
export interface DiagnoseDeps {
  env: Record<string, string | undefined>;
  /** Which compose is here (compose/compose-tool.ts unless a test gives its own). */
  findCompose?: (home: string) => Promise<ComposeTool>;
  identity(): OsIdentity;
  endpoint: EngineEndpoint;
  tryConnect(endpoint: EngineEndpoint): Promise<ConnectAttempt>;
  socketAccepts(path: string): Promise<boolean>;
  query: QueryRunner;
  files: FileProbe;
  paths: SystemPaths;
  /** Where docker and dockerd are looked for besides PATH. */
  searchDirs: readonly string[];
  /** Where system tools (systemctl, dpkg-query, rpm, service) are taken from. */
  systemDirs: readonly string[];
  /** process.arch. */
  nodeArch: string;
  hasServiceController: boolean;
  privilege: SetupDiagnosis['privilege'];
  canRelaunch: boolean;
  now(): number;
}

/** Debian puts the rootless setup tool beside the package's docs rather than on PATH. */
const ROOTLESS_TOOL_DIRS = ['/usr/share/docker.io/contrib'];
const DEFAULT_GROUP = 'docker';

/**
 * The group that grants access to the socket: the socket's own group when root owns it (the system engine's
 * `dockerd --group`, normally "docker"), else "docker".
 */
function grantingGroup(socketPath: string | undefined, deps: DiagnoseDeps, groups: readonly GroupEntry[]): { name: string; entry?: GroupEntry } {
  const st = socketPath ? deps.files.stat(socketPath) : undefined;
  const bySocket = st && st.uid === 0 && st.gid !== 0 ? groups.find((g) => g.gid === st.gid) : undefined;
  if (bySocket) return { name: bySocket.name, entry: bySocket };
  return { name: DEFAULT_GROUP, entry: groups.find((g) => g.name === DEFAULT_GROUP) };
}

/** The endpoint's socket first, then the other places an engine listens, each once. */
function socketPaths(endpointSocket: string | undefined, deps: DiagnoseDeps, home: string): string[] {
  const runtimeDir = deps.env.XDG_RUNTIME_DIR;
  const optional = [
    runtimeDir ? join(runtimeDir, 'docker.sock') : undefined,
    join(home, '.docker/desktop/docker.sock'),
    runtimeDir ? join(runtimeDir, 'podman/podman.sock') : undefined,
    '/run/podman/podman.sock',
  ].filter((p): p is string => p !== undefined && deps.files.exists(p));
  const always = [endpointSocket, deps.paths.defaultSocket].filter((p): p is string => p !== undefined);
  return [...new Set([...always, ...optional])];
}

/** One look at everything that decides whether Docker is usable here, each with its evidence. */
export async function diagnose(deps: DiagnoseDeps): Promise<SetupDiagnosis> {
  const identity = deps.identity();
  const { files, paths } = deps;
  const endpoint = deps.endpoint;
  const endpointSocket = socketPathOf(endpoint);
  const groups = parseGroupFile(files.readText(paths.group));
  const users = parsePasswdFile(files.readText(paths.passwd));
  const searchedDirs = searchPath(deps.env, deps.searchDirs);
  const cliPath = findBinary('docker', searchedDirs, files);
  const dockerdPath = findBinary('dockerd', searchedDirs, files);
  const runtimeDir = deps.env.XDG_RUNTIME_DIR;
  const rootlessSocket = runtimeDir ? join(runtimeDir, 'docker.sock') : undefined;

  const [connect, service, packaging, rootlessRunning, compose] = await Promise.all([
    deps.tryConnect(endpoint),
    serviceState({ files, paths, systemDirs: deps.systemDirs, query: deps.query }),
    guessPackaging({ cliPath, dockerdPath, endpoint, env: deps.env, home: identity.home, files, query: deps.query, systemDirs: deps.systemDirs }),
    rootlessSocket && files.exists(rootlessSocket) ? deps.socketAccepts(rootlessSocket) : Promise.resolve(false),
    (deps.findCompose ?? ((home: string) => findComposeTool(deps.env, home)))(identity.home),
  ]);

  const sockets: SocketFacts[] = socketPaths(endpointSocket, deps, identity.home).map((p) => socketFacts(p, files, users, groups));
  const group = grantingGroup(endpointSocket, deps, groups);
  const gid = group.entry?.gid;
  const sessionGids = [...new Set([identity.gid, ...identity.groups])];
  const localSocket = endpointSocket !== undefined;
  const systemEngine = localSocket && endpoint.source !== 'rootless' && packaging.packaging !== 'docker-desktop' && packaging.packaging !== 'podman';
  const { dockerdPids, ...serviceFacts } = service;

  const facts: SetupFacts = {
    user: { name: identity.name, uid: identity.uid, home: identity.home },
    distro: parseOsRelease(files.readText(paths.osRelease) ?? files.readText(paths.osReleaseFallback), deps.nodeArch),
    installation: { cliPath, dockerdPath, packaging: packaging.packaging, ...(packaging.package ? { package: packaging.package } : {}) },
    service: serviceFacts,
    sockets,
    endpoint,
    connect,
    dockerGroup: {
      name: group.name,
      exists: group.entry !== undefined,
      gid,
      userListed: group.entry !== undefined && (group.entry.members.includes(identity.name) || group.entry.gid === identity.gid),
      sessionHas: gid !== undefined && sessionGids.includes(gid),
    },
    rootless: {
      socketPath: rootlessSocket,
      running: rootlessRunning,
      toolAvailable: findBinary('dockerd-rootless-setuptool.sh', [...searchedDirs, ...ROOTLESS_TOOL_DIRS], files) !== undefined,
    },
    compose,
    privilege: deps.privilege,
    canRelaunch: deps.canRelaunch,
    checkedAt: deps.now(),
    dockerdPids,
    sessionGroupNames: sessionGids.map((id) => groupName(groups, id)),
    localSocket,
    canStartService: systemEngine && (deps.hasServiceController || (service.manager !== 'none' && isSystemSocket(endpointSocket))),
    searchedDirs,
  };
  const verdict = verdictOf(facts);
  const checks = buildChecks(facts, verdict);
  const { dockerdPids: _pids, sessionGroupNames: _names, localSocket: _local, canStartService: _start, searchedDirs: _dirs, ...diagnosis } = facts;
  return { ...diagnosis, verdict, checks };
}
