import type { ImageDiskUsage, ImageList, ImageListInput } from '../../../shared/images';

export interface ImageFormatInput extends ImageListInput {
  digests?: boolean;
  format: string;
}
import { engineFiltersParam, imageListCommand } from '../../../shared/image-filters';
import type { CliFormatText } from '../../../shared/cli-format';
import type { Clock } from '../clock';
import { formatAnswer } from '../cli-format/cli-format';
import { formatImages } from './image-format';
import type { EngineApi } from '../engine/engine-api';
import { containersByImage, expandImageRows } from './images-rows';

export interface ImagesService {
  /** `docker image ls [-a] [-f …]`: the engine filters (as the CLI asks it to), Wharf only expands rows. */
  list(input: ImageListInput): Promise<ImageList>;
  /** `docker image ls --format`: the same list, printed as the CLI prints it. */
  format(input: ImageFormatInput): Promise<CliFormatText>;
  /** Per-image unique/shared size from GET /system/df; concurrent callers share one engine request. */
  diskUsage(): Promise<ImageDiskUsage>;
}

export function createImagesService(engine: EngineApi, clock: Clock): ImagesService {
  let dfInFlight: Promise<ImageDiskUsage> | undefined;
  return {
    async list(input) {
      // Query parameters exactly as the docker CLI sends them: all=1 only with -a, filters only when set.
      // With -a, untagged parents are listed too: the engine's own dangling=true (untagged images nothing is built
      // on) says which untagged rows are dangling and which are intermediate. Without -a it lists no parents.
      const [images, containers, dangling] = await Promise.all([
        engine.listImages({ all: input.all, filters: engineFiltersParam(input.filters) }),
        engine.listContainers({ all: true }),
        input.all ? engine.listImages({ all: true, filters: engineFiltersParam({ dangling: true }) }) : null,
      ]);
      const listedAt = clock.now();
      const danglingIds = dangling ? new Set(dangling.map((img) => img.Id)) : null;
      return { rows: expandImageRows(images, containersByImage(containers), danglingIds), command: imageListCommand(input), listedAt };
    },
    async format(input) {
      const images = await engine.listImages({ all: input.all, filters: engineFiltersParam(input.filters) });
      return formatAnswer(formatImages(images, { format: input.format, digests: input.digests ?? false }, clock.now()));
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
