/**
 * The running dockerd's command line: which registry settings it got as flags (they conflict with the same keys in
 * daemon.json — dockerd then refuses to start or reload) and which --config-file it reads.
 *
 * Only a dockerd the engine's owner runs counts (root for the system engine, the user for a rootless one): any
 * local user can start a process named dockerd whose command line names the socket and a --config-file of their
 * choice, and the file Wharf would then edit as root is that user's pick.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DockerdCommandLine {
  pid: number;
  argv: string[];
}

export interface DockerdFlags {
  registryMirrors: string[];
  insecureRegistries: string[];
  configFile?: string;
  /** --pidfile (dockerd's default: /var/run/docker.pid, or $XDG_RUNTIME_DIR/docker.pid when rootless). */
  pidFile?: string;
  /** -H / --host values. */
  hosts: string[];
  /** --http-proxy / --https-proxy / --no-proxy (the last of each counts). */
  proxies: { httpProxy?: string; httpsProxy?: string; noProxy?: string };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // a process that ended, or /proc without it: nothing to read
  }
}

function pids(proc: string): string[] {
  try {
    return readdirSync(proc).filter((entry) => /^\d+$/.test(entry));
  } catch {
    return []; // no /proc (not Linux, or hidden): no processes to look at
  }
}

function argvOf(proc: string, pid: string): string[] | undefined {
  const raw = read(join(proc, pid, 'cmdline'));
  return raw === undefined || raw === '' ? undefined : raw.replace(/\0$/, '').split('\0');
}

/** The inode of a listening unix socket bound to `path`, from /proc/net/unix. */
function socketInode(proc: string, path: string): string | undefined {
  const table = read(join(proc, 'net', 'unix')) ?? '';
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[7] === path) return fields[6];
  }
  return undefined;
}

function holdsSocket(proc: string, pid: string, inode: string): boolean {
  let fds: string[];
  try {
    fds = readdirSync(join(proc, pid, 'fd'));
  } catch {
    return false; // another user's process: not readable without privilege
  }
  return fds.some((fd) => {
    try {
      return readlinkSync(join(proc, pid, 'fd', fd)) === `socket:[${inode}]`;
    } catch {
      return false; // the descriptor closed while we looked
    }
  });
}

export function parseDockerdFlags(argv: readonly string[]): DockerdFlags {
  const flags: DockerdFlags = { registryMirrors: [], insecureRegistries: [], hosts: [], proxies: {} };
  const take = (name: string, value: string): void => {
    if (name === '--registry-mirror') flags.registryMirrors.push(value);
    else if (name === '--insecure-registry') flags.insecureRegistries.push(value);
    else if (name === '--config-file') flags.configFile = value;
    else if (name === '--pidfile' || name === '-p') flags.pidFile = value;
    else if (name === '-H' || name === '--host') flags.hosts.push(value);
    else if (name === '--http-proxy') flags.proxies.httpProxy = value;
    else if (name === '--https-proxy') flags.proxies.httpsProxy = value;
    else if (name === '--no-proxy') flags.proxies.noProxy = value;
  };
  const names = ['--registry-mirror', '--insecure-registry', '--config-file', '--pidfile', '-p', '-H', '--host', '--http-proxy', '--https-proxy', '--no-proxy'];
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!names.includes(name)) continue;
    if (eq > 0) take(name, arg.slice(eq + 1));
    else if (i + 1 < argv.length) {
      take(name, argv[i + 1] as string);
      i += 1;
    }
  }
  return flags;
}

/** The process's real, effective, saved and filesystem uids, from /proc/PID/status (readable for every process). */
export function processUids(proc: string, pid: string): number[] | undefined {
  const line = read(join(proc, pid, 'status'))?.split('\n').find((l) => l.startsWith('Uid:'));
  const uids = line?.split(/\s+/).slice(1, 5).map(Number);
  return uids && uids.length === 4 && uids.every((u) => Number.isInteger(u)) ? uids : undefined;
}

/** Every uid of the process is `uid`: a process run (not merely started) by that user. */
export function runBy(proc: string, pid: string, uid: number): boolean {
  return processUids(proc, pid)?.every((u) => u === uid) ?? false;
}

/** The socket's path and, when it goes through a symlink (/var/run → /run), the path it resolves to. */
function socketNames(socketPath: string): string[] {
  try {
    const real = realpathSync(socketPath);
    return real === socketPath ? [socketPath] : [socketPath, real];
  } catch {
    return [socketPath]; // no socket file (engine down): its own name is all there is
  }
}

export interface FindDockerdOptions {
  proc?: string;
  /** The uid the engine runs as: 0 for the system engine, the user's own for a rootless one. */
  ownerUid: number;
}

/**
 * The dockerd serving `socketPath`, run by `ownerUid`: the process holding the listening socket (readable for our
 * own processes, or as root); otherwise, among the owner's dockerds only, the one whose -H names the socket, or the
 * only one without -H for the default socket. The root helper checks the socket's holder itself before it writes.
 */
export function findDockerd(socketPath: string | undefined, o: FindDockerdOptions): DockerdCommandLine | undefined {
  const proc = o.proc ?? '/proc';
  if (socketPath === undefined) return undefined;
  const candidates = pids(proc)
    .filter((pid) => read(join(proc, pid, 'comm'))?.trim() === 'dockerd' && runBy(proc, pid, o.ownerUid))
    .map((pid) => ({ pid, argv: argvOf(proc, pid) }))
    .filter((c): c is { pid: string; argv: string[] } => c.argv !== undefined);
  const names = socketNames(socketPath);
  const inodes = names.map((name) => socketInode(proc, name)).filter((inode): inode is string => inode !== undefined);
  const owner = candidates.find((c) => inodes.some((inode) => holdsSocket(proc, c.pid, inode)));
  const byHost = candidates.filter((c) => parseDockerdFlags(c.argv).hosts.some((h) => names.some((name) => h === `unix://${name}` || h === name)));
  const isDefault = names.some((name) => name === '/var/run/docker.sock' || name === '/run/docker.sock');
  const plain = isDefault ? candidates.filter((c) => parseDockerdFlags(c.argv).hosts.every((h) => h.startsWith('fd://'))) : [];
  const found = owner ?? (byHost.length === 1 ? byHost[0] : plain.length === 1 ? plain[0] : undefined);
  return found === undefined ? undefined : { pid: Number(found.pid), argv: found.argv };
}

export interface DockerdReadingPath {
  pid: number;
  /** Its --pidfile, else dockerd's default. */
  pidFile: string;
  uid: number;
}

/**
 * The one running dockerd whose --config-file is `configPath` (none, or several: undefined) — a dockerd started by
 * hand beside the system one (`wharf serve --daemon-config PATH`). Only root's dockerd or Wharf's own user's counts:
 * another user's process named dockerd proves nothing about the file.
 */
export function findDockerdReading(configPath: string, o: { proc?: string; ownUid?: number } = {}): DockerdReadingPath | undefined {
  const proc = o.proc ?? '/proc';
  const owners = [...new Set([0, o.ownUid ?? process.getuid?.() ?? 0])];
  const wanted = resolve(configPath);
  const found: DockerdReadingPath[] = [];
  for (const pid of pids(proc)) {
    if (read(join(proc, pid, 'comm'))?.trim() !== 'dockerd') continue;
    const uid = owners.find((owner) => runBy(proc, pid, owner));
    const argv = uid === undefined ? undefined : argvOf(proc, pid);
    if (uid === undefined || argv === undefined) continue;
    const flags = parseDockerdFlags(argv);
    if (flags.configFile === undefined || resolve(flags.configFile) !== wanted) continue;
    found.push({ pid: Number(pid), pidFile: flags.pidFile ?? (uid === 0 ? '/var/run/docker.pid' : `/run/user/${uid}/docker.pid`), uid });
  }
  return found.length === 1 ? found[0] : undefined;
}
