/** `docker network ls / create / rm / connect / disconnect` and the prune of chosen unused networks. */
import type { NetworkCreateInput, NetworkList, NetworkPrunePlan, NetworkRow } from '../../../shared/network-list';
import { isBuiltinNetwork } from '../../../shared/network-list';
import { networkFormProblems } from '../../../shared/network-cidr';
import type { RemovalReport } from '../../../shared/volume-list';
import type { Clock } from '../clock';
import type { EngineConnection } from '../engine/connection';
import { WharfError } from '../errors';
import { networkCreateFailure } from './create-failure';
import { containersByNetwork, type RawContainer } from '../volumes/engine-containers';
import { removeEach } from '../volumes/remove-each';

interface RawNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Scope: string;
  Created: string;
  Internal?: boolean;
  Labels?: Record<string, string> | null;
  IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string }> | null } | null;
}

export interface NetworksService {
  list(): Promise<NetworkList>;
  create(input: NetworkCreateInput): Promise<{ id: string }>;
  remove(refs: string[]): Promise<RemovalReport>;
  connect(network: string, container: string): Promise<null>;
  disconnect(network: string, container: string, force: boolean): Promise<null>;
  prunePlan(): Promise<NetworkPrunePlan>;
}

export function createNetworksService(connection: EngineConnection, clock: Clock): NetworksService {
  async function rows(): Promise<NetworkRow[]> {
    const docker = connection.client();
    const [networks, containers] = await Promise.all([docker.listNetworks() as Promise<RawNetwork[]>, docker.listContainers({ all: true }) as Promise<RawContainer[]>]);
    const using = containersByNetwork(containers);
    return networks.map((n) => {
      const config = n.IPAM?.Config ?? [];
      return {
        id: n.Id,
        name: n.Name,
        driver: n.Driver,
        scope: n.Scope,
        subnets: config.map((c) => c.Subnet ?? '').filter(Boolean),
        gateways: config.map((c) => c.Gateway ?? '').filter(Boolean),
        internal: n.Internal ?? false,
        builtin: isBuiltinNetwork(n.Name),
        labels: n.Labels ?? {},
        created: n.Created,
        containers: using.get(n.Id) ?? [],
      };
    });
  }

  /** A row by what the user typed: full ID, name, or a unique ID prefix (as the engine resolves them). */
  function find(all: readonly NetworkRow[], ref: string): NetworkRow | undefined {
    const exact = all.find((r) => r.id === ref) ?? all.find((r) => r.name === ref);
    if (exact) return exact;
    const prefixed = all.filter((r) => r.id.startsWith(ref));
    return prefixed.length === 1 ? prefixed[0] : undefined;
  }

  return {
    async list() {
      return { rows: await rows(), listedAt: clock.now() };
    },

    async create(input) {
      const problems = networkFormProblems(input, isBuiltinNetwork);
      const fields = Object.keys(problems);
      if (fields.length > 0) {
        throw new WharfError('invalid-input', fields.map((f) => `${f}: ${problems[f as keyof typeof problems]}`).join('; '), { problems });
      }
      const subnet = input.subnet?.trim();
      const gateway = input.gateway?.trim();
      const body = {
        Name: input.name.trim(),
        Driver: input.driver,
        CheckDuplicate: true,
        Internal: input.internal,
        Labels: input.labels,
        ...(subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: subnet, ...(gateway ? { Gateway: gateway } : {}) }] } } : {}),
      };
      try {
        const network = (await connection.client().createNetwork(body)) as { id: string };
        return { id: network.id };
      } catch (error) {
        throw networkCreateFailure(error);
      }
    },

    async remove(refs) {
      const docker = connection.client();
      const all = await rows();
      return removeEach(
        refs,
        (ref) => {
          const row = find(all, ref);
          // Built-in networks are refused by name or ID before the engine is asked.
          if (row?.builtin || (!row && isBuiltinNetwork(ref))) return { reason: 'builtin' };
          if (row && row.containers.length > 0) return { reason: 'in-use', containers: row.containers.map((c) => c.name) };
          return null;
        },
        async (ref) => {
          await docker.getNetwork(find(all, ref)?.id ?? ref).remove();
        },
      );
    },

    async connect(network, container) {
      await connection.client().getNetwork(network).connect({ Container: container });
      return null;
    },

    async disconnect(network, container, force) {
      await connection.client().getNetwork(network).disconnect({ Container: container, Force: force });
      return null;
    },

    async prunePlan() {
      return { networks: (await rows()).filter((r) => !r.builtin && r.containers.length === 0) };
    },
  };
}
