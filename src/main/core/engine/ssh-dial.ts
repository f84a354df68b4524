/**
 * ssh:// engines the way the docker CLI reaches them (cli/connhelper): the user's own `ssh` binary runs
 * `docker system dial-stdio` on the host, so ~/.ssh/config, ssh-agent and known_hosts apply exactly as in a terminal.
 * BatchMode: ssh never prompts (there is no terminal); an unknown host key fails rather than being accepted, and
 * Wharf asks the user about it (ssh-host-keys.ts). One keep-alive pool of such connections per endpoint, so lists,
 * events and streams reuse a few ssh processes instead of paying a handshake per request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, type AgentOptions } from 'node:http';
import { Duplex } from 'node:stream';

/** What ssh said when it failed, sorted into what the user can do about it. */
export type SshFailure = 'host-key-unknown' | 'host-key-changed' | 'auth-failed' | 'unknown-host' | 'refused' | 'timeout' | 'no-docker' | 'failed';

export const SSH_FAILURE_CODES: Record<SshFailure, string> = {
  'host-key-unknown': 'SSH_HOST_KEY_UNKNOWN',
  'host-key-changed': 'SSH_HOST_KEY_CHANGED',
  'auth-failed': 'SSH_AUTH_FAILED',
  'unknown-host': 'ENOTFOUND',
  refused: 'ECONNREFUSED',
  timeout: 'ETIMEDOUT',
  'no-docker': 'SSH_NO_DOCKER',
  failed: 'SSH_FAILED',
};

/** The parts of ssh://[user@]host[:port] that ssh takes as arguments. */
export interface SshTarget {
  host: string;
  user?: string;
  port?: string;
}

export function sshTargetOf(endpointHost: string): SshTarget {
  const url = new URL(endpointHost);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, ...(url.username ? { user: decodeURIComponent(url.username) } : {}), ...(url.port ? { port: url.port } : {}) };
}

/** The ssh options Wharf adds: never prompt, and give up on a host that does not answer within 10 s. */
export const SSH_OPTIONS = ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10'];

/** ssh's argv for a target: options, then `--` so a host can never be read as an option. */
export function sshArgv(target: SshTarget, command: readonly string[]): string[] {
  return [...SSH_OPTIONS, '-T', ...(target.user ? ['-l', target.user] : []), ...(target.port ? ['-p', target.port] : []), '--', target.host, ...command];
}

export function classifySshFailure(stderr: string): SshFailure {
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/i.test(stderr)) return 'host-key-changed';
  if (/Host key verification failed|No .*host key is known/i.test(stderr)) return 'host-key-unknown';
  if (/Permission denied \(|Too many authentication failures/i.test(stderr)) return 'auth-failed';
  if (/Could not resolve hostname|Name or service not known/i.test(stderr)) return 'unknown-host';
  if (/Connection refused/i.test(stderr)) return 'refused';
  if (/timed out/i.test(stderr)) return 'timeout';
  if (/docker: (command )?not found|unknown command "?system|dial-stdio/i.test(stderr)) return 'no-docker';
  return 'failed';
}

/** How many characters of ssh's stderr are kept for the error (ssh prints a line or two; a remote shell may say more). */
const MAX_STDERR = 4000;

/** An ssh process's stdin and stdout as the socket an HTTP request runs over. */
class SshStdioSocket extends Duplex {
  private stderr = '';
  private gotData = false;

  constructor(private readonly child: ChildProcess) {
    super();
    const stdout = child.stdout;
    stdout?.on('data', (chunk: Buffer) => {
      this.gotData = true;
      if (!this.push(chunk)) stdout.pause();
    });
    // The end of ssh's output is not the end of the socket yet: its exit status says whether that was a failure.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (this.stderr.length < MAX_STDERR) this.stderr += chunk.toString('utf8');
    });
    child.stdin?.on('error', () => undefined); // a write after ssh died: its exit says why
    child.on('error', (error) => this.destroy(error));
    child.on('close', (code) => {
      if (code === 0 || this.destroyed) {
        this.push(null);
        return;
      }
      const failure = classifySshFailure(this.stderr);
      const detail = this.stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(-3).join(' ') || `ssh exited with ${String(code)}`;
      const error = Object.assign(new Error(this.gotData ? `ssh connection ended: ${detail}` : detail), { code: SSH_FAILURE_CODES[failure], sshFailure: failure });
      this.destroy(error);
    });
  }

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (!this.child.stdin || this.child.stdin.destroyed) return callback(new Error('the ssh process has ended'));
    this.child.stdin.write(chunk, (error) => callback(error ?? null));
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.child.stdin?.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    callback(error);
  }

  // What http's Agent and ClientRequest call on a net.Socket; an ssh pipe has no such settings.
  setKeepAlive(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setTimeout(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }
}

export interface SshDialer {
  /** Runs ssh with argv; `env` is the environment Wharf runs in (PATH decides which ssh, SSH_AUTH_SOCK the agent). */
  spawn(argv: string[]): ChildProcess;
}

export function systemSsh(env: Record<string, string | undefined>): SshDialer {
  return { spawn: (argv) => spawn('ssh', argv, { env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] }) };
}

/** A keep-alive HTTP agent whose connections are `ssh … docker system dial-stdio` processes. */
class SshAgent extends Agent {
  constructor(
    private readonly target: SshTarget,
    private readonly dialer: SshDialer,
    options: AgentOptions,
  ) {
    super(options);
  }

  override createConnection(): Duplex {
    return new SshStdioSocket(this.dialer.spawn(sshArgv(this.target, ['docker', 'system', 'dial-stdio'])));
  }
}

const agents = new Map<string, Agent>();

/**
 * The agent for an ssh:// endpoint: the same one for every client of that endpoint, so connections are shared.
 * At most 6 ssh processes at once per endpoint (the events stream holds one), 2 kept idle.
 */
export function sshAgentFor(endpointHost: string, dialer: SshDialer): Agent {
  let agent = agents.get(endpointHost);
  if (agent === undefined) {
    agent = new SshAgent(sshTargetOf(endpointHost), dialer, { keepAlive: true, maxSockets: 6, maxFreeSockets: 2 });
    agents.set(endpointHost, agent);
  }
  return agent;
}

/** Ends the endpoint's ssh processes (Wharf left the engine, or stops). */
export function closeSshAgent(endpointHost: string): void {
  agents.get(endpointHost)?.destroy();
  agents.delete(endpointHost);
}
