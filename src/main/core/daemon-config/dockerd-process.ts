/**
 * The running dockerd's command line: which registry settings it got as flags (they conflict with the same keys in
 * daemon.json — dockerd then refuses to start or reload) and which --config-file it reads.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface DockerdCommandLine {
  pid: number;
  argv: string[];
}

export interface DockerdFlags {
  registryMirrors: string[];
  insecureRegistries: string[];
  configFile?: string;
  /** -H / --host values. */
  hosts: string[];
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function pids(proc: string): string[] {
  try {
    return readdirSync(proc).filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
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
      return false;
    }
  });
}

export function parseDockerdFlags(argv: readonly string[]): DockerdFlags {
  const flags: DockerdFlags = { registryMirrors: [], insecureRegistries: [], hosts: [] };
  const take = (name: string, value: string): void => {
    if (name === '--registry-mirror') flags.registryMirrors.push(value);
    else if (name === '--insecure-registry') flags.insecureRegistries.push(value);
    else if (name === '--config-file') flags.configFile = value;
    else if (name === '-H' || name === '--host') flags.hosts.push(value);
  };
  const names = ['--registry-mirror', '--insecure-registry', '--config-file', '-H', '--host'];
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

/**
 * The dockerd serving `socketPath`: the process holding the listening socket (readable for our own processes, or
 * as root); otherwise the dockerd whose -H names it, or the only dockerd without -H for the default socket.
 */
export function findDockerd(socketPath: string | undefined, proc = '/proc'): DockerdCommandLine | undefined {
  const candidates = pids(proc)
    .filter((pid) => read(join(proc, pid, 'comm'))?.trim() === 'dockerd')
    .map((pid) => ({ pid, argv: argvOf(proc, pid) }))
    .filter((c): c is { pid: string; argv: string[] } => c.argv !== undefined);
  if (socketPath === undefined) return undefined;
  const inode = socketInode(proc, socketPath);
  const owner = inode === undefined ? undefined : candidates.find((c) => holdsSocket(proc, c.pid, inode));
  const byHost = candidates.filter((c) => parseDockerdFlags(c.argv).hosts.some((h) => h === `unix://${socketPath}` || h === socketPath));
  const isDefault = socketPath === '/var/run/docker.sock' || socketPath === '/run/docker.sock';
  const plain = isDefault ? candidates.filter((c) => parseDockerdFlags(c.argv).hosts.every((h) => h.startsWith('fd://'))) : [];
  const found = owner ?? (byHost.length === 1 ? byHost[0] : plain.length === 1 ? plain[0] : undefined);
  return found === undefined ? undefined : { pid: Number(found.pid), argv: found.argv };
}
