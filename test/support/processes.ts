import fs from 'node:fs';

/** Sleeps synchronously (usable from 'exit' handlers). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface ProcStat {
  state: string;
  ppid: number;
  startTime: string;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ')'.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const ppid = Number(fields[1]);
    const startTime = fields[19];
    if (state === undefined || startTime === undefined) return undefined;
    return { state, ppid, startTime };
  } catch {
    return undefined;
  }
}

/** The kernel's start time of a process (clock ticks since boot): together with the pid it names one process. */
export function processStartTime(pid: number): string | undefined {
  return readStat(pid)?.startTime;
}

/** True while the process exists and is not a zombie; with startTime, also that it is the same process. */
export function isProcessAlive(pid: number, startTime?: string): boolean {
  const stat = readStat(pid);
  if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return false;
  return startTime === undefined || stat.startTime === startTime;
}

function allPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * Processes whose command line mentions `dir` (dockerd, its containerd, shims, a registry), plus all
 * their descendants (container processes, docker-proxy). Never includes this process or its ancestors.
 */
export function processesUsingDir(dir: string): number[] {
  const pids = allPids();
  const parents = new Map<number, number>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat !== undefined) parents.set(pid, stat.ppid);
  }
  const needle = dir.endsWith('/') ? dir : `${dir}/`;
  const found = new Set(pids.filter((pid) => pid !== process.pid && `${cmdline(pid)} `.includes(needle)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  for (let pid: number | undefined = process.pid; pid !== undefined && pid > 1; pid = parents.get(pid)) {
    found.delete(pid);
  }
  return [...found];
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** SIGTERM, wait up to graceMs for all to exit, then SIGKILL the rest and wait briefly. Synchronous. */
export function terminateSync(pids: readonly number[], graceMs: number): void {
  const live = (): number[] => pids.filter((pid) => isProcessAlive(pid));
  for (const pid of live()) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (live().length > 0 && Date.now() < deadline) sleepSync(50);
  for (const pid of live()) signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (live().length > 0 && Date.now() < killDeadline) sleepSync(50);
}
