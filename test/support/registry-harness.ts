import fs from 'node:fs';
import path from 'node:path';
import { DIR_PREFIX, DOCKER_REGISTRY, harnessBaseDir } from './constants';
import { DaemonProcess } from './daemon-process';
import { onProcessExit } from './exit-hooks';
import { freeLoopbackPort } from './free-port';
import { writeHtpasswd } from './htpasswd';
import { probe, waitFor } from './http-probe';
import { writeOwnerRecord } from './ownership';
import { assertHarnessPreconditions } from './preconditions';
import { sweepStaleHarnesses } from './sweep';
import { removeLeftovers } from './teardown';

export interface PrivateRegistry {
  /** '127.0.0.1:PORT' — use as an image reference prefix: `${address}/library/busybox:latest`. */
  readonly address: string;
  /** 'http://127.0.0.1:PORT' */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  stop(): Promise<void>;
  /** Stops the registry and deletes its storage. Idempotent; never throws. */
  destroy(): Promise<void>;
  logs(): Promise<string>;
}

const READY_TIMEOUT_MS = 20_000;
const START_ATTEMPTS = 3;

export interface PrivateRegistryOptions {
  /** Log every request (Apache combined format) to its log: to check what the registry served. */
  accessLog?: boolean;
  /** htpasswd auth (Basic) with these users (name → password); the registry then refuses anonymous requests. */
  users?: Record<string, string>;
  /** DELETE of manifests (default true); false makes the registry answer 405 like most public ones. */
  deleteEnabled?: boolean;
}

/** Distribution 2.8 config; YAML written by hand (no YAML dependency). Paths are quoted. */
export function registryConfig(storageDir: string, addr: string, options: PrivateRegistryOptions = {}, htpasswdPath?: string): string {
  const auth = htpasswdPath === undefined ? [] : ['auth:', '  htpasswd:', '    realm: wharf-test', `    path: ${JSON.stringify(htpasswdPath)}`];
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    `    disabled: ${options.accessLog === true ? 'false' : 'true'}`,
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(storageDir)}`,
    '  delete:',
    `    enabled: ${options.deleteEnabled === false ? 'false' : 'true'}`,
    ...auth,
    'http:',
    `  addr: ${addr}`,
    'health:',
    '  storagedriver:',
    '    enabled: false',
    '',
  ].join('\n');
}

class Registry implements PrivateRegistry {
  readonly address: string;
  readonly url: string;
  private destroyed = false;
  private readonly unregisterExitHook: () => void;

  constructor(
    readonly dir: string,
    readonly port: number,
    private readonly daemon: DaemonProcess,
  ) {
    this.address = `127.0.0.1:${port}`;
    this.url = `http://${this.address}`;
    this.unregisterExitHook = onProcessExit(() => removeLeftovers({ dir: this.dir }, 2_000));
  }

  async stop(): Promise<void> {
    await this.daemon.stop(10_000);
  }

  logs(): Promise<string> {
    return this.daemon.logs();
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    try {
      await this.daemon.stop(10_000);
    } catch {
      // forceful cleanup below
    }
    removeLeftovers({ dir: this.dir }, 2_000);
    this.unregisterExitHook();
  }
}

async function launch(dir: string, options: PrivateRegistryOptions): Promise<Registry> {
  const port = await freeLoopbackPort();
  const configPath = path.join(dir, 'config.yml');
  let htpasswdPath: string | undefined;
  if (options.users !== undefined) {
    htpasswdPath = path.join(dir, 'htpasswd');
    await writeHtpasswd(htpasswdPath, options.users);
  }
  fs.writeFileSync(configPath, registryConfig(path.join(dir, 'storage'), `127.0.0.1:${port}`, options, htpasswdPath));
  const daemon = new DaemonProcess(DOCKER_REGISTRY, ['serve', configPath], path.join(dir, 'registry.log'));
  daemon.start();
  try {
    await waitFor({
      // With htpasswd auth a ready registry answers 401 to the anonymous probe.
      ready: async () => [200, options.users !== undefined ? 401 : 200].includes((await probe({ host: '127.0.0.1', port, path: '/v2/' }, 1_000))?.status ?? 0),
      failed: () => (daemon.exitReason !== undefined ? `docker-registry ${daemon.exitReason}` : undefined),
      timeoutMs: READY_TIMEOUT_MS,
      describe: async (reason) =>
        `private registry on 127.0.0.1:${port} did not answer GET /v2/: ${reason}. Last log lines:\n${await daemon.logTail()}`,
    });
    return new Registry(dir, port, daemon);
  } catch (error) {
    await daemon.stop(5_000);
    throw error;
  }
}

/** Starts Debian's docker-registry on 127.0.0.1:<free port> with storage in a temp dir and no auth. */
export async function startPrivateRegistry(options: PrivateRegistryOptions = {}): Promise<PrivateRegistry> {
  assertHarnessPreconditions();
  sweepStaleHarnesses();
  const dir = fs.mkdtempSync(path.join(harnessBaseDir(), `${DIR_PREFIX}reg-`));
  writeOwnerRecord(dir, { kind: 'registry' });
  let lastError: unknown;
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt += 1) {
    try {
      return await launch(dir, options);
    } catch (error) {
      lastError = error; // most likely the port was taken between probing and binding; try another
    }
  }
  removeLeftovers({ dir }, 2_000);
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
