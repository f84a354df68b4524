import fs from 'node:fs';
import path from 'node:path';
import { DIR_PREFIX, harnessBaseDir } from './constants';
import { testEngine } from './test-engine';
import { DaemonProcess } from './daemon-process';
import { runDockerCli, runDockerCliOk, type CliOptions, type CliResult } from './docker-cli';
import { runSync } from './exec';
import { onProcessExit } from './exit-hooks';
import { probe, waitFor } from './http-probe';
import { bridgeNameFor, createBridge, poolCidr, reserveSubnetIndex, type BridgeInfo } from './network';
import { writeOwnerRecord } from './ownership';
import { assertHarnessPreconditions } from './preconditions';
import { unmountAllUnder } from './mounts';
import { isProcessAlive, terminateSync } from './processes';
import { sweepStaleHarnesses } from './sweep';
import { removeLeftovers, type LeftoverResources } from './teardown';

export type { BridgeInfo } from './network';
export type { CliOptions, CliResult } from './docker-cli';

export interface PrivateEngineOptions {
  /** Group that owns the socket (`dockerd --group`); the group must exist. */
  socketGroup?: string;
  /** Extra daemon.json settings, merged over the harness defaults. */
  daemonConfig?: Record<string, unknown>;
  /** A short label that goes into the temp dir's name (for debugging). */
  name?: string;
  /** Extra dockerd flags, e.g. ['--registry-mirror=http://127.0.0.1:5000'] (after the harness's own). */
  extraArgs?: string[];
  /**
   * A data-root of the caller's, kept as it is by destroy() (its containers stop with dockerd, nothing is removed):
   * benchmarks reuse a seeded engine between runs. Default: one inside the engine's temp root, removed with it.
   */
  dataRoot?: string;
}

export interface PrivateEngine {
  /** 'unix:///…/docker.sock' */
  readonly host: string;
  readonly socketPath: string;
  /** The engine's temp root (data-root, exec-root, socket, log, daemon.json, CLI config). */
  readonly dir: string;
  /** Its daemon.json (`--config-file`); edit it and restart() to change settings. */
  readonly configPath: string;
  readonly bridge: BridgeInfo;
  /** `default-address-pools` base for user-defined networks, e.g. '10.214.7.0/24' (/28 each). */
  readonly addressPool: string;
  /** dockerd's pid while it runs. */
  readonly pid: number | undefined;
  cli(args: string[], opts?: CliOptions): Promise<CliResult>;
  cliOk(args: string[], opts?: CliOptions): Promise<CliResult>;
  /** SIGTERM dockerd and wait for it to exit; data is kept so start() can bring it back. */
  stop(): Promise<void>;
  /** Starts dockerd again with the same data-root, socket and config; resolves when /_ping answers. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops everything and removes all traces (mounts, bridge, dir). Idempotent; never throws. */
  destroy(): Promise<void>;
  /** The dockerd log file's content. */
  logs(): Promise<string>;
}

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 30_000;

/** Settings passed as dockerd flags; daemon.json must not repeat them or dockerd refuses to start. */
const FLAG_KEYS = ['data-root', 'graph', 'exec-root', 'pidfile', 'hosts', 'group', 'iptables', 'ip-masq', 'ip-forward', 'bridge'];

function sanitizeName(name: string | undefined): string {
  const clean = (name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12);
  return clean === '' ? '' : `${clean}-`;
}

function assertGroupExists(group: string): void {
  if (runSync('/usr/bin/getent', ['group', group]).code !== 0) {
    throw new Error(`socketGroup '${group}' does not exist (create it first, e.g. with groupadd)`);
  }
}

class Engine implements PrivateEngine {
  readonly host: string;
  readonly socketPath: string;
  readonly configPath: string;
  readonly addressPool: string;
  private readonly daemon: DaemonProcess;
  private readonly cliConfigDir: string;
  private destroyed = false;
  private unregisterExitHook: () => void = () => undefined;

  constructor(
    readonly dir: string,
    readonly bridge: BridgeInfo,
    private readonly subnetIndex: number,
    socketGroup: string | undefined,
    extraArgs: readonly string[] = [],
    private readonly ownDataRoot?: string,
  ) {
    this.socketPath = path.join(dir, 'docker.sock');
    this.host = `unix://${this.socketPath}`;
    this.configPath = path.join(dir, 'daemon.json');
    this.cliConfigDir = path.join(dir, 'cli');
    this.addressPool = poolCidr(subnetIndex);
    const args = [
      `--data-root=${ownDataRoot ?? path.join(dir, 'data')}`,
      `--exec-root=${path.join(dir, 'exec')}`,
      `--pidfile=${path.join(dir, 'docker.pid')}`,
      `--host=${this.host}`,
      `--config-file=${this.configPath}`,
      '--iptables=false',
      '--ip-masq=false',
      '--ip-forward=false',
      `--bridge=${bridge.name}`,
      ...(socketGroup !== undefined ? [`--group=${socketGroup}`] : []),
      ...extraArgs,
    ];
    const binaries = testEngine();
    const env: Record<string, string> = binaries.pathDirs.length > 0 ? { PATH: [...binaries.pathDirs, process.env.PATH ?? ''].join(':') } : {};
    this.daemon = new DaemonProcess(binaries.dockerd, args, path.join(dir, 'dockerd.log'), env);
  }

  get pid(): number | undefined {
    return this.daemon.pid;
  }

  get leftovers(): LeftoverResources {
    return { dir: this.dir, bridge: this.bridge.name, subnetIndex: this.subnetIndex };
  }

  /** Registers the synchronous crash/exit cleanup. */
  guardProcessExit(): void {
    this.unregisterExitHook = onProcessExit(() => {
      const pid = this.daemon.pid;
      if (pid !== undefined && isProcessAlive(pid)) terminateSync([pid], 10_000);
      removeLeftovers(this.leftovers);
    });
  }

  writeConfig(extra: Record<string, unknown>): void {
    const config = { 'default-address-pools': [{ base: this.addressPool, size: 28 }], ...extra };
    fs.writeFileSync(this.configPath, `${JSON.stringify(config, null, 2)}\n`);
    fs.mkdirSync(this.cliConfigDir, { recursive: true });
  }

  cli(args: string[], opts?: CliOptions): Promise<CliResult> {
    return runDockerCli({ host: this.host, configDir: this.cliConfigDir }, args, opts);
  }

  cliOk(args: string[], opts?: CliOptions): Promise<CliResult> {
    return runDockerCliOk({ host: this.host, configDir: this.cliConfigDir }, args, opts);
  }

  async ping(): Promise<boolean> {
    const result = await probe({ socketPath: this.socketPath, path: '/_ping' }, 1_000);
    return result?.status === 200;
  }

  async start(): Promise<void> {
    if (this.destroyed) throw new Error(`engine ${this.dir} was destroyed`);
    if (this.daemon.running) return;
    this.daemon.start();
    await waitFor({
      ready: () => this.ping(),
      failed: () => (this.daemon.exitReason !== undefined ? `dockerd ${this.daemon.exitReason}` : undefined),
      timeoutMs: READY_TIMEOUT_MS,
      describe: async (reason) =>
        `private dockerd (${this.socketPath}) did not answer /_ping: ${reason}. Last log lines:\n${await this.daemon.logTail()}`,
    });
  }

  async stop(): Promise<void> {
    await this.daemon.stop(STOP_GRACE_MS);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  logs(): Promise<string> {
    return this.daemon.logs();
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    try {
      if (this.daemon.running && this.ownDataRoot === undefined) {
        // Removing containers and networks through the engine is quicker and cleaner than stopping them at shutdown.
        const ids = await this.cli(['ps', '-aq'], { timeoutMs: 20_000 });
        const containers = ids.stdout.split('\n').filter((id) => id !== '');
        if (containers.length > 0) await this.cli(['rm', '-f', '-v', ...containers], { timeoutMs: 60_000 });
        await this.cli(['network', 'prune', '-f'], { timeoutMs: 20_000 });
      }
      await this.daemon.stop(STOP_GRACE_MS);
    } catch {
      // fall through to the forceful cleanup
    }
    removeLeftovers(this.leftovers);
    // A kept data-root keeps its files, never a mount of a container that did not stop cleanly.
    if (this.ownDataRoot !== undefined) unmountAllUnder(this.ownDataRoot);
    this.unregisterExitHook();
  }
}

/**
 * Starts a private dockerd with its own data-root, exec-root, socket, config file and bridge.
 * It never touches the machine's own engine. Call destroy() when done (an exit hook and the next
 * run's sweep clean up after crashes).
 */
export async function startPrivateEngine(options: PrivateEngineOptions = {}): Promise<PrivateEngine> {
  assertHarnessPreconditions();
  const conflicting = Object.keys(options.daemonConfig ?? {}).filter((key) => FLAG_KEYS.includes(key));
  if (conflicting.length > 0) {
    throw new Error(`daemonConfig must not set ${conflicting.join(', ')}: the harness passes them as dockerd flags`);
  }
  if (options.socketGroup !== undefined) assertGroupExists(options.socketGroup);
  sweepStaleHarnesses();

  const dir = fs.mkdtempSync(path.join(harnessBaseDir(), `${DIR_PREFIX}${sanitizeName(options.name)}`));
  const bridgeName = bridgeNameFor(dir);
  let engine: Engine | undefined;
  let subnetIndex: number | undefined;
  try {
    writeOwnerRecord(dir, { kind: 'engine', bridge: bridgeName });
    subnetIndex = reserveSubnetIndex(dir);
    writeOwnerRecord(dir, { kind: 'engine', bridge: bridgeName, subnetIndex });
    const bridge = createBridge(bridgeName, subnetIndex);
    engine = new Engine(dir, bridge, subnetIndex, options.socketGroup, options.extraArgs, options.dataRoot);
    engine.guardProcessExit();
    engine.writeConfig(options.daemonConfig ?? {});
    await engine.start();
    return engine;
  } catch (error) {
    if (engine !== undefined) {
      await engine.destroy();
    } else {
      removeLeftovers({ dir, bridge: bridgeName, ...(subnetIndex !== undefined ? { subnetIndex } : {}) });
    }
    throw error;
  }
}

export { sweepStaleHarnesses } from './sweep';
