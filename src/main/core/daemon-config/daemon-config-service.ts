/**
 * daemon.readConfig / plan / apply: daemon.json's registry settings as Wharf sees them, what a change would write
 * and run, and the change itself as a task (apply-task.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DaemonConfigPlan, DaemonConfigState, RegistrySettings } from '../../../shared/registry-mirrors';
import type { EngineEndpoint } from '../../../shared/engine';
import type { TaskInfo } from '../../../shared/tasks';
import type { Clock } from '../clock';
import type { EngineConnection } from '../engine/connection';
import { socketPathOf } from '../engine/docker-client';
import { WharfError } from '../errors';
import { runFile, type PrivilegeRunner } from '../privilege/privilege-runner';
import { DEFAULT_SYSTEM_DIRS } from '../setup/binaries';
import type { TaskManager } from '../tasks/task-manager';
import { runApply } from './apply-task';
import { pickDaemonController, runnerExecutor, type DaemonController, type Executor } from './controller';
import { findDockerd, parseDockerdFlags, type DockerdCommandLine, type DockerdFlags } from './dockerd-process';
import { validateWithDockerd } from './engine-validate';
import { fileCommands } from './file-commands';
import { inEffectOf, type RegistryInfo } from './in-effect';
import { parseDaemonJson } from './json-text';
import { registrySettingsOf } from './merge';
import { contentPlan, fileHash } from './plan';

/** The Registries page's seams; production passes none. */
export interface RegistriesOptions {
  /** daemon.json to edit (tests: the private engine's --config-file). Default: the running dockerd's, else the usual place. */
  configPath?: string;
  /** Reloads / restarts the engine (tests: the private engine's own). Default: systemd, SysV, or SIGHUP. */
  controller?: DaemonController;
  /** How long the new values may take to show in GET /info. */
  verifyTimeoutMs?: number;
  systemDirs?: string[];
  /** The running dockerd's command line. Default: found in /proc by its socket. */
  dockerdCommandLine?: () => DockerdCommandLine | undefined;
}

export interface DaemonConfigDeps {
  endpoint: EngineEndpoint;
  connection: EngineConnection;
  tasks: TaskManager;
  runner: PrivilegeRunner;
  clock: Clock;
  env: Record<string, string | undefined>;
  home: string;
  options?: RegistriesOptions;
}

interface EngineView {
  info?: RegistryInfo & { ServerVersion?: string; SecurityOptions?: string[] | null };
  process?: DockerdCommandLine;
  flags?: DockerdFlags;
  rootless: boolean;
}

export interface Situation extends EngineView {
  path: string;
  text: string | undefined;
  controller: DaemonController;
  exec: Executor;
  apply: 'run' | 'commands';
  systemDirs: readonly string[];
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function createDaemonConfigService(deps: DaemonConfigDeps) {
  const o = deps.options ?? {};
  const systemDirs = o.systemDirs ?? DEFAULT_SYSTEM_DIRS;

  async function engineView(): Promise<EngineView> {
    let info: EngineView['info'];
    try {
      info = (await deps.connection.client().info()) as EngineView['info'];
    } catch {
      info = undefined;
    }
    const socket = socketPathOf(deps.endpoint);
    const process = o.dockerdCommandLine ? o.dockerdCommandLine() : findDockerd(socket);
    const rootless = deps.endpoint.source === 'rootless' || (info?.SecurityOptions ?? []).some((s) => s.includes('name=rootless'));
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

  async function situation(): Promise<Situation> {
    const view = await engineView();
    const path = configPath(view);
    // A rootless engine's file and process are the user's own: no privilege needed (and none wanted).
    const exec: Executor = view.rootless
      ? async ([binary, ...args], stdin) => (binary === undefined ? undefined : runFile(binary, args, stdin))
      : runnerExecutor(deps.runner);
    const controller = o.controller ?? pickDaemonController({ pid: view.process?.pid, rootless: view.rootless, exec, systemDirs });
    const apply = deps.runner.kind === 'manual' ? 'commands' : 'run';
    return { ...view, path, text: readIfExists(path), controller, exec, apply, systemDirs };
  }

  async function read(): Promise<DaemonConfigState> {
    const s = await situation();
    const parsed = parseDaemonJson(s.text ?? '');
    const settings: RegistrySettings = parsed.ok ? registrySettingsOf(parsed.value) : { registryMirrors: [], insecureRegistries: [] };
    return {
      path: s.path,
      exists: s.text !== undefined,
      hash: fileHash(s.text),
      settings,
      otherKeys: parsed.ok ? Object.keys(parsed.value).filter((k) => k !== 'registry-mirrors' && k !== 'insecure-registries') : [],
      ...(parsed.ok ? {} : { parseError: parsed.problem }),
      ...(s.process && s.flags
        ? {
            flags: {
              registryMirrors: s.flags.registryMirrors,
              insecureRegistries: s.flags.insecureRegistries,
              pid: s.process.pid,
              ...(s.flags.configFile ? { configFile: s.flags.configFile } : {}),
            },
          }
        : {}),
      rootless: s.rootless,
      apply: s.apply,
      ...(s.info ? { inEffect: inEffectOf(s.info), engineVersion: s.info.ServerVersion } : {}),
    };
  }

  async function plan(input: RegistrySettings): Promise<DaemonConfigPlan & { situation: Situation; wanted: RegistrySettings }> {
    const s = await situation();
    const content = contentPlan(s.path, s.text, input, s.flags);
    const engineValidation = content.valid && !content.unchanged ? await validateWithDockerd(content.newText, s.info?.ServerVersion, s.systemDirs) : ({ ran: false, reason: 'engine-too-old' } as const);
    const files = fileCommands(s.path, { exists: s.text !== undefined, dirExists: existsSync(dirname(s.path)), nowMs: deps.clock.now(), systemDirs: s.systemDirs });
    const commands = [...files.backup, ...files.write.map((w) => w.argv), ...s.controller.describe('reload')];
    const valid = content.valid && (!engineValidation.ran || engineValidation.ok);
    return { ...content, valid, engineValidation, commands, apply: s.apply, situation: s };
  }

  return {
    read,
    async plan(input: RegistrySettings): Promise<DaemonConfigPlan> {
      const { situation: _s, wanted: _w, ...rest } = await plan(input);
      return rest;
    },
    apply(input: RegistrySettings & { expectedHash: string }): TaskInfo {
      return deps.tasks.start({ kind: 'registry-apply', target: o.configPath ?? 'daemon.json', cancellable: false }, (ctx) =>
        runApply(ctx, { input, plan: () => plan(input), connection: deps.connection, clock: deps.clock, verifyTimeoutMs: o.verifyTimeoutMs ?? 20_000 }),
      );
    },
  };
}

export type DaemonConfigService = ReturnType<typeof createDaemonConfigService>;
