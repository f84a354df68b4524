/**
 * Real pkexec and polkit for tests: a system bus and polkitd (started here only when none runs, stopped only if
 * started here), rules files for one throwaway user, Wharf's polkit policy and its root helper at the path the policy
 * names, and a pkexec that the throwaway user invokes. Every file it puts in a system folder carries this process's
 * pid and start time in its name and is removed by remove(), by an exit hook when the test process dies, and by the
 * next run's sweep when even that did not run.
 *
 * Each polkit check of the throwaway user is counted by the rule itself: polkit.spawn(mktemp) leaves one file per
 * check in a counting folder (it works whoever started polkitd; polkitd's own log is kept too when it is ours).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runSync } from './exec';
import { onProcessExit } from './exit-hooks';
import { SETPRIV } from './constants';
import { isProcessAlive, processStartTime, terminateSync } from './processes';

export const PKEXEC = '/usr/bin/pkexec';
export const PKACTION = '/usr/bin/pkaction';
export const PKCHECK = '/usr/bin/pkcheck';
export const PKTTYAGENT = '/usr/bin/pkttyagent';
export const POLKITD = '/usr/lib/polkit-1/polkitd';
export const DBUS_DAEMON = '/usr/bin/dbus-daemon';
export const SYSTEM_BUS_SOCKET = '/run/dbus/system_bus_socket';
export const RULES_DIR = '/etc/polkit-1/rules.d';
export const ACTIONS_DIR = '/usr/share/polkit-1/actions';
/** Where the desktop package installs the root helper (the policy's org.freedesktop.policykit.exec.path). */
export const INSTALLED_HELPER_DIR = '/usr/lib/wharf';

const RULES_PREFIX = '00-wharf-test-';
const POLICY_PREFIX = 'wharf-test-';
const HELPER_MARKER_PREFIX = '.wharf-test-';
const TEMP_PREFIX = 'wharf-polkit-';

const HOW_TO_RUN =
  'Install them with `sudo bash .ci/run` (it adds pkexec, polkitd and dbus-daemon to its apt list) or ' +
  '`apt-get install -y --no-install-recommends pkexec polkitd dbus-daemon`.';

/** Throws an Error naming what is missing: the real-pkexec suite never passes by skipping. */
export function assertPolkitPreconditions(): void {
  const problems: string[] = [];
  if (process.getuid?.() !== 0) problems.push('root is required (rules files, policy, a system bus)');
  for (const [file, what] of [
    [PKEXEC, 'pkexec (Debian package pkexec)'],
    [PKACTION, 'pkaction (Debian package polkitd)'],
    [PKCHECK, 'pkcheck (Debian package polkitd)'],
    [PKTTYAGENT, 'pkttyagent (Debian package polkitd)'],
    [POLKITD, 'polkitd (Debian package polkitd)'],
    [DBUS_DAEMON, 'dbus-daemon (Debian package dbus-daemon)'],
    [SETPRIV, 'setpriv (Debian package util-linux)'],
    ['/usr/bin/script', 'script (Debian package bsdutils): a terminal for pkttyagent'],
  ] as const) {
    if (!fs.existsSync(file)) problems.push(`missing ${file}: ${what}`);
  }
  if (problems.length > 0) throw new Error(`the real pkexec/polkit tests cannot run: ${problems.join('; ')}. ${HOW_TO_RUN}`);
}

/** This process's tag in file names: pid and start time, so a reused pid never claims another run's files. */
function ownTag(): string {
  return `${process.pid}-${processStartTime(process.pid) ?? '0'}`;
}

function tagAlive(tag: string): boolean {
  const [pid, start] = tag.split('-');
  return isProcessAlive(Number(pid), start === '0' ? undefined : start);
}

/** The `<pid>-<start>` after a prefix, e.g. 00-wharf-test-123-456-1.rules → 123-456. */
function tagOf(name: string, prefix: string): string | undefined {
  return /^(\d+-\d+)/.exec(name.slice(prefix.length))?.[1];
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { recursive: true, force: true });
  } catch {
    // gone, or it will be swept next time
  }
}

/** Removes what an earlier run that died left: its rules, policy copies, installed helper and temp folders. */
export function sweepStalePolkitFiles(): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, prefix: string, onStale: (file: string, name: string) => void): void => {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((name) => name.startsWith(prefix));
    } catch {
      return;
    }
    for (const name of names) {
      const tag = tagOf(name, prefix);
      if (tag === undefined || tagAlive(tag)) continue;
      onStale(path.join(dir, name), name);
    }
  };
  const remove = (file: string): void => {
    removeQuietly(file);
    removed.push(file);
  };
  sweep(RULES_DIR, RULES_PREFIX, remove);
  sweep(ACTIONS_DIR, POLICY_PREFIX, remove);
  sweep(os.tmpdir(), TEMP_PREFIX, (dir) => {
    stopStaleDaemons(dir);
    remove(dir);
  });
  // The helper folder exists only because a test made it (the marker says so): it goes whole.
  sweep(INSTALLED_HELPER_DIR, HELPER_MARKER_PREFIX, () => remove(INSTALLED_HELPER_DIR));
  return removed;
}

/** The daemons a harness started (pid and start time) and whether the bus socket is theirs, kept in its folder. */
interface DaemonRecord {
  daemons: Array<{ pid: number; start?: string }>;
  busSocket: boolean;
}

const DAEMONS_FILE = 'daemons.json';

/**
 * A dead run's bus and polkitd outlive it: both change user at start, which clears setpriv's parent-death signal.
 * Only the processes its record names (same pid and start time) are ended.
 */
function stopStaleDaemons(dir: string): void {
  let record: DaemonRecord;
  try {
    record = JSON.parse(fs.readFileSync(path.join(dir, DAEMONS_FILE), 'utf8')) as DaemonRecord;
  } catch {
    return;
  }
  const alive = record.daemons.filter((d) => isProcessAlive(d.pid, d.start)).map((d) => d.pid);
  terminateSync(alive, 5_000);
  if (record.busSocket) removeQuietly(SYSTEM_BUS_SOCKET);
}

/** Whether something answers on the system bus socket (a stale socket file refuses). */
function busAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(SYSTEM_BUS_SOCKET);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function polkitdRunning(): boolean {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'polkitd') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

async function until(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`polkit harness: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A daemon of ours, dying with this process (setpriv --pdeathsig) and killed on exit. */
function startDaemon(file: string, args: string[], log: string): ChildProcess {
  const out = fs.openSync(log, 'a');
  try {
    const child = spawn(SETPRIV, ['--pdeathsig', 'TERM', '--', file, ...args], { stdio: ['ignore', out, out] });
    child.unref();
    return child;
  } finally {
    fs.closeSync(out);
  }
}

async function stopDaemon(child: ChildProcess | undefined): Promise<void> {
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

export interface PolkitHarness {
  /** The harness's own folder (root's, readable by all; removed with it): for programs the user has pkexec run. */
  readonly dir: string;
  /** A pkexec that the throwaway user runs (setpriv to the user, then the real setuid /usr/bin/pkexec). */
  readonly pkexecAsUser: string;
  /**
   * Makes `body` (JavaScript inside polkit.addRule's function, with `action` and `subject`) polkit's answer for the
   * throwaway user, replacing the previous one; resolves once polkitd has loaded it.
   */
  rule(body: string): Promise<void>;
  /** The polkit checks of the throwaway user so far, by action id, oldest first. */
  checks(): string[];
  /** Copies a policy file into polkit's actions folder (removed with the harness); resolves once polkitd knows it. */
  installPolicy(file: string, actionId: string): Promise<void>;
  /** Puts the root helper where the package installs it, when nothing is there (removed with the harness). */
  installHelper(file: string): string;
  /** polkitd's output (its polkit.log lines, rule errors) when it is ours; '' when it was running already. */
  polkitdLog(): string;
  remove(): Promise<void>;
}

export async function startPolkitHarness(user: string, group: string): Promise<PolkitHarness> {
  assertPolkitPreconditions();
  sweepStalePolkitFiles();
  const tag = ownTag();
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${tag}-`));
  fs.chmodSync(temp, 0o755);
  // polkitd runs the rule's mktemp as its own user: the counting folder is writable by others, readable by root.
  const counted = path.join(temp, 'checks');
  fs.mkdirSync(counted);
  fs.chmodSync(counted, 0o733);
  const daemonLog = path.join(temp, 'polkitd.log');
  const owned: string[] = [];
  let bus: ChildProcess | undefined;
  let polkitd: ChildProcess | undefined;
  let busSocketOurs = false;
  let generation = 0;

  const recordDaemons = (): void => {
    const daemons = [bus, polkitd].flatMap((child) => (child?.pid !== undefined ? [{ pid: child.pid, start: processStartTime(child.pid) }] : []));
    const record: DaemonRecord = { daemons, busSocket: busSocketOurs };
    fs.writeFileSync(path.join(temp, DAEMONS_FILE), JSON.stringify(record));
  };
  const removeFiles = (): void => {
    for (const file of owned.splice(0)) removeQuietly(file);
    removeQuietly(temp);
  };
  const unregister = onProcessExit(() => {
    for (const child of [polkitd, bus]) if (child?.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
    removeFiles();
    if (busSocketOurs) removeQuietly(SYSTEM_BUS_SOCKET);
  });

  const remove = async (): Promise<void> => {
    removeFiles();
    await stopDaemon(polkitd);
    await stopDaemon(bus);
    if (busSocketOurs) removeQuietly(SYSTEM_BUS_SOCKET);
    unregister();
  };

  try {
    if (!(await busAnswers())) {
      // A socket file no one answers on is a dead bus's: dbus-daemon cannot listen over it.
      if (fs.existsSync(SYSTEM_BUS_SOCKET)) fs.rmSync(SYSTEM_BUS_SOCKET);
      bus = startDaemon(DBUS_DAEMON, ['--system', '--nofork', '--nopidfile'], path.join(temp, 'dbus.log'));
      busSocketOurs = true;
      recordDaemons();
      await until('the system bus answering', busAnswers);
    }
    if (!polkitdRunning()) {
      polkitd = startDaemon(POLKITD, [], daemonLog);
      recordDaemons();
      await until('polkitd owning org.freedesktop.PolicyKit1', () => fs.readFileSync(daemonLog, 'utf8').includes('Acquired the name org.freedesktop.PolicyKit1'));
    }

    const wrapper = path.join(temp, 'pkexec-as-user');
    // The real setuid pkexec, invoked by a process whose real and effective uid are the user's: polkit decides.
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${SETPRIV} --reuid=${user} --regid=${group} --init-groups -- ${PKEXEC} "$@"\n`, { mode: 0o755 });

    const rulesFile = (n: number): string => path.join(RULES_DIR, `${RULES_PREFIX}${tag}-${n}.rules`);
    const rule = async (body: string): Promise<void> => {
      generation += 1;
      const probe = `${tag}-${generation}`;
      const file = rulesFile(generation);
      const text = [
        '// Written by Wharf\'s test harness (test/support/polkit-harness.ts); removed when its test ends.',
        'polkit.addRule(function (action, subject) {',
        `  if (action.lookup("wharf-probe") == ${JSON.stringify(probe)}) return polkit.Result.YES;`,
        `  if (subject.user != ${JSON.stringify(user)}) return;`,
        `  polkit.spawn(["/usr/bin/mktemp", "-p", ${JSON.stringify(counted)}, "check." + Date.now() + "." + action.id + ".XXXXXX"]);`,
        `  ${body}`,
        '});',
        '',
      ].join('\n');
      owned.push(file);
      fs.writeFileSync(file, text, { mode: 0o644 });
      for (let n = generation - 1; n >= 1; n--) removeQuietly(rulesFile(n));
      // polkitd reloads its rules when the folder changes: this rule answers the probe once it is loaded.
      await until(`polkitd loading rule ${probe}`, () => runSync(PKCHECK, ['--action-id', 'org.freedesktop.policykit.exec', '--process', String(process.pid), '--detail', 'wharf-probe', probe]).code === 0);
    };

    return {
      dir: temp,
      pkexecAsUser: wrapper,
      rule,
      checks: () =>
        fs
          .readdirSync(counted)
          .map((name) => /^check\.(\d+)\.(.+)\.[^.]+$/.exec(name))
          .filter((m): m is RegExpExecArray => m !== null)
          .sort((a, b) => Number(a[1]) - Number(b[1]))
          .map((m) => m[2] ?? ''),
      async installPolicy(file, actionId) {
        const copy = path.join(ACTIONS_DIR, `${POLICY_PREFIX}${tag}-${path.basename(file)}`);
        owned.push(copy);
        fs.copyFileSync(file, copy);
        fs.chmodSync(copy, 0o644);
        await until(`polkitd knowing ${actionId}`, () => runSync(PKACTION, ['--action-id', actionId]).code === 0);
      },
      installHelper(file) {
        const target = path.join(INSTALLED_HELPER_DIR, path.basename(file));
        if (fs.existsSync(INSTALLED_HELPER_DIR)) {
          throw new Error(`${INSTALLED_HELPER_DIR} exists (an installed Wharf?): the test will not replace it. Remove it or run elsewhere.`);
        }
        fs.mkdirSync(INSTALLED_HELPER_DIR, { mode: 0o755 });
        owned.push(INSTALLED_HELPER_DIR);
        fs.writeFileSync(path.join(INSTALLED_HELPER_DIR, `${HELPER_MARKER_PREFIX}${tag}`), 'made by test/support/polkit-harness.ts\n');
        fs.copyFileSync(file, target);
        fs.chmodSync(target, 0o755);
        return target;
      },
      polkitdLog: () => (polkitd ? fs.readFileSync(daemonLog, 'utf8') : ''),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

