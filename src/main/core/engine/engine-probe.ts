/**
 * Wharf's probe: a container that is never started, from an empty image, with the engine's containers folder
 * bind-mounted read-only. The engine stats paths in it for Wharf (HEAD /containers/{id}/archive works on a created
 * container's mounts), so the sizes of root-only files — container logs — are read without root, and for a remote
 * engine too. No executable is needed, so the image is a 1 KiB empty tar made here rather than a binary shipped in
 * resources/. Both carry the io.wharf.probe label, which no list, count, size or event shows, and both are removed
 * when the work ends, however it ends. Each probe has a tag of its own: probes at the same time (two pages measuring
 * logs) must not move one tag between their images — the first to finish would remove the other's image, or leave
 * its own untagged for good.
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { EngineApi } from './engine-api';
import { PROBE_IMAGE, PROBE_LABEL } from './engine-normalize';

/** An empty tar archive: two zero blocks. */
const EMPTY_ROOTFS = Buffer.alloc(1024);

export interface Probe {
  /** The size of a file under the engine's containers folder (an absolute host path in it); undefined: no such file. */
  sizeOf(hostPath: string): Promise<number | undefined>;
  /** The probe's own log settings: what the engine gives a container created now (its log-driver and log-opts). */
  logConfig(): Promise<{ Type?: string; Config?: Record<string, string> | null }>;
}

/**
 * Runs `work` with a probe on `containersDir` (the engine's <DockerRootDir>/containers), then removes it. A path
 * outside that folder is never asked for.
 */
export async function withProbe<T>(engine: EngineApi, containersDir: string, work: (probe: Probe) => Promise<T>): Promise<T> {
  const tag = randomBytes(6).toString('hex');
  const image = `${PROBE_IMAGE}:${tag}`;
  await engine.importImage(EMPTY_ROOTFS, PROBE_IMAGE, tag, [`LABEL ${PROBE_LABEL}=1`, 'CMD ["/wharf-probe"]']);
  let id: string | undefined;
  try {
    ({ Id: id } = await engine.createContainer({
      name: `wharf-probe-${randomBytes(6).toString('hex')}`,
      Image: image,
      Labels: { [PROBE_LABEL]: '1' },
      NetworkDisabled: true,
      // No LogConfig of its own: it gets the engine's defaults, which logConfig() reports.
      HostConfig: { Binds: [`${containersDir}:/c:ro`], NetworkMode: 'none' },
    }));
    const probeId = id;
    return await work({
      sizeOf: async (hostPath) => {
        const rel = posix.relative(containersDir, posix.normalize(hostPath));
        if (rel === '' || rel.startsWith('..') || posix.isAbsolute(rel)) return undefined;
        return (await engine.statContainerPath(probeId, `/c/${rel}`))?.size;
      },
      logConfig: async () => (await engine.inspectContainer(probeId)).HostConfig?.LogConfig ?? {},
    });
  } finally {
    if (id !== undefined) await engine.removeContainer(id, { volumes: false, force: true }).catch(() => undefined);
    await engine.removeImage(image, { force: false, noprune: false }).catch(() => undefined);
    await removeUntaggedProbes(engine);
  }
}

/**
 * Probe images that lost their tag (Wharf before each probe had its own tag: two at once left one behind). Tagged
 * ones may be another probe's, still at work; an untagged one is no probe's any more. The engine refuses (force off)
 * one a container still uses.
 */
async function removeUntaggedProbes(engine: EngineApi): Promise<void> {
  const left = await engine.listImages({ all: true, filters: JSON.stringify({ label: [PROBE_LABEL], dangling: ['true'] }), probes: true }).catch(() => []);
  for (const img of left) await engine.removeImage(img.Id, { force: false, noprune: false }).catch(() => undefined);
}
