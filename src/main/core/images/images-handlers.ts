/** The images.* channels: list, disk usage, remove, pull/push/tag, details, build, save/load/import. */
import type { imageChannels } from '../../../shared/channels/images';
import type { Clock } from '../clock';
import type { HandlersOf } from '../dispatch';
import type { EngineApi } from '../engine/engine-api';
import type { TaskManager } from '../tasks/task-manager';
import { createImageArchiveService } from './image-archive';
import { createImageBuildService } from './image-build';
import { createImageDetailsService } from './image-details';
import type { ImageLayersIndex } from './image-layers';
import { createImageRemoveService } from './image-remove';
import { createImageTransferService, type PrefixLookup } from './image-transfer';
import type { ImagesService } from './images-service';

export function imagesHandlers(deps: { engine: EngineApi; clock: Clock; tasks: TaskManager; images: ImagesService; layers: ImageLayersIndex; prefixes: PrefixLookup }): HandlersOf<typeof imageChannels> {
  const { engine, tasks, images } = deps;
  const build = createImageBuildService(engine, tasks);
  const archive = createImageArchiveService(engine, tasks);
  const details = createImageDetailsService(engine, deps.layers);
  const transfer = createImageTransferService(engine, tasks, deps.prefixes);
  const remove = createImageRemoveService({ engine, clock: deps.clock, tasks, diskUsage: () => images.diskUsage(), layers: deps.layers });
  return {
    'images.list': (input) => images.list(input),
    'images.format': (input) => images.format(input),
    'images.diskUsage': () => images.diskUsage(),
    'images.removePlan': ({ target }) => remove.plan(target),
    'images.remove': ({ items, force }) => remove.remove(items, force),
    'images.pull': ({ reference, mirror }) => transfer.pull(reference, mirror),
    'images.push': ({ reference }) => transfer.push(reference),
    'images.tag': ({ source, target }) => transfer.tag(source, target),
    'images.inspect': ({ image }) => details.details(image),
    'images.build': (input) => build.build(input),
    'images.save': (input) => archive.save(input),
    'images.load': (input) => archive.load(input),
    'images.import': (input) => archive.import(input),
  };
}
