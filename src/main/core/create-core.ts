import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { AppInfo } from '../../shared/channels/engine';
import type { EngineEndpoint } from '../../shared/engine';
import type { Envelope } from '../../shared/errors';
import type { Clock } from './clock';
import { collectDiagnostics } from './app-diagnostics';
import { stderrLogger, type Logger } from './log';
import { dispatch, type Handlers } from './dispatch';
import { WharfError } from './errors';
import { createEngineConnection, type EngineConnection } from './engine/connection';
import type { DockerClientFactory } from './engine/docker-client';
import { resolveEndpoint } from './engine/resolve-endpoint';
import { createEventBus, type EventListener } from './event-bus';
import { withCommandLog } from './privilege/logged-runner';
import type { PrivilegeRunner } from './privilege/privilege-runner';
import { createDiskUsageService } from './system/disk-usage';
import { createCleanupService } from './cleanup/cleanup-service';
import { readEngineFacts } from './engine/engine-facts';
import { createImageLayersIndex } from './images/image-layers';
import { createImageRemoveService } from './images/image-remove';
import { createImageDetailsService } from './images/image-details';
import { createImagesService } from './images/images-service';
import { createImageArchiveService } from './images/image-archive';
import { createImageBuildService } from './images/image-build';
import { createImageTransferService } from './images/image-transfer';
import { createNetworksService } from './networks/networks-service';
import { createVolumesService } from './volumes/volumes-service';
import { containerExecHandler } from './streams/container-exec';
import { containerLogsHandler } from './streams/container-logs';
import { containerStatsHandler } from './streams/container-stats';
import { createContainersService } from './containers/containers-service';
import { connectStreams, type StreamConnection, type StreamHandlers, type StreamOut } from './streams/stream-hub';
import { createSetupService, type SetupOptions } from './setup/setup-service';
import { createTaskManager, type TaskManager } from './tasks/task-manager';
import { createRegistryMirrorsService, type RegistryMirrorsOptions } from './registry-mirrors/registry-mirrors-service';
import { createRegistryAccessService, type RegistryAccessOptions } from './registry-access/registry-access-service';

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
  const tasks = createTaskManager({ clock: deps.clock, onUpdate: (task) => bus.emit({ type: 'task.update', task }) });
  const diskUsage = createDiskUsageService(connection, deps.clock);
  const images = createImagesService(connection, deps.clock);
  const imageBuild = createImageBuildService(connection, tasks);
  const imageArchive = createImageArchiveService(connection, tasks);
  const imageLayers = createImageLayersIndex(connection);
  const imageDetails = createImageDetailsService(connection, imageLayers);
  const imageTransfer = createImageTransferService(connection, tasks);
  const containers = createContainersService(connection, tasks, deps.clock);
  const volumes = createVolumesService(connection, deps.clock);
  const networks = createNetworksService(connection, deps.clock);
  const imageRemove = createImageRemoveService({ connection, clock: deps.clock, tasks, diskUsage: () => images.diskUsage(), layers: imageLayers });
  const cleanup = createCleanupService({ connection, clock: deps.clock, tasks, layers: imageLayers });
  const setup = createSetupService({
    env: deps.env,
    endpoint,
    createClient,
    connection,
    tasks,
    runner,
    clock: deps.clock,
    options: deps.setup,
    relaunchWithGroup: deps.relaunchWithGroup,
  });

  const registryMirrors = createRegistryMirrorsService({
    endpoint,
    connection,
    tasks,
    runner,
    clock: deps.clock,
    env: deps.env,
    home: deps.paths.home,
    logger,
    options: deps.registryMirrors,
  });

  const registryAccess = createRegistryAccessService({ connection, tasks, env: deps.env, home: deps.paths.home, options: deps.registryAccess });

  const handlers: Handlers = {
    'app.info': () => deps.app,
    'app.diagnostics': () => collectDiagnostics(deps.app, connection, logger),
    'app.openLogFolder': async () => {
      if (!deps.openLogFolder) throw new WharfError('unsupported', 'the log folder is on the machine web mode runs on; its path is in the diagnostics');
      await deps.openLogFolder();
      return null;
    },
    'engine.status': () => connection.status(),
    'engine.reconnect': () => connection.reconnectNow(),
    'engine.facts': () => readEngineFacts(connection),
    'system.df': () => diskUsage.summary(),
    'tasks.list': () => tasks.list(),
    'images.list': (input) => images.list(input),
    'images.diskUsage': () => images.diskUsage(),
    'tasks.cancel': ({ id }) => tasks.cancel(id),
    'tasks.log': ({ id, from }) => tasks.log(id, from),
    'images.removePlan': ({ target }) => imageRemove.plan(target),
    'images.remove': ({ items, force }) => imageRemove.remove(items, force),
    'images.pull': ({ reference }) => imageTransfer.pull(reference),
    'images.push': ({ reference }) => imageTransfer.push(reference),
    'images.tag': ({ source, target }) => imageTransfer.tag(source, target),
    'images.inspect': ({ image }) => imageDetails.details(image),
    'images.build': (input) => imageBuild.build(input),
    'images.save': (input) => imageArchive.save(input),
    'images.load': (input) => imageArchive.load(input),
    'images.import': (input) => imageArchive.import(input),
    'cleanup.diskUsage': () => cleanup.diskUsage(),
    'cleanup.preview': ({ wizard, options }) => cleanup.preview(wizard, options),
    'cleanup.estimate': ({ previewId, keys }) => cleanup.estimate(previewId, keys),
    'cleanup.run': ({ previewId, keys }) => cleanup.run(previewId, keys),
    'cleanup.history': () => cleanup.history(),
    'setup.diagnose': () => setup.diagnose(),
    'setup.fixPlan': ({ fix }) => setup.fixPlan(fix),
    'setup.fix': ({ fix }) => setup.startFix(fix),
    'setup.installGuide': () => setup.installGuide(),
    'setup.relaunch': () => setup.relaunch(),
    'containers.list': ({ all }) => containers.list(all),
    'containers.action': (input) => containers.action(input),
    'containers.inspect': ({ id }) => containers.inspect(id),
    'containers.rename': ({ id, name }) => containers.rename(id, name),
    'containers.runPlan': ({ spec }) => containers.runPlan(spec),
    'containers.run': ({ spec }) => containers.run(spec),
    'containers.networks': () => containers.networks(),
    'registryMirrors.read': () => registryMirrors.read(),
    'registryMirrors.plan': (input) => registryMirrors.plan(input),
    'registryMirrors.apply': (input) => registryMirrors.apply(input),
    'registryAccess.speedTest': ({ mirrors, image }) => registryAccess.speedTest(mirrors, image),
    'registryAccess.logins': () => registryAccess.logins(),
    'registryAccess.login': ({ server, username, password }) => registryAccess.login(server, username, password),
    'registryAccess.logout': ({ server }) => registryAccess.logout(server),
    'registryAccess.catalog': ({ registry, last, n }) => registryAccess.catalog(registry, last, n),
    'registryAccess.tags': ({ registry, repository, last, n }) => registryAccess.tags(registry, repository, last, n),
    'registryAccess.deleteTag': ({ registry, repository, tag }) => registryAccess.deleteTag(registry, repository, tag),
    'volumes.list': () => volumes.list(),
    'volumes.usage': () => volumes.usage(),
    'volumes.create': (input) => volumes.create(input),
    'volumes.remove': ({ names }) => volumes.remove(names),
    'volumes.prunePlan': () => volumes.prunePlan(),
    'networks.list': () => networks.list(),
    'networks.create': (input) => networks.create(input),
    'networks.remove': ({ ids }) => networks.remove(ids),
    'networks.connect': ({ network, container }) => networks.connect(network, container),
    'networks.disconnect': ({ network, container, force }) => networks.disconnect(network, container, force ?? false),
    'networks.prunePlan': () => networks.prunePlan(),
  };

  const streamHandlers: StreamHandlers = {
    'containers.logs': containerLogsHandler(connection),
    'containers.exec': containerExecHandler(connection),
    'containers.stats': containerStatsHandler(connection),
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
