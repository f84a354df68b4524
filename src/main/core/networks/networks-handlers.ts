/** The networks.* channels: `docker network ls / create / rm / connect / disconnect`, the prune plan. */
import type { networkChannels } from '../../../shared/channels/networks';
import type { Clock } from '../clock';
import type { HandlersOf } from '../dispatch';
import type { EngineApi } from '../engine/engine-api';
import { createNetworksService } from './networks-service';

export function networksHandlers(deps: { engine: EngineApi; clock: Clock }): HandlersOf<typeof networkChannels> {
  const networks = createNetworksService(deps.engine, deps.clock);
  return {
    'networks.list': () => networks.list(),
    'networks.create': (input) => networks.create(input),
    'networks.remove': ({ ids }) => networks.remove(ids),
    'networks.connect': ({ network, container }) => networks.connect(network, container),
    'networks.disconnect': ({ network, container, force }) => networks.disconnect(network, container, force ?? false),
    'networks.prunePlan': () => networks.prunePlan(),
  };
}
