import type { ImageDiskUsage, ImageList, ImageListInput } from '../../../shared/images';
import { engineFiltersParam, imageListCommand } from '../../../shared/image-filters';
import type { Clock } from '../clock';
import type { EngineConnection } from '../engine/connection';
import { containersByImage, expandImageRows, type RawContainerSummary, type RawImageSummary } from './images-rows';

export interface ImagesService {
  /** `docker image ls [-a] [-f …]`: the engine filters (as the CLI asks it to), Wharf only expands rows. */
  list(input: ImageListInput): Promise<ImageList>;
  /** Per-image unique/shared size from GET /system/df; concurrent callers share one engine request. */
  diskUsage(): Promise<ImageDiskUsage>;
}

/** GET /system/df's Images entries, as far as Wharf uses them. */
interface RawDfImage {
  Id: string;
  Size: number;
  SharedSize: number;
  Containers: number;
}

export function createImagesService(connection: EngineConnection, clock: Clock): ImagesService {
  let dfInFlight: Promise<ImageDiskUsage> | undefined;
  return {
    async list(input) {
      const docker = connection.client();
      // Query parameters exactly as the docker CLI sends them: all=1 only with -a, filters only when set.
      const query: Record<string, string> = {};
      if (input.all) query.all = '1';
      const filters = engineFiltersParam(input.filters);
      if (filters !== undefined) query.filters = filters;
      const [images, containers] = await Promise.all([
        docker.listImages(query) as Promise<RawImageSummary[]>,
        docker.listContainers({ all: true }) as Promise<RawContainerSummary[]>,
      ]);
      const listedAt = clock.now();
      return { rows: expandImageRows(images, containersByImage(containers)), command: imageListCommand(input), listedAt };
    },
    diskUsage() {
      dfInFlight ??= (async (): Promise<ImageDiskUsage> => {
        const raw = (await connection.client().df()) as { LayersSize?: number; Images?: RawDfImage[] | null };
        const images: ImageDiskUsage['images'] = {};
        for (const img of raw.Images ?? []) {
          const shared = img.SharedSize >= 0 ? img.SharedSize : 0;
          images[img.Id] = { size: img.Size, sharedSize: shared, uniqueSize: img.Size - shared, containers: img.Containers };
        }
        return { images, layersSize: raw.LayersSize ?? 0, measuredAt: clock.now() };
      })().finally(() => {
        dfInFlight = undefined;
      });
      return dfInFlight;
    },
  };
}
