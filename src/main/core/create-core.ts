import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { AppInfo } from '../../shared/channels/engine';
import type { EngineEndpoint } from '../../shared/engine';
import type { Envelope } from '../../shared/errors';
import type { Clock } from './clock';
import { stderrLogger, type Logger } from './log';
import { dispatch, type Handlers } from './dispatch';
import { createEngineConnection, type EngineConnection } from './engine/connection';
import { createEngineApi } from './engine/engine-api';
import type { DockerClientFactory } from './engine/docker-client';
import { engineHandlers } from './engine/engine-handlers';
import { resolveEndpoint } from './engine/resolve-endpoint';
import { createEventBus, type EventListener } from './event-bus';
import { withCommandLog } from './privilege/logged-runner';
import type { PrivilegeRunner } from './privilege/privilege-runner';
import { cleanupHandlers } from './cleanup/cleanup-handlers';
import { containersHandlers } from './containers/containers-handlers';
import { createImageLayersIndex } from './images/image-layers';
import { imagesHandlers } from './images/images-handlers';
import { createImagesService } from './images/images-service';
import { networksHandlers } from './networks/networks-handlers';
import { registryAccessHandlers } from './registry-access/registry-access-handlers';
import type { RegistryAccessOptions } from './registry-access/registry-access-service';
import { registryMirrorsHandlers } from './registry-mirrors/registry-mirrors-handlers';
import type { RegistryMirrorsOptions } from './registry-mirrors/registry-mirrors-service';
import { setupHandlers } from './setup/setup-handlers';
import type { SetupOptions } from './setup/setup-service';
import { containerExecHandler } from './streams/container-exec';
import { containerLogsHandler } from './streams/container-logs';
import { containerStatsHandler } from './streams/container-stats';
import { connectStreams, type StreamConnection, type StreamHandlers, type StreamOut } from './streams/stream-hub';
import { createTaskManager, type TaskManager } from './tasks/task-manager';
import { tasksHandlers } from './tasks/tasks-handlers';
import { volumesHandlers } from './volumes/volumes-handlers';

/** Everything the core needs from outside; Electron and web mode pass their own, tests pass theirs. */
export interface CoreDeps {
  app: AppInfo;
  /** --docker-host; otherwise resolved from env and ~/.docker like the docker CLI. */
  dockerHost?: string;
  env: Record<string, string | undefined>;
  paths: { home: string };
  clock: Clock;
  createDockerClient: DockerClientFactory;
  privilegeRunner: PrivilegeRunner;
  backoff?: { initialMs: number; maxMs: number };
  /** The setup wizard's seams (service controller, identity, search dirs); production passes none. */
  setup?: SetupOptions;
  /** The Registries page's seams (daemon.json path, engine controller); production passes none. */
  registryMirrors?: RegistryMirrorsOptions;
  /** Logins, speed test and browsing (docker CLI config folder); production passes none. */
  registryAccess?: RegistryAccessOptions;
  /** Where failed calls are logged: wharf.log (log-file.ts) in production; stderr unless told otherwise. */
  logger?: Logger;
  /** Desktop only: show wharf.log's folder in the file manager; absent in web mode. */
  openLogFolder?: () => Promise<void>;
  /** Desktop only: restart Wharf under the group (sg) so a new membership applies now; absent in web mode. */
  relaunchWithGroup?: (group: string) => void;
}

export interface Core {
  /** Validate and run one channel call; always answers an envelope. */
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: EventListener): () => void;
  /** Streams (logs…) for one page connection; its `out` carries the stream messages back to that page. */
  connectStreams(out: StreamOut): StreamConnection;
  /** Resolve the endpoint and make the first connection attempt (never rejects for engine trouble). */
  start(): Promise<void>;
  stop(): void;
  readonly connection: EngineConnection;
  readonly tasks: TaskManager;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // no such file: resolveEndpoint says what that means (default context, or a coded not-found)
  }
}

/** docker or dockerd anywhere on PATH or in the usual places: tells "not running" from "not installed". */
function dockerInstalled(env: Record<string, string | undefined>): () => boolean {
  return () => {
    const dirs = new Set([...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/usr/sbin', '/usr/local/bin', '/snap/bin']);
    return [...dirs].some((dir) => existsSync(join(dir, 'dockerd')) || existsSync(join(dir, 'docker')));
  };
}

/**
 * A broken context (missing meta, bad JSON) must not stop the app: the shell shows it as an unreachable
 * engine with the reason, as the docker CLI would print it.
 */
function resolveOrReport(deps: CoreDeps): { endpoint: EngineEndpoint; createClient: DockerClientFactory } {
  try {
    const endpoint = resolveEndpoint({ flagHost: deps.dockerHost, env: deps.env, homeDir: deps.paths.home, readFile: readText, exists: existsSync });
    return { endpoint, createClient: deps.createDockerClient };
  } catch (error) {
    const contextName = deps.env.DOCKER_CONTEXT;
    const endpoint: EngineEndpoint = { host: '', source: contextName ? 'DOCKER_CONTEXT' : 'config-context', contextName };
    return {
      endpoint,
      createClient: () => {
        throw error;
      },
    };
  }
}

export function createCore(deps: CoreDeps): Core {
  const logger = deps.logger ?? stderrLogger;
  // Every command run as root leaves a line in wharf.log (argv, exit code, duration; never its stdin).
  const runner = withCommandLog(deps.privilegeRunner, logger, deps.clock);
  const bus = createEventBus();
  const { endpoint, createClient } = resolveOrReport(deps);
  const connection = createEngineConnection({
    endpoint,
    createClient,
    clock: deps.clock,
    bus,
    probe: { exists: existsSync, dockerInstalled: dockerInstalled(deps.env) },
    backoff: deps.backoff,
  });
  const engine = createEngineApi(connection);
  const tasks = createTaskManager({ clock: deps.clock, onUpdate: (task) => bus.emit({ type: 'task.update', task }) });
  const { clock, env } = deps;
  const home = deps.paths.home;
  // Shared between areas: the image list's disk usage (image removal plans with it) and the layer index (cleanup too).
  const images = createImagesService(engine, clock);
  const layers = createImageLayersIndex(engine);

  const handlers: Handlers = {
    ...engineHandlers({ app: deps.app, connection, engine, clock, logger, openLogFolder: deps.openLogFolder }),
    ...tasksHandlers(tasks),
    ...imagesHandlers({ engine, clock, tasks, images, layers }),
    ...cleanupHandlers({ engine, clock, tasks, layers }),
    ...setupHandlers({ env, endpoint, createClient, connection, tasks, runner, clock, options: deps.setup, relaunchWithGroup: deps.relaunchWithGroup }),
    ...containersHandlers({ engine, tasks, clock }),
    ...registryMirrorsHandlers({ endpoint, engine, connection, tasks, runner, clock, env, home, logger, options: deps.registryMirrors }),
    ...registryAccessHandlers({ engine, tasks, env, home, options: deps.registryAccess }),
    ...volumesHandlers({ engine, clock }),
    ...networksHandlers({ engine, clock }),
  };

  const streamHandlers: StreamHandlers = {
    'containers.logs': containerLogsHandler(engine),
    'containers.exec': containerExecHandler(engine),
    'containers.stats': containerStatsHandler(engine),
  };

  return {
    invoke: (channel, input) => dispatch(handlers, channel, input, logger),
    subscribe: (listener) => bus.subscribe(listener),
    connectStreams: (out) => connectStreams(streamHandlers, out),
    start: async () => {
      await connection.start();
    },
    stop: () => connection.stop(),
    connection,
    tasks,
  };
}
