/** `docker network ls / create / rm / connect / disconnect` and the prune of chosen unused networks. */
import type { NetworkCreateInput, NetworkList, NetworkPrunePlan, NetworkRow } from '../../../shared/network-list';
import { isBuiltinNetwork } from '../../../shared/network-list';
import { networkFormProblems } from '../../../shared/network-cidr';
import type { RemovalReport } from '../../../shared/volume-list';
import type { Clock } from '../clock';
import type { EngineApi } from '../engine/engine-api';
import { WharfError } from '../errors';
import { networkCreateFailure } from './create-failure';
import { containersByNetwork } from '../volumes/engine-containers';
import { removeEach } from '../volumes/remove-each';

export interface NetworksService {
  list(): Promise<NetworkList>;
  create(input: NetworkCreateInput): Promise<{ id: string }>;
  remove(refs: string[]): Promise<RemovalReport>;
  connect(network: string, container: string): Promise<null>;
  disconnect(network: string, container: string, force: boolean): Promise<null>;
  prunePlan(): Promise<NetworkPrunePlan>;
}

export function createNetworksService(engine: EngineApi, clock: Clock): NetworksService {
  async function rows(): Promise<NetworkRow[]> {
    const [networks, containers] = await Promise.all([engine.listNetworks(), engine.listContainers({ all: true })]);
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
        labels: n.Labels,
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
        const network = await engine.createNetwork(body);
        return { id: network.Id };
      } catch (error) {
        throw networkCreateFailure(error);
      }
    },

    async remove(refs) {
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
          await engine.removeNetwork(find(all, ref)?.id ?? ref);
        },
      );
    },

    async connect(network, container) {
      await engine.connectNetwork(network, container);
      return null;
    },

    async disconnect(network, container, force) {
      await engine.disconnectNetwork(network, container, force);
      return null;
    },

    async prunePlan() {
      return { networks: (await rows()).filter((r) => !r.builtin && r.containers.length === 0) };
    },
  };
}
