/** `docker volume ls / create / rm` and the prune of chosen unused volumes. */
import type { RemovalReport, VolumeList, VolumePrunePlan, VolumeRow, VolumeUsage } from '../../../shared/volume-list';
import { isAnonymousVolume } from '../../../shared/volume-list';
import type { Clock } from '../clock';
import { WharfError } from '../errors';
import type { EngineApi } from '../engine/engine-api';
import { containersByVolume } from './engine-containers';
import { removeEach } from './remove-each';

export interface VolumeCreateInput {
  name?: string;
  driver: string;
  labels: Record<string, string>;
  options: Record<string, string>;
}

export interface VolumesService {
  list(): Promise<VolumeList>;
  usage(): Promise<VolumeUsage>;
  create(input: VolumeCreateInput): Promise<{ name: string }>;
  remove(names: string[]): Promise<RemovalReport>;
  prunePlan(): Promise<VolumePrunePlan>;
}

export function createVolumesService(engine: EngineApi, clock: Clock): VolumesService {
  let usageInFlight: Promise<VolumeUsage> | undefined;

  async function rows(): Promise<VolumeRow[]> {
    const [volumes, containers] = await Promise.all([engine.listVolumes(), engine.listContainers({ all: true })]);
    const using = containersByVolume(containers);
    return volumes.map((v) => ({
      name: v.Name,
      driver: v.Driver,
      mountpoint: v.Mountpoint,
      scope: v.Scope ?? 'local',
      labels: v.Labels,
      created: v.CreatedAt ?? null,
      anonymous: isAnonymousVolume(v.Name, v.Labels),
      containers: using.get(v.Name) ?? [],
    }));
  }

  return {
    async list() {
      return { rows: await rows(), listedAt: clock.now() };
    },

    usage() {
      usageInFlight ??= (async (): Promise<VolumeUsage> => {
        const raw = await engine.diskUsage();
        const volumes: VolumeUsage['volumes'] = {};
        for (const v of raw.Volumes) volumes[v.Name] = { size: v.UsageData?.Size ?? -1, refCount: v.UsageData?.RefCount ?? -1 };
        return { volumes, measuredAt: clock.now() };
      })().finally(() => {
        usageInFlight = undefined;
      });
      return usageInFlight;
    },

    async create(input) {
      // The engine answers a create of an existing name with that volume, unchanged (docker volume create prints
      // its name as if it had made it). A user asking for a new volume is told instead, at the name field.
      if (input.name) {
        const existing = await engine.inspectVolume(input.name).catch((error: unknown) => {
          if (error instanceof WharfError && error.code === 'not-found') return null;
          throw error;
        });
        if (existing) throw new WharfError('conflict', `a volume named ${input.name} already exists: nothing was created`, { problems: { name: 'exists' } });
      }
      const created = await engine.createVolume({ Driver: input.driver, Labels: input.labels, DriverOpts: input.options, ...(input.name ? { Name: input.name } : {}) });
      return { name: created.Name || (input.name ?? '') };
    },

    async remove(names) {
      // Checked first so the refusal names the containers; the engine's own 409 still guards a race.
      const using = containersByVolume(await engine.listContainers({ all: true }));
      return removeEach(
        names,
        (name) => {
          const containers = using.get(name);
          return containers?.length ? { reason: 'in-use', containers: containers.map((c) => c.name) } : null;
        },
        async (name) => {
          await engine.removeVolume(name);
        },
      );
    },

    async prunePlan() {
      const unused = (await rows()).filter((r) => r.containers.length === 0);
      return { anonymous: unused.filter((r) => r.anonymous), named: unused.filter((r) => !r.anonymous) };
    },
  };
}
