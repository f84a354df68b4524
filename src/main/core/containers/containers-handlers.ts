/** The containers.* channels: `docker ps`, lifecycle, inspect, rename, run. */
import type { containerChannels } from '../../../shared/channels/containers';
import type { Clock } from '../clock';
import type { HandlersOf } from '../dispatch';
import type { EngineApi } from '../engine/engine-api';
import type { TaskManager } from '../tasks/task-manager';
import type { EngineEndpoint } from '../../../shared/engine';
import { engineKindOf } from '../../../shared/engines';
import { runFile, type PrivilegeRunner } from '../privilege/privilege-runner';
import { runnerExecutor, tool } from '../registry-mirrors/controller';
import { DEFAULT_SYSTEM_DIRS } from '../setup/binaries';
import { logUsage, truncateLogs } from './container-logs';
import { createContainersService } from './containers-service';

export function containersHandlers(deps: { engine: EngineApi; tasks: TaskManager; clock: Clock; endpoint: EngineEndpoint; runner: PrivilegeRunner }): HandlersOf<typeof containerChannels> {
  const containers = createContainersService(deps.engine, deps.tasks, deps.clock);
  // A rootless engine's files are the user's own; the system engine's are root's.
  const asRoot = runnerExecutor(deps.runner);
  const exec = async ([binary = '', ...args]: string[]): Promise<unknown> => (deps.endpoint.source === 'rootless' ? runFile(binary, args) : asRoot([binary, ...args]));
  const truncateBinary = tool('truncate', DEFAULT_SYSTEM_DIRS, '/usr/bin/truncate');
  return {
    'containers.logUsage': ({ ids }) => logUsage(deps.engine, ids),
    'containers.truncateLogs': ({ ids }) => truncateLogs({ engine: deps.engine, tasks: deps.tasks, exec, truncateBinary, remote: engineKindOf(deps.endpoint.host) !== 'local' }, ids),
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
