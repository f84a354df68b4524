/** The Containers page's core: `docker ps`, lifecycle, inspect, rename, run. */
import type { ContainerActionInput, ContainerDetails, ContainerList, ContainerState, RunPlan } from '../../../shared/container-list';
import type { RunSpec } from '../../../shared/container-run';
import { CONTAINER_NAME } from '../../../shared/container-run-parse';
import type { CliFormatText } from '../../../shared/cli-format';
import type { TaskInfo } from '../../../shared/tasks';
import { formatAnswer } from '../cli-format/cli-format';
import type { Clock } from '../clock';
import type { EngineApi } from '../engine/engine-api';
import type { EngineContainerInspect } from '../engine/engine-types';
import { WharfError } from '../errors';
import type { TaskManager } from '../tasks/task-manager';
import { runContainerAction } from './container-actions';
import { checkContainerFormat, formatContainers } from './container-format';
import { containerRow } from './container-rows';
import { planRun, runSpec } from './container-run';

export interface ContainersService {
  list(all: boolean): Promise<ContainerList>;
  /** `docker ps [-a] --format`: checked first as the CLI does, listed with sizes when the template uses .Size. */
  format(all: boolean, format: string): Promise<CliFormatText>;
  action(input: ContainerActionInput): Promise<TaskInfo<'container-action'>>;
  inspect(id: string): Promise<ContainerDetails>;
  rename(id: string, name: string): Promise<null>;
  runPlan(spec: RunSpec): Promise<RunPlan>;
  run(spec: RunSpec): Promise<{ id: string }>;
  networks(): Promise<string[]>;
}

function details(raw: EngineContainerInspect): ContainerDetails {
  const ports = Object.entries(raw.NetworkSettings?.Ports ?? {}).flatMap(([key, bindings]) => {
    const [port, type] = key.split('/');
    const privatePort = Number(port);
    if (!bindings || bindings.length === 0) return [{ ip: '', privatePort, type: type ?? 'tcp' }];
    return bindings.map((b) => ({ ip: b.HostIp, publicPort: Number(b.HostPort), privatePort, type: type ?? 'tcp' }));
  });
  return {
    id: raw.Id,
    name: raw.Name.replace(/^\//, ''),
    image: raw.Config?.Image ?? '',
    state: (raw.State?.Status ?? 'created') as ContainerState,
    env: raw.Config?.Env ?? [],
    mounts: (raw.Mounts ?? []).map((m) => ({ type: m.Type, source: m.Source, destination: m.Destination, mode: m.Mode, rw: m.RW, ...(m.Name ? { name: m.Name } : {}) })),
    networks: Object.entries(raw.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
      name,
      ipAddress: n.IPAddress ?? '',
      gateway: n.Gateway ?? '',
      macAddress: n.MacAddress ?? '',
      aliases: n.Aliases ?? [],
    })),
    ports: ports.sort((a, b) => a.privatePort - b.privatePort),
    labels: raw.Config?.Labels ?? {},
    inspect: raw,
  };
}

export function createContainersService(engine: EngineApi, tasks: TaskManager, clock: Clock): ContainersService {
  return {
    async list(all) {
      const raw = await engine.listContainers({ all });
      return { rows: raw.map(containerRow), command: all ? ['docker', 'ps', '-a'] : ['docker', 'ps'], listedAt: clock.now() };
    },
    async format(all, format) {
      const check = checkContainerFormat(format);
      if (!check.ok) return formatAnswer(check);
      const raw = await engine.listContainers({ all, size: check.size });
      return formatAnswer(formatContainers(raw, format, check.size, clock.now()));
    },
    action: (input) => runContainerAction(engine, tasks, input),
    async inspect(id) {
      return details(await engine.inspectContainer(id));
    },
    async rename(id, name) {
      if (!CONTAINER_NAME.test(name)) throw new WharfError('invalid-input', `invalid container name "${name}": use letters, digits, _ . - (2 or more, starting with a letter or digit)`);
      await engine.renameContainer(id, name);
      return null;
    },
    runPlan: (spec) => planRun(engine, spec),
    run: (spec) => runSpec(engine, spec),
    async networks() {
      const raw = await engine.listNetworks();
      return raw.map((n) => n.Name).sort();
    },
  };
}
