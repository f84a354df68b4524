import type { EngineFacts } from '../../../shared/engine';
import type { EngineConnection } from './connection';

/** The subset of GET /info that the Dashboard shows. Field names are the Engine API's. */
interface EngineInfo {
  Name?: string;
  ServerVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  KernelVersion?: string;
  Architecture?: string;
  NCPU?: number;
  MemTotal?: number;
  Driver?: string;
  DockerRootDir?: string;
  CgroupDriver?: string;
  CgroupVersion?: string;
  SecurityOptions?: string[] | null;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  Warnings?: string[] | null;
  RegistryConfig?: {
    Mirrors?: string[] | null;
    InsecureRegistryCIDRs?: string[] | null;
    IndexConfigs?: Record<string, { Name: string; Secure: boolean }> | null;
  } | null;
}

/** Insecure registries as `docker info` lists them: non-secure index names, then the CIDRs. */
export function insecureRegistriesOf(info: EngineInfo): string[] {
  const registry = info.RegistryConfig;
  if (!registry) return [];
  const names = Object.values(registry.IndexConfigs ?? {})
    .filter((c) => !c.Secure)
    .map((c) => c.Name);
  return [...names, ...(registry.InsecureRegistryCIDRs ?? [])];
}

export async function readEngineFacts(connection: EngineConnection): Promise<EngineFacts> {
  const client = connection.client();
  const version = connection.version();
  const info = (await client.info()) as EngineInfo;
  return {
    name: info.Name ?? '',
    serverVersion: info.ServerVersion ?? version.Version,
    apiVersion: connection.status().apiVersion ?? version.ApiVersion,
    serverApiVersion: version.ApiVersion,
    minApiVersion: version.MinAPIVersion ?? '',
    operatingSystem: info.OperatingSystem ?? '',
    osType: info.OSType ?? version.Os,
    kernelVersion: info.KernelVersion ?? version.KernelVersion ?? '',
    architecture: info.Architecture ?? version.Arch,
    cpus: info.NCPU ?? 0,
    memTotal: info.MemTotal ?? 0,
    storageDriver: info.Driver ?? '',
    dockerRootDir: info.DockerRootDir ?? '',
    cgroupDriver: info.CgroupDriver ?? '',
    cgroupVersion: info.CgroupVersion ?? '',
    securityOptions: info.SecurityOptions ?? [],
    registryMirrors: info.RegistryConfig?.Mirrors ?? [],
    insecureRegistries: insecureRegistriesOf(info),
    containers: {
      total: info.Containers ?? 0,
      running: info.ContainersRunning ?? 0,
      paused: info.ContainersPaused ?? 0,
      stopped: info.ContainersStopped ?? 0,
    },
    images: info.Images ?? 0,
    warnings: info.Warnings ?? [],
  };
}
