/**
 * A real OpenSSH server on 127.0.0.1 for ssh:// engines: Debian's sshd (scripts/fetch-test-sshd.sh unpacks it into a
 * cache, never installed), its own config and host key, a throwaway user (the caller's, in the engine's socket
 * group) whose key is authorized and whose
 * DOCKER_HOST is a private engine (sshd's SetEnv), so `ssh … docker system dial-stdio` reaches that engine.
 * The client side never touches the ~/.ssh of the user running the tests: an `ssh` shim first on PATH runs
 * /usr/bin/ssh with the harness's client config (-F), whose known_hosts, identity and alias are the harness's own —
 * the docker CLI (the oracle) and Wharf both find that shim on their PATH, as they would find the user's ssh.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { run, runOk, runSync } from './exec';
import { onProcessExit } from './exit-hooks';
import { freeLoopbackPort } from './free-port';
import { makeSocketDirsTraversable, type ThrowawayAccount } from './throwaway-account';

const SSHD_CACHE = process.env.WHARF_SSHD_CACHE ?? '/var/cache/wharf-test-sshd';
const SSHD = path.join(SSHD_CACHE, 'root/usr/sbin/sshd');
const SSH_KEYGEN = '/usr/bin/ssh-keygen';

export interface SshServer {
  port: number;
  /** The throwaway user sshd lets in with the harness's key. */
  user: string;
  /** The ssh_config alias (Host) that names this server with its user, port and key: `ssh://ALIAS` works. */
  alias: string;
  /** Folder holding the `ssh` shim: put it first on PATH. */
  shimDir: string;
  /** The client's known_hosts file (the harness's own). */
  knownHosts: string;
  /** The server's current host key line as known_hosts has it, and its SHA256 fingerprint. */
  hostKeyLine(): string;
  fingerprint(): Promise<string>;
  /** Trusts the current host key (writes it into the harness's known_hosts). */
  trustHostKey(): void;
  /** Restarts sshd with a brand-new host key (a "changed" host). */
  replaceHostKey(): Promise<void>;
  /** A client key sshd does not accept, for "wrong key" tests: an alias that uses it. */
  wrongKeyAlias: string;
  /** How many ssh logins sshd accepted so far (its log). */
  acceptedLogins(): number;
  stop(): Promise<void>;
}

export function sshdAvailable(): string | undefined {
  if (!fs.existsSync(SSHD)) return `OpenSSH's sshd is not unpacked at ${SSHD}: run scripts/fetch-test-sshd.sh (npm test and .ci/run do)`;
  const ldd = runSync('/usr/bin/ldd', [SSHD]);
  if (ldd.stdout.includes('not found')) return `sshd at ${SSHD} misses libraries (${ldd.stdout.split('\n').filter((l) => l.includes('not found')).join('; ')}): apt-get install libwrap0`;
  return undefined;
}

function ensurePrivsepUser(): void {
  // What the openssh-server package would set up: sshd's privilege-separation user and folder.
  if (runSync('/usr/bin/getent', ['passwd', 'sshd']).code !== 0) runSync('/usr/sbin/useradd', ['--system', '--no-create-home', '--home-dir', '/run/sshd', '--shell', '/usr/sbin/nologin', 'sshd']);
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on 127.0.0.1:${port} within 10 s:\n${output()}`);
}

/**
 * Starts sshd for an engine whose socket group is `account`'s throwaway group (start the engine with
 * socketGroup: account.group), so the throwaway user can use it. `dir` is the test's own folder.
 */
export async function startSshServer({ engineSocket, dir, account }: { engineSocket: string; dir: string; account: ThrowawayAccount }): Promise<SshServer> {
  const missing = sshdAvailable();
  if (missing) throw new Error(missing);
  ensurePrivsepUser();
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o711);
  let child: ChildProcess | undefined;
  let output = '';
  const unregister = onProcessExit(() => {
    child?.kill('SIGKILL');
  });
  try {
    // The user may log in (an unlocked account with a shell) and reach the engine's socket through its group.
    runSync('/usr/sbin/usermod', ['-p', '*', '-s', '/bin/sh', '-aG', account.group, account.user]);
    makeSocketDirsTraversable(engineSocket);
    const hostKey = path.join(dir, 'host_ed25519');
    const clientKey = path.join(dir, 'client_ed25519');
    const wrongKey = path.join(dir, 'wrong_ed25519');
    for (const key of [hostKey, clientKey, wrongKey]) await runOk(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', path.basename(key), '-f', key]);
    const authorized = path.join(dir, 'authorized_keys');
    fs.copyFileSync(`${clientKey}.pub`, authorized);
    fs.chmodSync(authorized, 0o644);
    // sshd reads authorized_keys as the user: every folder above it must let the user through.
    makeSocketDirsTraversable(authorized);
    const port = await freeLoopbackPort();
    const config = path.join(dir, 'sshd_config');
    fs.writeFileSync(
      config,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `PidFile ${path.join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${authorized}`,
        'StrictModes no',
        'UsePAM no',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin no',
        `AllowUsers ${account.user}`,
        `SetEnv DOCKER_HOST=unix://${engineSocket}`,
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
    const knownHosts = path.join(dir, 'known_hosts');
    fs.writeFileSync(knownHosts, '');
    const alias = 'wharf-test-ssh';
    const wrongKeyAlias = 'wharf-test-ssh-wrong-key';
    const clientConfig = path.join(dir, 'ssh_config');
    const hostBlock = (name: string, key: string): string[] => [
      `Host ${name}`,
      '  HostName 127.0.0.1',
      `  Port ${port}`,
      `  User ${account.user}`,
      `  IdentityFile ${key}`,
      '  IdentitiesOnly yes',
    ];
    fs.writeFileSync(
      clientConfig,
      [...hostBlock(alias, clientKey), ...hostBlock(wrongKeyAlias, wrongKey), 'Host *', `  UserKnownHostsFile ${knownHosts}`, '  GlobalKnownHostsFile /dev/null', '  IdentityAgent none', ''].join('\n'),
    );
    const shimDir = path.join(dir, 'bin');
    fs.mkdirSync(shimDir);
    fs.writeFileSync(path.join(shimDir, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F '${clientConfig}' "$@"\n`, { mode: 0o755 });

    const start = async (): Promise<void> => {
      output = '';
      child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      await waitForPort(port, child, () => output);
    };
    const stopSshd = async (): Promise<void> => {
      const c = child;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    };
    await start();
    const hostKeyLine = (): string => `[127.0.0.1]:${port} ${fs.readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ')}`;
    return {
      port,
      user: account.user,
      alias,
      wrongKeyAlias,
      shimDir,
      knownHosts,
      hostKeyLine,
      async fingerprint() {
        const { stdout } = await runOk(SSH_KEYGEN, ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`]);
        return stdout.split(' ')[1] ?? '';
      },
      trustHostKey() {
        fs.appendFileSync(knownHosts, `${hostKeyLine()}\n`);
      },
      async replaceHostKey() {
        await stopSshd();
        fs.rmSync(hostKey);
        fs.rmSync(`${hostKey}.pub`);
        await runOk(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', 'replaced', '-f', hostKey]);
        await start();
      },
      acceptedLogins() {
        return output.split('\n').filter((l) => l.includes('Accepted publickey')).length;
      },
      async stop() {
        await stopSshd();
        unregister();
      },
    };
  } catch (error) {
    child?.kill('SIGKILL');
    unregister();
    throw error;
  }
}

/** `ssh -V`'s line, for the report. */
export async function sshVersion(): Promise<string> {
  return (await run('/usr/bin/ssh', ['-V'])).stderr.trim();
}
