/**
 * A test host with a non-loopback address: a network namespace joined to this host by a veth pair, addressed from
 * 10.215.<n>.0/30 where n collides with no route or address here (an exclusive lock file per n, like the bridges'
 * subnets). Programs run inside it with `ip netns exec`. destroy() (and an exit hook) removes namespace, veth and lock.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cidrsOverlap } from './cidr';
import { DIR_PREFIX, DOCKER_REGISTRY, IP, harnessBaseDir } from './constants';
import { DaemonProcess } from './daemon-process';
import { runSync } from './exec';
import { onProcessExit } from './exit-hooks';
import { probe, waitFor } from './http-probe';
import { interfaceAddresses } from './network';
import { writeOwnerRecord } from './ownership';
import { terminateSync } from './processes';
import { registryConfig } from './registry-harness';

const NET_PREFIX = '10.215';

export interface NetnsHost {
  /** The namespace side's address, e.g. '10.215.7.2' (this host is .1). */
  readonly address: string;
  readonly namespace: string;
  /** Starts docker-registry inside the namespace on address:port (plain HTTP); resolves when /v2/ answers. */
  startRegistry(port: number): Promise<{ address: string; logs(): Promise<string> }>;
  destroy(): Promise<void>;
}

function lockDir(): string {
  return path.join(harnessBaseDir(), 'wharf-netns-locks');
}

function prefixesInUse(): string[] {
  const routes = runSync(IP, ['-4', 'route', 'show', 'table', 'all']).stdout.split('\n');
  const fromRoutes = routes.map((line) => line.trim().split(/\s+/).find((w) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(w))).filter((p): p is string => p !== undefined);
  return [...fromRoutes, ...interfaceAddresses().map((a) => a.cidr)];
}

function reserve(owner: string): number {
  fs.mkdirSync(lockDir(), { recursive: true });
  const inUse = prefixesInUse();
  for (const index of Array.from({ length: 254 }, (_u, i) => i + 1).sort(() => Math.random() - 0.5)) {
    if (inUse.some((p) => cidrsOverlap(p, `${NET_PREFIX}.${index}.0/24`))) continue;
    try {
      fs.writeFileSync(path.join(lockDir(), String(index)), JSON.stringify({ owner, pid: process.pid }), { flag: 'wx' });
      return index;
    } catch {
      // taken; next
    }
  }
  throw new Error(`no free ${NET_PREFIX}.x.0/24 for a test host`);
}

function ipOk(args: string[]): void {
  const result = runSync(IP, args);
  if (result.code !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr.trim()}`);
}

export async function startNetnsHost(): Promise<NetnsHost> {
  const id = randomBytes(3).toString('hex');
  const namespace = `wharf-ns-${id}`;
  const outside = `wrfh-${id}`;
  const inside = `wrfn-${id}`;
  const index = reserve(namespace);
  const address = `${NET_PREFIX}.${index}.2`;
  const dir = fs.mkdtempSync(path.join(harnessBaseDir(), `${DIR_PREFIX}ns-`));
  writeOwnerRecord(dir, { kind: 'registry' });
  const daemons: DaemonProcess[] = [];
  const cleanup = (): void => {
    for (const pid of daemons.map((d) => d.pid).filter((p): p is number => p !== undefined)) terminateSync([pid], 5_000);
    runSync(IP, ['netns', 'del', namespace]);
    runSync(IP, ['link', 'del', 'dev', outside]);
    fs.rmSync(path.join(lockDir(), String(index)), { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const unregister = onProcessExit(cleanup);
  try {
    ipOk(['netns', 'add', namespace]);
    ipOk(['link', 'add', outside, 'type', 'veth', 'peer', 'name', inside]);
    ipOk(['link', 'set', inside, 'netns', namespace]);
    ipOk(['addr', 'add', `${NET_PREFIX}.${index}.1/30`, 'dev', outside]);
    ipOk(['link', 'set', outside, 'up']);
    ipOk(['-n', namespace, 'addr', 'add', `${address}/30`, 'dev', inside]);
    ipOk(['-n', namespace, 'link', 'set', inside, 'up']);
    ipOk(['-n', namespace, 'link', 'set', 'lo', 'up']);
  } catch (error) {
    cleanup();
    unregister();
    throw error;
  }
  let destroyed = false;
  return {
    address,
    namespace,
    async startRegistry(port) {
      const config = path.join(dir, `registry-${port}.yml`);
      fs.writeFileSync(config, registryConfig(path.join(dir, `storage-${port}`), `${address}:${port}`, { accessLog: true }));
      const daemon = new DaemonProcess(IP, ['netns', 'exec', namespace, DOCKER_REGISTRY, 'serve', config], path.join(dir, `registry-${port}.log`));
      daemons.push(daemon);
      daemon.start();
      await waitFor({
        ready: async () => (await probe({ host: address, port, path: '/v2/' }, 1_000))?.status === 200,
        failed: () => (daemon.exitReason !== undefined ? `docker-registry ${daemon.exitReason}` : undefined),
        timeoutMs: 20_000,
        describe: async (reason) => `registry in ${namespace} on ${address}:${port} did not answer: ${reason}\n${await daemon.logTail()}`,
      });
      return { address: `${address}:${port}`, logs: () => daemon.logs() };
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const daemon of daemons) await daemon.stop(5_000).catch(() => undefined);
      cleanup();
      unregister();
    },
  };
}
