import { installGuide } from '../../../shared/install-guide';
import type { EngineEndpoint } from '../../../shared/engine';
import type { FixId, FixPlan, InstallGuide, SetupDiagnosis } from '../../../shared/setup';
import type { TaskInfo } from '../../../shared/tasks';
import type { Clock } from '../clock';
import type { EngineConnection } from '../engine/connection';
import type { DockerClientFactory } from '../engine/docker-client';
import { WharfError } from '../errors';
import type { PrivilegeRunner } from '../privilege/privilege-runner';
import { defaultHelperPath } from '../privilege/root-helper-path';
import type { TaskManager } from '../tasks/task-manager';
import { DEFAULT_SEARCH_DIRS, DEFAULT_SYSTEM_DIRS } from './binaries';
import { socketAccepts, tryConnect } from './connect-probe';
import { diagnose, type DiagnoseDeps } from './diagnose';
import { fixPlan, runFix, type FixContext } from './fixes';
import { processIdentity, type OsIdentity } from './identity';
import { assertPosixName } from './names';
import { parseOsRelease } from './os-release';
import { execQuery, type QueryRunner } from './query-runner';
import type { ServiceController } from './service-controller';
import { DEFAULT_SYSTEM_PATHS, nodeFiles, type FileProbe, type SystemPaths } from './system-files';

/** The setup wizard's seams; production passes none of them. */
export interface SetupOptions {
  /** Starts the engine where no service manager applies (tests: the private dockerd's start()). */
  serviceController?: ServiceController;
  /**
   * The OS user fixes act for. Default: this process (os.userInfo(), process.getgroups()). Tests that run as root
   * pass another real user's identity read from the OS (getent) — never anything from the renderer.
   */
  identity?: () => OsIdentity;
  /** Where docker and dockerd are looked for besides PATH. */
  searchDirs?: string[];
  /** Where root's tools and the read-only query tools come from (system directories only). */
  systemDirs?: string[];
  paths?: Partial<SystemPaths>;
  files?: FileProbe;
  query?: QueryRunner;
  /** Wharf's root helper, for one-call fixes. Default: the installed one, else resources/'s; null: none. */
  helperPath?: string | null;
}

export interface SetupServiceDeps {
  env: Record<string, string | undefined>;
  endpoint: EngineEndpoint;
  createClient: DockerClientFactory;
  connection: EngineConnection;
  tasks: TaskManager;
  runner: PrivilegeRunner;
  clock: Clock;
  options?: SetupOptions;
  relaunchWithGroup?: (group: string) => void;
}

export interface SetupService {
  diagnose(): Promise<SetupDiagnosis>;
  fixPlan(fix: FixId): Promise<FixPlan>;
  /** Starts the fix as a task ('setup-fix', target = the fix id); its result is the diagnosis afterwards. */
  startFix(fix: FixId): TaskInfo<'setup-fix'>;
  installGuide(): InstallGuide;
  relaunch(): Promise<null>;
}

/** A fix's own precondition, from the facts (not the verdict, which is this process's view of the socket). */
export function fixNeeded(fix: FixId, diagnosis: SetupDiagnosis): boolean {
  if (fix === 'add-user-to-group') return !diagnosis.dockerGroup.userListed;
  return diagnosis.connect.result === 'missing' || diagnosis.connect.result === 'refused';
}

export function createSetupService(deps: SetupServiceDeps): SetupService {
  const o = deps.options ?? {};
  const files = o.files ?? nodeFiles;
  const paths: SystemPaths = { ...DEFAULT_SYSTEM_PATHS, ...o.paths };
  const systemDirs = o.systemDirs ?? DEFAULT_SYSTEM_DIRS;
  const helperPath = o.helperPath === undefined ? defaultHelperPath() : (o.helperPath ?? undefined);
  const fixContext: FixContext = { systemDirs, files, serviceController: o.serviceController, ...(helperPath ? { helperPath } : {}) };

  const diagnoseDeps: DiagnoseDeps = {
    env: deps.env,
    identity: o.identity ?? processIdentity,
    endpoint: deps.endpoint,
    tryConnect: (endpoint) => tryConnect(endpoint, deps.createClient),
    socketAccepts: (path) => socketAccepts(path),
    query: o.query ?? execQuery,
    files,
    paths,
    searchDirs: o.searchDirs ?? DEFAULT_SEARCH_DIRS,
    systemDirs,
    nodeArch: process.arch,
    hasServiceController: o.serviceController !== undefined,
    privilege: deps.runner.kind,
    canRelaunch: deps.relaunchWithGroup !== undefined,
    now: () => deps.clock.now(),
  };
  const runDiagnosis = (): Promise<SetupDiagnosis> => diagnose(diagnoseDeps);

  return {
    diagnose: runDiagnosis,

    async fixPlan(fix) {
      const { fix: id, commands } = fixPlan(fix, await runDiagnosis(), fixContext);
      return { fix: id, commands };
    },

    startFix(fix) {
      if (deps.tasks.list().some((t) => t.kind === 'setup-fix' && t.state === 'running')) {
        throw new WharfError('conflict', 'another setup fix is still running');
      }
      // Not cancellable: stopping usermod or a service start half-way helps nobody; pkexec's dialog has its own Cancel.
      return deps.tasks.start({ kind: 'setup-fix', target: fix, cancellable: false }, async (ctx) => {
        ctx.progress(0, { key: 'starting' });
        const before = await runDiagnosis();
        // Nothing acts on a machine that does not need it: the user is already in the group, the engine already answers.
        if (!fixNeeded(fix, before)) throw new WharfError('conflict', `${fix} is not needed now (${before.verdict})`);
        const planned = fixPlan(fix, before, fixContext);
        await runFix(planned, {
          runner: deps.runner,
          serviceController: o.serviceController,
          onCommand: (index, total) => ctx.progress(index / (total + 1)),
        });
        ctx.progress(0.9, { key: 'verifying' });
        // The shell's engine state follows at once instead of at the next backoff step.
        await deps.connection.reconnectNow();
        return runDiagnosis();
      });
    },

    installGuide: () => installGuide(parseOsRelease(files.readText(paths.osRelease) ?? files.readText(paths.osReleaseFallback), process.arch)),

    async relaunch() {
      if (!deps.relaunchWithGroup) throw new WharfError('unsupported', 'only the desktop app can relaunch itself under a group');
      const diagnosis = await runDiagnosis();
      const group = assertPosixName('group', diagnosis.dockerGroup.name);
      // sg asks for a group password when the user is not a member: only relaunch once /etc/group lists them.
      if (!diagnosis.dockerGroup.userListed) throw new WharfError('conflict', `${diagnosis.user.name} is not in the ${group} group yet`);
      deps.relaunchWithGroup(group);
      return null;
    },
  };
}
