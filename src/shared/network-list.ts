/** The Networks page's data: `docker network ls` rows with their IPAM config and attached containers. */
import type { UsingContainer } from './volume-list';

export interface NetworkRow {
  /** Full ID (64 hex). */
  id: string;
  name: string;
  driver: string;
  scope: string;
  /** IPAM config entries in the engine's order. */
  subnets: string[];
  gateways: string[];
  internal: boolean;
  /** bridge, host and none: created by the engine, never removable. */
  builtin: boolean;
  labels: Record<string, string>;
  /** ISO date (Created). */
  created: string;
  /** Containers (running or not) whose settings name this network. */
  containers: UsingContainer[];
}

export interface NetworkList {
  rows: NetworkRow[];
  listedAt: number;
}

/** The unused custom networks a prune would remove. */
export interface NetworkPrunePlan {
  networks: NetworkRow[];
}

/** The networks every engine creates itself; `docker network rm` refuses them. */
export const BUILTIN_NETWORKS: readonly string[] = ['bridge', 'host', 'none'];

export function isBuiltinNetwork(name: string): boolean {
  return BUILTIN_NETWORKS.includes(name);
}

export interface NetworkCreateInput {
  name: string;
  driver: 'bridge';
  subnet?: string;
  gateway?: string;
  internal: boolean;
  labels: Record<string, string>;
}

/** `docker network create [--driver bridge] [--subnet S] [--gateway G] [--internal] [--label k=v]… NAME` as argv. */
export function networkCreateCommand(input: NetworkCreateInput): string[] {
  const argv = ['docker', 'network', 'create'];
  if (input.subnet) argv.push('--subnet', input.subnet);
  if (input.gateway) argv.push('--gateway', input.gateway);
  if (input.internal) argv.push('--internal');
  for (const [k, v] of Object.entries(input.labels)) argv.push('--label', `${k}=${v}`);
  argv.push(input.name);
  return argv;
}
