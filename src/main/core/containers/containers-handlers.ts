/** The containers.* channels: `docker ps`, lifecycle, inspect, rename, run. */
import type { containerChannels } from '../../../shared/channels/containers';
import type { Clock } from '../clock';
import type { HandlersOf } from '../dispatch';
import type { EngineApi } from '../engine/engine-api';
import type { TaskManager } from '../tasks/task-manager';
import { createContainersService } from './containers-service';

export function containersHandlers(deps: { engine: EngineApi; tasks: TaskManager; clock: Clock }): HandlersOf<typeof containerChannels> {
  const containers = createContainersService(deps.engine, deps.tasks, deps.clock);
  return {
    'containers.list': ({ all }) => containers.list(all),
    'containers.format': ({ all, format }) => containers.format(all, format),
    'containers.action': (input) => containers.action(input),
    'containers.inspect': ({ id }) => containers.inspect(id),
    'containers.rename': ({ id, name }) => containers.rename(id, name),
    'containers.runPlan': ({ spec }) => containers.runPlan(spec),
    'containers.run': ({ spec }) => containers.run(spec),
    'containers.networks': () => containers.networks(),
  };
}
