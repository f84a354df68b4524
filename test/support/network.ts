import fs from 'node:fs';
import path from 'node:path';
import { BRIDGE_NET_PREFIX, BRIDGE_PREFIX, IP, IPTABLES, POOL_NET_PREFIX, netLockDir } from './constants';
import { cidrsOverlap } from './cidr';
import { runSync } from './exec';

export interface BridgeInfo {
  name: string;
  /** e.g. '10.213.7.0/24' */
  cidr: string;
  /** e.g. '10.213.7.1' (the bridge's own address, containers' default route) */
  gateway: string;
}

export function bridgeCidr(index: number): string {
  return `${BRIDGE_NET_PREFIX}.${index}.0/24`;
}

/** The engine's `default-address-pools` base: user-defined networks get /28s from here. */
export function poolCidr(index: number): string {
  return `${POOL_NET_PREFIX}.${index}.0/24`;
}

interface InterfaceAddress {
  dev: string;
  cidr: string;
}

/** All IPv4 addresses (as prefixes) on all interfaces. */
export function interfaceAddresses(): InterfaceAddress[] {
  const out = runSync(IP, ['-4', '-o', 'addr', 'show']).stdout;
  const result: InterfaceAddress[] = [];
  for (const line of out.split('\n')) {
    const match = /^\d+:\s+(\S+)\s+inet\s+(\S+)/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) result.push({ dev: match[1], cidr: match[2] });
  }
  return result;
}

/** Every IPv4 prefix in use on this host: routes in all tables plus interface addresses. */
function prefixesInUse(): string[] {
  const routes = runSync(IP, ['-4', 'route', 'show', 'table', 'all']).stdout;
  const prefixes: string[] = [];
  for (const line of routes.split('\n')) {
    const words = line.trim().split(/\s+/);
    // Lines look like "[type] PREFIX dev …"; skip default routes and types (local, broadcast…).
    const prefix = words.find((word) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(word));
    if (prefix !== undefined && words[0] !== 'default') prefixes.push(prefix);
  }
  return [...prefixes, ...interfaceAddresses().map((address) => address.cidr)];
}

function lockPath(index: number): string {
  return path.join(netLockDir(), String(index));
}

/**
 * Reserves a free index n so that 10.213.n.0/24 (bridge) and 10.214.n.0/24 (network pools) collide
 * with no route or address on the host and with no other live harness (exclusive lock file).
 */
export function reserveSubnetIndex(ownerDir: string): number {
  fs.mkdirSync(netLockDir(), { recursive: true });
  const inUse = prefixesInUse();
  const candidates = Array.from({ length: 254 }, (_unused, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const index of candidates) {
    if (inUse.some((prefix) => cidrsOverlap(prefix, bridgeCidr(index)) || cidrsOverlap(prefix, poolCidr(index)))) {
      continue;
    }
    try {
      fs.writeFileSync(lockPath(index), JSON.stringify({ dir: ownerDir }), { flag: 'wx' });
      return index;
    } catch {
      // taken by another harness; try the next one
    }
  }
  throw new Error(`no free ${BRIDGE_NET_PREFIX}.x.0/24 subnet (see ${netLockDir()} and \`ip -4 route\`)`);
}

/** Releases a reservation, only if it still belongs to ownerDir. Never throws. */
export function releaseSubnetIndex(index: number, ownerDir: string): void {
  try {
    const holder = JSON.parse(fs.readFileSync(lockPath(index), 'utf8')) as { dir?: unknown };
    if (holder.dir === ownerDir) fs.rmSync(lockPath(index), { force: true });
  } catch {
    // no lock
  }
}

/** Lock files whose owner directory no longer exists (left by a crash between reserve and release). */
export function orphanedSubnetLocks(minAgeMs: number): number[] {
  let names: string[];
  try {
    names = fs.readdirSync(netLockDir());
  } catch {
    return [];
  }
  const orphans: number[] = [];
  for (const name of names) {
    try {
      const file = path.join(netLockDir(), name);
      const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as { dir?: unknown };
      const young = Date.now() - fs.statSync(file).mtimeMs < minAgeMs;
      if (!young && (typeof holder.dir !== 'string' || !fs.existsSync(holder.dir))) orphans.push(Number(name));
    } catch {
      // vanished or being written
    }
  }
  return orphans.filter((index) => Number.isInteger(index));
}

export function forceReleaseSubnetIndex(index: number): void {
  fs.rmSync(lockPath(index), { force: true });
}

/** A bridge name derived from the harness dir's random suffix: `wharf-XXXXXX` (≤ 15 chars). */
export function bridgeNameFor(dir: string): string {
  const suffix = path.basename(dir).split('-').pop() ?? '';
  return `${BRIDGE_PREFIX}-${suffix}`.slice(0, 15);
}

/** Creates, addresses and brings up a bridge; allows forwarding between its ports. */
export function createBridge(name: string, index: number): BridgeInfo {
  const gateway = `${BRIDGE_NET_PREFIX}.${index}.1`;
  const steps: string[][] = [
    ['link', 'add', name, 'type', 'bridge'],
    ['addr', 'add', `${gateway}/24`, 'dev', name],
    ['link', 'set', name, 'up'],
  ];
  for (const step of steps) {
    const result = runSync(IP, step);
    if (result.code !== 0) {
      deleteBridge(name);
      throw new Error(`ip ${step.join(' ')} failed: ${result.stderr.trim()}`);
    }
  }
  // Container-to-container traffic on a bridge passes FORWARD when br_netfilter is loaded. Best effort.
  runSync(IPTABLES, ['-I', 'FORWARD', '-i', name, '-o', name, '-j', 'ACCEPT']);
  return { name, cidr: bridgeCidr(index), gateway };
}

/** Deletes a bridge and its FORWARD rule(s). Never throws; fine if they do not exist. */
export function deleteBridge(name: string): void {
  for (let i = 0; i < 10; i += 1) {
    if (runSync(IPTABLES, ['-D', 'FORWARD', '-i', name, '-o', name, '-j', 'ACCEPT']).code !== 0) break;
  }
  runSync(IP, ['link', 'del', 'dev', name]);
}

/** Deletes interfaces the engine made for user-defined networks (addresses in its pool). Never throws. */
export function deletePoolInterfaces(index: number): void {
  for (const address of interfaceAddresses()) {
    if (cidrsOverlap(address.cidr, poolCidr(index))) runSync(IP, ['link', 'del', 'dev', address.dev]);
  }
}

/** Exactly the names bridgeNameFor() makes (mkdtemp's 6-char suffix), so other `wharf…` interfaces are never touched. */
const HARNESS_BRIDGE_NAME = new RegExp(`^${BRIDGE_PREFIX}-[A-Za-z0-9]{6}$`);

/** Bridges named like harness bridges. */
export function harnessBridges(): string[] {
  const out = runSync(IP, ['-o', 'link', 'show', 'type', 'bridge']).stdout;
  const names: string[] = [];
  for (const line of out.split('\n')) {
    const name = /^\d+:\s+([^:@\s]+)/.exec(line)?.[1];
    if (name !== undefined && HARNESS_BRIDGE_NAME.test(name)) names.push(name);
  }
  return names;
}
