import type { ImageDiskUsage, ImageList, ImageListInput } from '../../../shared/images';
import { engineFiltersParam, imageListCommand } from '../../../shared/image-filters';
import type { Clock } from '../clock';
import type { EngineApi } from '../engine/engine-api';
import { containersByImage, expandImageRows } from './images-rows';

export interface ImagesService {
  /** `docker image ls [-a] [-f …]`: the engine filters (as the CLI asks it to), Wharf only expands rows. */
  list(input: ImageListInput): Promise<ImageList>;
  /** Per-image unique/shared size from GET /system/df; concurrent callers share one engine request. */
  diskUsage(): Promise<ImageDiskUsage>;
}

export function createImagesService(engine: EngineApi, clock: Clock): ImagesService {
  let dfInFlight: Promise<ImageDiskUsage> | undefined;
  return {
    async list(input) {
      // Query parameters exactly as the docker CLI sends them: all=1 only with -a, filters only when set.
      const [images, containers] = await Promise.all([engine.listImages({ all: input.all, filters: engineFiltersParam(input.filters) }), engine.listContainers({ all: true })]);
      const listedAt = clock.now();
      return { rows: expandImageRows(images, containersByImage(containers)), command: imageListCommand(input), listedAt };
    },
    diskUsage() {
      dfInFlight ??= (async (): Promise<ImageDiskUsage> => {
        const raw = await engine.diskUsage();
        const images: ImageDiskUsage['images'] = {};
        for (const img of raw.Images) {
          const shared = img.SharedSize >= 0 ? img.SharedSize : 0;
          images[img.Id] = { size: img.Size, sharedSize: shared, uniqueSize: img.Size - shared, containers: img.Containers };
        }
        return { images, layersSize: raw.LayersSize, measuredAt: clock.now() };
      })().finally(() => {
        dfInFlight = undefined;
      });
      return dfInFlight;
    },
  };
}
