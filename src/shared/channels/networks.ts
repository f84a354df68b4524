/** Channels of the Networks page; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { NetworkList, NetworkPrunePlan } from '../network-list';
import type { RemovalReport } from '../volume-list';
import { OBJECT_REF } from '../engine-names';

/** A full or short ID, or a name (the engine resolves either). */
const ref = z.string().min(1).max(256).regex(OBJECT_REF);
const key = z.string().min(1).max(256).regex(/^[^=\s\0]+$/);
const ids = z.array(ref).min(1).max(5000);
const address = z.string().max(64).regex(/^[0-9a-fA-F.:/]*$/);

export const networkChannels = {
  /** `docker network ls` with subnets, gateways and the containers attached. */
  'networks.list': out<NetworkList>()(z.object({}).strict()),
  /** `docker network create` of a bridge network; the form is checked first (network-cidr.ts). Answers the new ID. */
  'networks.create': out<{ id: string }>()(
    z
      .object({
        name: z.string().min(1).max(128),
        driver: z.literal('bridge'),
        subnet: address.optional(),
        gateway: address.optional(),
        internal: z.boolean(),
        labels: z.record(key, z.string().max(4096).regex(/^[^\0]*$/)),
      })
      .strict(),
  ),
  /** `docker network rm`; built-in networks and networks with containers are refused (containers named). */
  'networks.remove': out<RemovalReport>()(z.object({ ids }).strict()),
  /** `docker network connect NETWORK CONTAINER`. */
  'networks.connect': out<null>()(z.object({ network: ref, container: ref }).strict()),
  /** `docker network disconnect [-f] NETWORK CONTAINER`. */
  'networks.disconnect': out<null>()(z.object({ network: ref, container: ref, force: z.boolean().optional() }).strict()),
  /** The custom networks no container uses; the prune dialog then calls networks.remove with exactly the chosen IDs
   * (never a wide prune call), so one that got a container since the plan is refused. */
  'networks.prunePlan': out<NetworkPrunePlan>()(z.object({}).strict()),
} as const;
