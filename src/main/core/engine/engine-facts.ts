import type { EngineFacts } from '../../../shared/engine';
import type { EngineApi } from './engine-api';
import type { EngineInfo } from './engine-types';

/** Insecure registries as `docker info` lists them: non-secure index names, then the CIDRs. */
export function insecureRegistriesOf(info: EngineInfo): string[] {
  const registry = info.RegistryConfig;
  if (!registry) return [];
  const names = Object.values(registry.IndexConfigs ?? {})
    .filter((c) => !c.Secure)
    .map((c) => c.Name ?? '')
    .filter((name) => name !== '');
  return [...names, ...(registry.InsecureRegistryCIDRs ?? [])];
}

export async function readEngineFacts(engine: EngineApi): Promise<EngineFacts> {
  const version = engine.version();
  const info = await engine.info();
  return {
    name: info.Name ?? '',
    serverVersion: info.ServerVersion ?? version.Version,
    apiVersion: engine.apiVersion(),
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
