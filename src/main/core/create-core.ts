import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { AppInfo } from '../../shared/channels/engine';
import type { EngineEndpoint } from '../../shared/engine';
import type { Envelope } from '../../shared/errors';
import { STREAM_NAMES } from '../../shared/streams';
import type { Clock } from './clock';
import { stderrLogger, type Logger } from './log';
import { dispatch, type Handlers } from './dispatch';
import { createEngineConnection, type EngineConnection } from './engine/connection';
import { createEngineApi } from './engine/engine-api';
import type { DockerClientFactory } from './engine/docker-client';
import { engineHandlers } from './engine/engine-handlers';
import { endpointOfEngine, resolveEndpoint, rootlessSocketHost } from './engine/resolve-endpoint';
import { choiceFile, readChoice, writeChoice } from './engines/engine-choice';
import { enginesHandlers } from './engines/engines-handlers';
import { createEnginesService } from './engines/engines-service';
import { configDirFrom } from './registry-access/docker-config';
import { DEFAULT_CONTEXT, ROOTLESS_ENGINE, engineKindOf, type EngineSwitchedDetails } from '../../shared/engines';
import { closeSshAgent } from './engine/ssh-dial';
import { createEventBus, type EventListener } from './event-bus';
import { withCommandLog } from './privilege/logged-runner';
import type { PrivilegeRunner } from './privilege/privilege-runner';
import { cleanupHandlers } from './cleanup/cleanup-handlers';
import { composeHandlers } from './compose/compose-handlers';
import { composeLogsHandler } from './compose/compose-logs';
import { createComposeService } from './compose/compose-service';
import { containersHandlers } from './containers/containers-handlers';
import { createImageLayersIndex } from './images/image-layers';
import { imagesHandlers } from './images/images-handlers';
import { createImagesService } from './images/images-service';
import { networksHandlers } from './networks/networks-handlers';
import { registryAccessHandlers } from './registry-access/registry-access-handlers';
import type { RegistryAccessOptions } from './registry-access/registry-access-service';
import { createMirrorPresetsStore, mirrorPresetsFile } from './registry-mirrors/mirror-presets-store';
import { createPrefixMirrorsStore, prefixMirrorsFile } from './registry-mirrors/prefix-mirrors-store';
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
  /** Desktop only: the OS's folder/file chooser for the Compose page; absent in web mode. */
  pickPath?: () => Promise<string | null>;
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
  /** The connection to the engine Wharf uses now (it changes when the user switches engines). */
  readonly connection: EngineConnection;
  readonly tasks: TaskManager;
}

/**
 * Everything that talks to one engine: its connection and the handlers built on it. Switching engines makes a new
 * session; the old one stops once the tasks started on it have ended, so they finish where they started.
 */
interface EngineSession {
  name: string;
  connection: EngineConnection;
  handlers: Handlers;
  streams: StreamHandlers;
  /** Tasks started on this engine that are still running. */
  running: Set<string>;
  retired: boolean;
  /** Stops forwarding this engine's events to the pages. */
  detach(): void;
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
    const inputs = { flagHost: deps.dockerHost, env: deps.env, homeDir: deps.paths.home, readFile: readText, exists: existsSync };
    // What this launch says wins; then the engine last picked in Wharf, while it still exists; then the CLI's choice.
    const launchSays = deps.dockerHost !== undefined || Boolean(deps.env.DOCKER_HOST) || Boolean(deps.env.DOCKER_CONTEXT);
    const remembered = launchSays ? undefined : readChoice(choiceFile(deps.env, deps.paths.home));
    if (remembered !== undefined) {
      try {
        const endpoint = endpointOfEngine(remembered, inputs, { rootless: rootlessSocketHost(inputs) });
        if (endpoint.host !== '') return { endpoint: { ...endpoint, contextName: remembered }, createClient: deps.createDockerClient };
      } catch {
        // The context was removed since: fall back to what the CLI would use.
      }
    }
    const endpoint = resolveEndpoint(inputs);
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

/** The name an endpoint resolved at start goes by in the switcher. */
function engineNameOf(endpoint: EngineEndpoint): string {
  return endpoint.contextName ?? (endpoint.source === 'rootless' ? ROOTLESS_ENGINE : DEFAULT_CONTEXT);
}

export function createCore(deps: CoreDeps): Core {
  const logger = deps.logger ?? stderrLogger;
  // Every command run as root leaves a line in wharf.log (argv, exit code, duration; never its stdin).
  const runner = withCommandLog(deps.privilegeRunner, logger, deps.clock);
  const bus = createEventBus();
  const tasks = createTaskManager({ clock: deps.clock, onUpdate: (task) => bus.emit({ type: 'task.update', task }) });
  const { clock, env } = deps;
  const home = deps.paths.home;
  const probe = { exists: existsSync, dockerInstalled: dockerInstalled(env) };
  const endpointInputs = { flagHost: deps.dockerHost, env, homeDir: home, readFile: readText, exists: existsSync };
  const openStreams = new Set<StreamConnection>();
  // Wharf's own pull settings, the same whichever engine is in use.
  const prefixes = createPrefixMirrorsStore(prefixMirrorsFile(env, home));
  const presets = createMirrorPresetsStore(mirrorPresetsFile(env, home), deps.clock);
  /** The engine in use, and engines left behind whose tasks still run. */
  const live = new Set<EngineSession>();
  // Assigned right below; every call after construction sees a session.
  let active: EngineSession;
  const first = resolveOrReport(deps);
  const initialHost = first.endpoint.host;

  const buildSession = (name: string, resolved: EngineEndpoint, factory: DockerClientFactory): EngineSession => {
    const endpoint: EngineEndpoint = { ...resolved, contextName: name };
    // Clients see Wharf's environment: an ssh:// engine runs the ssh of its PATH with its ssh-agent.
    const createClient: DockerClientFactory = (e, apiVersion) => factory(e, apiVersion, env);
    // What Wharf was told about the engine it started on (--daemon-config, its service) is that engine's only.
    const seams = endpoint.host === initialHost;
    const sessionBus = createEventBus();
    const connection = createEngineConnection({ endpoint, createClient, clock, bus: sessionBus, probe, backoff: deps.backoff });
    const engine = createEngineApi(connection);
    const running = new Set<string>();
    const session: EngineSession = { name, connection, handlers: {} as Handlers, streams: {} as StreamHandlers, running, retired: false, detach: () => undefined };
    const stopIfDone = (): void => {
      if (!session.retired || running.size > 0) return;
      endSession(session);
    };
    // Tasks carry the engine they run on, and keep its connection until they end.
    const sessionTasks: TaskManager = {
      ...tasks,
      start(options, run) {
        const info = tasks.start({ ...options, engine: name }, run);
        running.add(info.id);
        void tasks.settled(info.id).then(() => {
          running.delete(info.id);
          stopIfDone();
        });
        return info;
      },
    };
    // Shared between areas: the image list's disk usage (image removal plans with it) and the layer index (cleanup too).
    const images = createImagesService(engine, clock);
    const layers = createImageLayersIndex(engine);
    const compose = createComposeService({ engine, tasks: sessionTasks, env, home, engineName: name, endpoint, pickPath: deps.pickPath });
    session.handlers = {
      ...engineHandlers({ app: deps.app, connection, engine, clock, logger, openLogFolder: deps.openLogFolder }),
      ...tasksHandlers(tasks),
      ...enginesHandlers(engines),
      ...imagesHandlers({ engine, clock, tasks: sessionTasks, images, layers, prefixes }),
      ...cleanupHandlers({ engine, clock, tasks: sessionTasks, layers }),
      ...setupHandlers({ env, endpoint, createClient, connection, tasks: sessionTasks, runner, clock, options: seams ? deps.setup : undefined, relaunchWithGroup: deps.relaunchWithGroup }),
      ...containersHandlers({ engine, tasks: sessionTasks, clock, endpoint, runner }),
      ...registryMirrorsHandlers({ endpoint, engine, connection, tasks: sessionTasks, runner, clock, env, home, logger, options: seams ? deps.registryMirrors : undefined, prefixes, presets }),
      ...registryAccessHandlers({ engine, tasks: sessionTasks, env, home, options: deps.registryAccess }),
      ...volumesHandlers({ engine, clock }),
      ...networksHandlers({ engine, clock }),
      ...composeHandlers(compose),
    };
    session.streams = {
      'containers.logs': containerLogsHandler(engine),
      'containers.exec': containerExecHandler(engine),
      'containers.stats': containerStatsHandler(engine),
      'compose.logs': composeLogsHandler({ engine, subscribe: (listener) => sessionBus.subscribe(listener) }),
    };
    live.add(session);
    // Only the engine in use speaks to the pages: retire() detaches a session Wharf left.
    session.detach = sessionBus.subscribe((event) => bus.emit(event));
    return session;
  };

  /** Stops an engine's connection and its ssh processes, unless another session still uses that endpoint. */
  const endSession = (session: EngineSession): void => {
    session.connection.stop();
    live.delete(session);
    const host = session.connection.status().endpoint.host;
    if (engineKindOf(host) === 'ssh' && ![...live].some((s) => s.connection.status().endpoint.host === host)) closeSshAgent(host);
  };

  /** Leaves an engine: its events stop reaching the pages, its open streams end; answers how many ended. */
  const retire = (session: EngineSession, next: string): number => {
    session.detach();
    session.retired = true;
    let closed = 0;
    for (const connection of openStreams) {
      closed += connection.openCount();
      const details: EngineSwitchedDetails = { engineSwitched: { from: session.name, to: next } };
      connection.endAll({ code: 'cancelled', message: `Wharf switched to engine "${next}"; this stream was on "${session.name}"`, details });
    }
    if (session.running.size === 0) endSession(session);
    return closed;
  };

  const engines = createEnginesService({
    env,
    configDir: configDirFrom(env, home),
    inputs: endpointInputs,
    createClient: (e, apiVersion) => deps.createDockerClient(e, apiVersion, env),
    probe,
    clock,
    engines: {
      using: () => active.name,
      status: () => active.connection.status(),
      async use(name, endpoint) {
        // Remembered for the next start (a name, never a host); a failure to write it does not stop the switch.
        await writeChoice(choiceFile(env, home), name).catch((error: unknown) => logger.warn('could not remember the engine in use', { error: (error as Error).message }));
        const previous = active;
        active = buildSession(name, endpoint, deps.createDockerClient);
        const closedStreams = retire(previous, name);
        bus.emit({ type: 'engine.switched', engine: name, from: previous.name, closedStreams, status: active.connection.status() });
        await active.connection.start();
        return active.connection.status();
      },
    },
  });

  active = buildSession(engineNameOf(first.endpoint), first.endpoint, first.createClient);

  // Stream handlers look up the engine in use when a stream opens.
  const streamHandlers = Object.fromEntries(
    STREAM_NAMES.map((name) => [name, (...args: unknown[]) => (active.streams[name] as (...a: unknown[]) => Promise<void>)(...args)]),
  ) as unknown as StreamHandlers;

  return {
    invoke: (channel, input) => dispatch(active.handlers, channel, input, logger),
    subscribe: (listener) => bus.subscribe(listener),
    connectStreams: (out) => {
      const connection = connectStreams(streamHandlers, out);
      openStreams.add(connection);
      return {
        ...connection,
        closeAll() {
          openStreams.delete(connection);
          connection.closeAll();
        },
      };
    },
    start: async () => {
      await active.connection.start();
    },
    stop: () => {
      for (const session of [...live]) endSession(session);
    },
    get connection() {
      return active.connection;
    },
    tasks,
  };
}
