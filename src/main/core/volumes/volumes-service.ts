/** `docker volume ls / create / rm` and the prune of chosen unused volumes. */
import type { RemovalReport, VolumeList, VolumePrunePlan, VolumeRow, VolumeUsage } from '../../../shared/volume-list';
import { isAnonymousVolume } from '../../../shared/volume-list';
import type { Clock } from '../clock';
import type { EngineConnection } from '../engine/connection';
import { containersByVolume, type RawContainer } from './engine-containers';
import { removeEach } from './remove-each';

interface RawVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  Scope?: string;
  Labels?: Record<string, string> | null;
  CreatedAt?: string;
}

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

export function createVolumesService(connection: EngineConnection, clock: Clock): VolumesService {
  let usageInFlight: Promise<VolumeUsage> | undefined;

  async function rows(): Promise<VolumeRow[]> {
    const docker = connection.client();
    const [answer, containers] = await Promise.all([
      docker.listVolumes() as Promise<{ Volumes?: RawVolume[] | null }>,
      docker.listContainers({ all: true }) as Promise<RawContainer[]>,
    ]);
    const using = containersByVolume(containers);
    return (answer.Volumes ?? []).map((v) => ({
      name: v.Name,
      driver: v.Driver,
      mountpoint: v.Mountpoint,
      scope: v.Scope ?? 'local',
      labels: v.Labels ?? {},
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
        const raw = (await connection.client().df()) as { Volumes?: Array<{ Name: string; UsageData?: { Size: number; RefCount: number } | null }> | null };
        const volumes: VolumeUsage['volumes'] = {};
        for (const v of raw.Volumes ?? []) volumes[v.Name] = { size: v.UsageData?.Size ?? -1, refCount: v.UsageData?.RefCount ?? -1 };
        return { volumes, measuredAt: clock.now() };
      })().finally(() => {
        usageInFlight = undefined;
      });
      return usageInFlight;
    },

    async create(input) {
      const body: Record<string, unknown> = { Driver: input.driver, Labels: input.labels, DriverOpts: input.options };
      if (input.name) body.Name = input.name;
      const created = (await connection.client().createVolume(body)) as { Name?: string; name?: string };
      return { name: created.Name ?? created.name ?? input.name ?? '' };
    },

    async remove(names) {
      const docker = connection.client();
      // Checked first so the refusal names the containers; the engine's own 409 still guards a race.
      const using = containersByVolume((await docker.listContainers({ all: true })) as RawContainer[]);
      return removeEach(
        names,
        (name) => {
          const containers = using.get(name);
          return containers?.length ? { reason: 'in-use', containers: containers.map((c) => c.name) } : null;
        },
        async (name) => {
          await docker.getVolume(name).remove();
        },
      );
    },

    async prunePlan() {
      const unused = (await rows()).filter((r) => r.containers.length === 0);
      return { anonymous: unused.filter((r) => r.anonymous), named: unused.filter((r) => !r.anonymous) };
    },
  };
}
