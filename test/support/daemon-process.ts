import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { SETPRIV } from './constants';

/** A long-running child (dockerd, registry) with its output appended to a log file. */
export class DaemonProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private exitInfo: string | undefined;

  constructor(
    private readonly file: string,
    private readonly args: readonly string[],
    private readonly logPath: string,
    /** Added to this process's environment (dockerd 26.1's PATH to its own docker-proxy). */
    private readonly env: Record<string, string> = {},
  ) {}

  /** Starts the program. When setpriv exists, the child gets SIGTERM if this process dies. */
  start(): void {
    if (this.running) throw new Error(`${this.file} is already running (pid ${this.pid})`);
    const log = fs.openSync(this.logPath, 'a');
    const usePdeathsig = fs.existsSync(SETPRIV);
    const [command, argv] = usePdeathsig
      ? [SETPRIV, ['--pdeathsig', 'TERM', '--', this.file, ...this.args]]
      : [this.file, [...this.args]];
    let child: ChildProcess;
    try {
      child = spawn(command, argv, { stdio: ['ignore', log, log], detached: false, env: { ...process.env, ...this.env } });
    } finally {
      fs.closeSync(log);
    }
    this.child = child;
    this.exitInfo = undefined;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = signal !== null ? `killed by ${signal}` : `exited with code ${code ?? '?'}`;
        resolve();
      });
      child.once('error', (error) => {
        this.exitInfo = `failed to start: ${error.message}`;
        resolve();
      });
    });
    // A forgotten daemon must not keep the test process alive; exit hooks clean it up.
    child.unref();
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.exitInfo === undefined;
  }

  /** Why the process is not running (undefined while it runs or before the first start). */
  get exitReason(): string | undefined {
    return this.child === undefined ? undefined : this.exitInfo;
  }

  /** SIGTERM, wait up to graceMs, then SIGKILL. Resolves once the process has exited. */
  async stop(graceMs = 30_000): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      child.kill('SIGKILL');
      await this.exited;
    }
  }

  async logs(): Promise<string> {
    try {
      return await fs.promises.readFile(this.logPath, 'utf8');
    } catch {
      return '';
    }
  }

  async logTail(lines = 30): Promise<string> {
    return (await this.logs()).trimEnd().split('\n').slice(-lines).join('\n');
  }
}
