/** Channels of the Volumes page; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import { VOLUME_NAME, type RemovalReport, type VolumeList, type VolumePrunePlan, type VolumeUsage } from '../volume-list';
import { OBJECT_REF } from '../engine-names';

const volumeName = z.string().min(1).max(255).regex(OBJECT_REF);
const key = z.string().min(1).max(256).regex(/^[^=\s\0]+$/);
const pairs = z.record(key, z.string().max(4096).regex(/^[^\0]*$/));
const names = z.array(volumeName).min(1).max(5000);

export const volumeChannels = {
  /** `docker volume ls` with driver, mountpoint, labels and the containers mounting each. */
  'volumes.list': out<VolumeList>()(z.object({}).strict()),
  /** Size and reference count per volume (GET /system/df); expensive, asked for on demand. */
  'volumes.usage': out<VolumeUsage>()(z.object({}).strict()),
  /** `docker volume create`; answers the volume (its generated name when none was given). */
  'volumes.create': out<{ name: string }>()(
    z.object({ name: z.string().max(255).regex(VOLUME_NAME).optional(), driver: z.string().min(1).max(255).regex(/^[^\s\0]+$/), labels: pairs, options: pairs }).strict(),
  ),
  /** `docker volume rm NAME…`; a volume used by a container is refused (with the containers named), never forced. */
  'volumes.remove': out<RemovalReport>()(z.object({ names }).strict()),
  /** The unused volumes: anonymous ones (pruned by default) and named ones (only when chosen one by one). The prune
   * dialog then calls volumes.remove with exactly the chosen names (never a wide prune call), so one in use since the
   * plan is refused. */
  'volumes.prunePlan': out<VolumePrunePlan>()(z.object({}).strict()),
} as const;
