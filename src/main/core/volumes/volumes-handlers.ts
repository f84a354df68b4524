/** The volumes.* channels: `docker volume ls / create / rm`, sizes on demand, the prune plan. */
import type { volumeChannels } from '../../../shared/channels/volumes';
import type { Clock } from '../clock';
import type { HandlersOf } from '../dispatch';
import type { EngineApi } from '../engine/engine-api';
import { createVolumesService } from './volumes-service';

export function volumesHandlers(deps: { engine: EngineApi; clock: Clock }): HandlersOf<typeof volumeChannels> {
  const volumes = createVolumesService(deps.engine, deps.clock);
  return {
    'volumes.list': () => volumes.list(),
    'volumes.usage': () => volumes.usage(),
    'volumes.create': (input) => volumes.create(input),
    'volumes.remove': ({ names }) => volumes.remove(names),
    'volumes.prunePlan': () => volumes.prunePlan(),
  };
}
