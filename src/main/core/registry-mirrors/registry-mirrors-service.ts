/**
 * registryMirrors.read / plan / apply: daemon.json's registry settings as Wharf sees them, what a change would write
 * and run, and the change itself as a task (apply-task.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { engineTakesProxiesKey, maskCredentials, maskProxies, proxiesHaveCredentials, sameProxies } from '../../../shared/engine-proxy';
import type { RegistryMirrorsPlan, RegistryMirrorsState, ParseProblem, PlannedCommand, RegistrySettings } from '../../../shared/registry-mirrors';
import type { EngineEndpoint } from '../../../shared/engine';
import type { TaskInfo } from '../../../shared/tasks';
import type { Clock } from '../clock';
import type { EngineConnection } from '../engine/connection';
import type { EngineApi } from '../engine/engine-api';
import { socketPathOf } from '../engine/docker-client';
import { engineKindOf } from '../../../shared/engines';
import { WharfError } from '../errors';
import type { Logger } from '../log';
import { runFile, type PrivilegeRunner } from '../privilege/privilege-runner';
import { DEFAULT_SYSTEM_DIRS } from '../setup/binaries';
import type { TaskManager } from '../tasks/task-manager';
import { runApply } from './apply-task';
import { configPathRefusal } from './config-path-safety';
import { pickDaemonController, runnerExecutor, type DaemonController, type Executor } from './controller';
import { findDockerd, parseDockerdFlags, type DockerdCommandLine } from './dockerd-process';
import { validateWithDockerd, validatingDockerd } from './engine-validate';
import { fileCommands } from './file-commands';
import { expectedProxies, inEffectOf, type ExpectedProxies } from './in-effect';
import { decodeDaemonJson, parseDaemonJson } from './json-text';
import { manualCommands } from './manual-commands';
import { registrySettingsOf } from './merge';
import { contentPlan, fileHash, maskedForShow } from './plan';
import { proxyDropInCommands } from './proxy-drop-in';
import type { LogDefaults } from '../../../shared/container-logs';
import { withProbe } from '../engine/engine-probe';
import { defaultHelperPath, helperApply, refusalError } from './root-helper';
import type { ApplyWay, EngineView, Situation } from './situation';

/** The Registries page's seams; production passes none. */
export interface RegistryMirrorsOptions {
  /** daemon.json to edit (tests: the private engine's --config-file). Default: the running dockerd's, else the usual place. */
  configPath?: string;
  /** Reloads / restarts the engine (tests: the private engine's own). Default: systemd, SysV, or SIGHUP. */
  controller?: DaemonController;
  /** How long the new values may take to show in GET /info. */
  verifyTimeoutMs?: number;
  /** How long the root helper waits for Wharf's verdict (seconds). Default: the verification's time and a minute. */
  confirmTimeoutS?: number;
  systemDirs?: string[];
  /** The running dockerd's command line. Default: found in /proc by its socket. */
  dockerdCommandLine?: () => DockerdCommandLine | undefined;
  /** The root helper. Default: resources/wharf-daemon-json beside the app. */
  helperPath?: string;
  /** Wharf's own uid (a rootless engine's owner). Default: process.getuid(). */
  uid?: number;
}

export interface RegistryMirrorsDeps {
  endpoint: EngineEndpoint;
  engine: EngineApi;
  connection: Pick<EngineConnection, 'reconnectNow'>;
  tasks: TaskManager;
  runner: PrivilegeRunner;
  clock: Clock;
  env: Record<string, string | undefined>;
  home: string;
  /** Where each apply's outcome and rollback are written (wharf.log). */
  logger: Logger;
  options?: RegistryMirrorsOptions;
}

function readIfExists(path: string): { text?: string; problem?: ParseProblem } {
  try {
    return decodeDaemonJson(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

const DEFAULT_VERIFY_TIMEOUT_MS = 20_000;

export function createRegistryMirrorsService(deps: RegistryMirrorsDeps) {
  const o = deps.options ?? {};
  const verifyTimeoutMs = o.verifyTimeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  // The helper rolls back by itself after this: Wharf's verdict comes once the verification ends, well before.
  const confirmTimeoutS = o.confirmTimeoutS ?? Math.ceil(verifyTimeoutMs / 1000) + 60;
  const systemDirs = o.systemDirs ?? DEFAULT_SYSTEM_DIRS;
  const uid = o.uid ?? process.getuid?.() ?? 0;

  async function engineView(): Promise<EngineView> {
    let info: EngineView['info'];
    try {
      info = await deps.engine.info();
    } catch {
      // Engine down: the view goes on from the files and the process alone.
      info = undefined;
    }
    const socket = socketPathOf(deps.endpoint);
    const rootless = deps.endpoint.source === 'rootless' || (info?.SecurityOptions ?? []).some((s) => s.includes('name=rootless'));
    // The system engine's dockerd is root's; a rootless one is the user's own. Anyone else's "dockerd" is not it.
    const process = o.dockerdCommandLine ? o.dockerdCommandLine() : findDockerd(socket, { ownerUid: rootless ? uid : 0 });
    return { info, process, flags: process ? parseDockerdFlags(process.argv) : undefined, rootless };
  }

  function configPath(view: EngineView): string {
    if (o.configPath) return o.configPath;
    if (socketPathOf(deps.endpoint) === undefined) {
      throw new WharfError('unsupported', `the engine at ${deps.endpoint.host} is not on this machine: edit its daemon.json there`);
    }
    if (view.flags?.configFile) return view.flags.configFile;
    if (view.rootless) return join(deps.env.XDG_CONFIG_HOME ?? join(deps.home, '.config'), 'docker', 'daemon.json');
    return '/etc/docker/daemon.json';
  }

  function pidFileOf(view: EngineView): string {
    if (view.flags?.pidFile) return view.flags.pidFile;
    return view.rootless ? join(deps.env.XDG_RUNTIME_DIR ?? `/run/user/${uid}`, 'docker.pid') : '/var/run/docker.pid';
  }

  async function situation(): Promise<Situation> {
    const view = await engineView();
    const path = configPath(view);
    // A rootless engine's file and process are the user's own: no privilege needed (and none wanted).
    const exec: Executor = view.rootless
      ? async ([binary, ...args], stdin) => (binary === undefined ? undefined : runFile(binary, args, stdin))
      : runnerExecutor(deps.runner);
    const controller =
      o.controller ?? pickDaemonController({ pid: view.process?.pid, rootless: view.rootless, exec, systemDirs, pidFile: pidFileOf(view), ownerUid: view.rootless ? uid : 0 });
    const way: ApplyWay = deps.runner.kind === 'manual' ? 'commands' : view.rootless ? 'own-files' : 'helper';
    const socket = socketPathOf(deps.endpoint);
    const helperPath = o.helperPath ?? defaultHelperPath();
    const file = readIfExists(path);
    const refusal = view.rootless ? undefined : configPathRefusal(path);
    return {
      ...view,
      path,
      text: file.text,
      ...(file.problem ? { undecodable: file.problem } : {}),
      controller,
      exec,
      way,
      apply: way === 'commands' ? 'commands' : 'run',
      systemDirs,
      runner: deps.runner,
      ...(helperPath && socket ? { helper: { helper: helperPath, socket, config: path } } : {}),
      ...(refusal ? { refusal } : {}),
    };
  }

  /** What an apply runs (or, in web mode, what root should run), in order. */
  function commandsFor(s: Situation, newText: string, how: { restart: boolean; privateFile: boolean }): PlannedCommand[] {
    if (s.refusal) throw refusalError(s.refusal.reason, s.refusal.path, `root must not write ${s.path}: ${s.refusal.reason} (${s.refusal.path}); nothing was changed`);
    if (s.way === 'helper') {
      if (!s.helper) throw refusalError('helper-missing', o.helperPath ?? 'resources/wharf-daemon-json', 'the root helper wharf-daemon-json is not installed beside Wharf');
      return [helperApply(s.helper, fileHash(s.text), newText, confirmTimeoutS, { restart: how.restart, private: how.privateFile })];
    }
    const reload = s.controller.describe(how.restart ? 'restart' : 'reload');
    const dirExists = existsSync(dirname(s.path));
    if (s.way === 'commands') return manualCommands({ path: s.path, text: s.text, newText, dirExists, nowMs: deps.clock.now(), systemDirs: s.systemDirs, reload });
    const files = fileCommands(s.path, { exists: s.text !== undefined, dirExists, nowMs: deps.clock.now(), systemDirs: s.systemDirs, privateFile: how.privateFile });
    return [...files.backup.map((argv) => ({ argv })), ...files.write.map((w) => ({ argv: w.argv, ...(w.stdin ? { stdin: newText } : {}) })), ...reload.map((argv) => ({ argv }))];
  }

  async function read(): Promise<RegistryMirrorsState> {
    if (engineKindOf(deps.endpoint.host) !== 'local') return readRemote();
    const s = await situation();
    const parsed = s.undecodable ? ({ ok: false, problem: s.undecodable } as const) : parseDaemonJson(s.text ?? '');
    const fromFile = parsed.ok ? registrySettingsOf(parsed.value) : undefined;
    // Credentials never leave the core: the page shows, and may send back, the masked value.
    const settings: RegistrySettings = fromFile ? { ...fromFile, proxies: maskProxies(fromFile.proxies) } : { registryMirrors: [], insecureRegistries: [] };
    return {
      path: s.path,
      exists: s.text !== undefined,
      hash: fileHash(s.text),
      settings,
      otherKeys: parsed.ok
        ? (parsed.layout?.members ?? []).map((m) => m.key).filter((k, i, all) => k !== 'registry-mirrors' && k !== 'insecure-registries' && k !== 'proxies' && all.indexOf(k) === i)
        : [],
      ...(parsed.ok ? {} : { parseError: parsed.problem }),
      ...(s.process && s.flags
        ? {
            flags: {
              registryMirrors: s.flags.registryMirrors,
              insecureRegistries: s.flags.insecureRegistries,
              pid: s.process.pid,
              ...(s.flags.configFile ? { configFile: s.flags.configFile } : {}),
              ...(Object.keys(s.flags.proxies).length > 0 ? { proxies: maskProxies({ httpProxy: '', httpsProxy: '', noProxy: '', ...s.flags.proxies }) } : {}),
            },
          }
        : {}),
      rootless: s.rootless,
      apply: s.apply,
      ...(s.info ? { inEffect: inEffectOf(s.info), engineVersion: s.info.ServerVersion, proxiesKey: engineTakesProxiesKey(s.info.ServerVersion) } : {}),
    };
  }

  /** A remote engine: what its `docker info` says is in effect; its daemon.json is on that host, never touched here. */
  async function readRemote(): Promise<RegistryMirrorsState> {
    const info = await deps.engine.info().catch(() => undefined);
    const inEffect = info ? inEffectOf(info) : undefined;
    return {
      path: '',
      exists: false,
      hash: '',
      settings: inEffect ?? { registryMirrors: [], insecureRegistries: [] },
      otherKeys: [],
      rootless: false,
      apply: 'commands',
      remote: { host: deps.endpoint.host },
      ...(info && inEffect ? { inEffect, engineVersion: info.ServerVersion } : {}),
    };
  }

  type InternalPlan = RegistryMirrorsPlan & { situation: Situation; wanted: RegistrySettings; expectedProxies?: ExpectedProxies; verifyExtra?: () => Promise<boolean> };

  /** A container created now gets the wanted log settings (the probe: created, inspected, removed). */
  async function logDefaultsInEffect(wanted: LogDefaults): Promise<boolean> {
    const root = (await deps.engine.info()).DockerRootDir ?? '/var/lib/docker';
    const config = await withProbe(deps.engine, `${root}/containers`, (probe) => probe.logConfig());
    const opts = config.Config ?? {};
    return (wanted.driver === '' || config.Type === wanted.driver) && (opts['max-size'] ?? '') === wanted.maxSize && (opts['max-file'] ?? '') === wanted.maxFile;
  }

  async function plan(input: RegistrySettings): Promise<InternalPlan> {
    const s = await situation();
    const proxiesKey = engineTakesProxiesKey(s.info?.ServerVersion);
    // Before 23 the proxy is a drop-in for root to write: only commands, so no credentials on screen.
    const content = contentPlan(s.path, s.text, input, { ...(s.flags ? { flags: s.flags } : {}), ...(s.undecodable ? { undecodable: s.undecodable } : {}), proxiesKey, manual: s.way === 'commands' || !proxiesKey });
    const engineValidation = content.valid && !content.unchanged ? await validateWithDockerd(content.newText, s.info?.ServerVersion, validatingDockerd(s.process?.argv, s.systemDirs)) : ({ ran: false, reason: 'engine-too-old' } as const);
    const { proxy: p, logDefaults: _log, ...contentRest } = content;
    const inEffect = s.info ? inEffectOf(s.info) : undefined;
    // dockerd reads its proxy and its log defaults at start only: a change of either in the file takes a restart.
    const log = content.logDefaults;
    const restart = (proxiesKey && p !== undefined && p.changed) || (log !== undefined && log.changed);
    const privateFile = proxiesKey && p !== undefined && proxiesHaveCredentials(p.wanted);
    const how = { restart, privateFile };
    const commands = content.parseError ? [] : commandsFor(s, content.newText, how);
    const valid = content.valid && (!engineValidation.ran || engineValidation.ok);
    const dropInChanged = !proxiesKey && p !== undefined && (inEffect === undefined || !sameProxies(maskProxies(p.wanted), inEffect.proxies));
    const proxy: RegistryMirrorsPlan['proxy'] = p
      ? {
          checks: p.checks,
          changed: proxiesKey ? p.changed : dropInChanged,
          way: proxiesKey ? 'daemon-json' : 'drop-in',
          ...(dropInChanged && valid ? { dropIn: proxyDropInCommands(p.wanted, s.systemDirs) } : {}),
          privateFile,
        }
      : undefined;
    return {
      ...contentRest,
      valid,
      engineValidation,
      commands,
      apply: s.apply,
      situation: s,
      via: restart ? 'restart' : 'reload',
      ...(restart && s.info ? { restartEffects: { running: s.info.ContainersRunning ?? 0, liveRestore: s.info.LiveRestoreEnabled === true } } : {}),
      ...(proxy ? { proxy } : {}),
      ...(p && proxiesKey ? { expectedProxies: expectedProxies(p.wanted) } : {}),
      ...(log ? { logDefaults: { problems: log.problems, changed: log.changed } } : {}),
      ...(log?.changed ? { verifyExtra: () => logDefaultsInEffect(log.wanted) } : {}),
    };
  }

  return {
    read,
    async plan(input: RegistrySettings): Promise<RegistryMirrorsPlan> {
      const { situation: _s, wanted: _w, expectedProxies: _e, verifyExtra: _v, ...rest } = await plan(input);
      // What leaves the core: proxy credentials masked in the new text, the diff and the commands' input.
      return { ...maskedForShow(rest), commands: rest.commands.map((c) => (c.stdin === undefined ? c : { ...c, stdin: maskCredentials(c.stdin) })) };
    },
    apply(input: RegistrySettings & { expectedHash: string }): TaskInfo<'registry-mirrors-apply'> {
      // Cancellable: a cancel before the verdict rolls the change back (the task ends at once; the rollback goes on).
      return deps.tasks.start({ kind: 'registry-mirrors-apply', target: o.configPath ?? 'daemon.json', cancellable: true }, (ctx) =>
        runApply(ctx, { input, plan: () => plan(input), engine: deps.engine, reconnect: () => deps.connection.reconnectNow(), clock: deps.clock, verifyTimeoutMs, logger: deps.logger }),
      );
    },
  };
}

export type RegistryMirrorsService = ReturnType<typeof createRegistryMirrorsService>;
