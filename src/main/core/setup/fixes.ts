import { basename } from 'node:path';
import type { CommandLine, FixId, FixPlan, SetupDiagnosis } from '../../../shared/setup';
import { socketPathOf } from '../engine/docker-client';
import { WharfError } from '../errors';
import type { PrivilegeRunner } from '../privilege/privilege-runner';
import { systemBinary } from './binaries';
import { joinGroupCommand, joinGroupError } from './join-group';
import { assertPosixName } from './names';
import type { ServiceController } from './service-controller';
import { DOCKER_UNIT } from './service-state';
import type { FileProbe } from './system-files';

/** Where the privileged tools come from, and the controller that replaces the service manager (tests). */
export interface FixContext {
  systemDirs: readonly string[];
  files: Pick<FileProbe, 'stat' | 'isExecutable'>;
  serviceController?: ServiceController;
  /** Wharf's root helper (resources/wharf-daemon-json); without it a fix runs its commands one call each. */
  helperPath?: string;
}

/** A fix ready to run: its commands, and whether they go through the privilege runner or the service controller. */
export interface PlannedFix extends FixPlan {
  via: 'privilege-runner' | 'service-controller';
  /** The one privileged call that does all of `commands` (the root helper): one password prompt for the fix. */
  privileged?: CommandLine;
}

function tool(name: string, fallback: string, ctx: FixContext): string {
  return systemBinary(name, ctx.systemDirs, ctx.files, fallback);
}

/** Both fixes act on this machine's system engine: not on a remote host, a rootless engine, Docker Desktop or Podman. */
function assertSystemEngine(fix: FixId, facts: SetupDiagnosis): void {
  const local = socketPathOf(facts.endpoint) !== undefined;
  const own = facts.endpoint.source === 'rootless' || ['rootless', 'docker-desktop', 'podman'].includes(facts.installation.packaging);
  if (!local || (fix === 'start-service' && own)) {
    throw new WharfError('unsupported', `${fix} applies to this machine's system Docker engine, not to ${facts.endpoint.host || 'this endpoint'}`);
  }
}

/** The sockets the system service creates; starting docker.service cannot bring any other socket back. */
const SYSTEM_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock'];

export function isSystemSocket(path: string | undefined): boolean {
  return path !== undefined && SYSTEM_SOCKETS.includes(path);
}

function startServicePlan(facts: SetupDiagnosis, ctx: FixContext): PlannedFix {
  if (ctx.serviceController) return { fix: 'start-service', commands: ctx.serviceController.describe(), via: 'service-controller' };
  if (!isSystemSocket(socketPathOf(facts.endpoint))) {
    throw new WharfError('unsupported', `starting the docker service cannot bring back ${facts.endpoint.host}: start the engine that serves it`);
  }
  if (facts.service.manager === 'systemd') {
    return { fix: 'start-service', commands: [[tool('systemctl', '/usr/bin/systemctl', ctx), 'enable', '--now', DOCKER_UNIT]], via: 'privilege-runner' };
  }
  if (facts.service.manager === 'sysv') {
    return { fix: 'start-service', commands: [[tool('service', '/usr/sbin/service', ctx), 'docker', 'start']], via: 'privilege-runner' };
  }
  throw new WharfError('unsupported', 'no service manager here (neither systemd nor SysV init): start dockerd the way it was set up');
}

/**
 * groupadd (only when the group is missing) and usermod -aG for the user this process runs as — shown so, and run
 * as one call of the root helper's join-group verb. Both names come from the OS and are checked against the POSIX
 * name pattern; each is one argv entry — never a shell.
 */
function addUserPlan(facts: SetupDiagnosis, ctx: FixContext): PlannedFix {
  const user = assertPosixName('user', facts.user.name);
  const group = assertPosixName('group', facts.dockerGroup.name);
  const commands: CommandLine[] = [];
  if (!facts.dockerGroup.exists) commands.push([tool('groupadd', '/usr/sbin/groupadd', ctx), '-f', group]);
  commands.push([tool('usermod', '/usr/sbin/usermod', ctx), '-aG', group, user]);
  return { fix: 'add-user-to-group', commands, via: 'privilege-runner', ...(ctx.helperPath ? { privileged: joinGroupCommand(ctx.helperPath, group, user) } : {}) };
}

/** The exact commands a fix runs as root, from the facts of a fresh diagnosis. Never chmods the socket. */
export function fixPlan(fix: FixId, facts: SetupDiagnosis, ctx: FixContext): PlannedFix {
  assertSystemEngine(fix, facts);
  return fix === 'start-service' ? startServicePlan(facts, ctx) : addUserPlan(facts, ctx);
}

interface ExecFailure {
  code?: unknown;
  stderr?: unknown;
  message?: unknown;
}

/** A failed command as a coded error that carries the whole plan (the UI shows what to run by hand). */
function fixError(error: unknown, commands: CommandLine[], failed: CommandLine): WharfError {
  if (error instanceof WharfError) {
    const details = error.details && typeof error.details === 'object' ? error.details : {};
    return new WharfError(error.code, error.message, { ...details, commands, failed });
  }
  const e = (error ?? {}) as ExecFailure;
  const stderr = typeof e.stderr === 'string' ? e.stderr.trim() : '';
  const name = basename(failed[0] ?? '');
  if (e.code === 'ENOENT') return new WharfError('failed', `${failed[0]} is not installed`, { commands, failed });
  const exit = typeof e.code === 'number' ? ` with exit code ${e.code}` : '';
  const message = `${name} failed${exit}${stderr ? `: ${stderr}` : typeof e.message === 'string' ? `: ${e.message}` : ''}`;
  return new WharfError('failed', message, { commands, failed, ...(typeof e.code === 'number' ? { exitCode: e.code } : {}), stderr });
}

export interface RunFixDeps {
  runner: PrivilegeRunner;
  serviceController?: ServiceController;
  /** Called before each command (index from 0). */
  onCommand?(index: number, total: number): void;
}

/**
 * Runs a planned fix: the controller's start(), its one privileged call (the root helper), or else each command
 * in order through the privilege runner. With the manual runner nothing runs: it fails with "unsupported" and
 * every command, for the user to copy.
 */
export async function runFix(planned: PlannedFix, deps: RunFixDeps): Promise<void> {
  if (planned.via === 'service-controller') {
    if (!deps.serviceController) throw new WharfError('unsupported', 'no service controller');
    await deps.serviceController.start(deps.runner);
    return;
  }
  if (deps.runner.kind === 'manual') {
    throw new WharfError('unsupported', 'Wharf cannot run commands as root here: run these yourself', { commands: planned.commands });
  }
  if (planned.privileged) {
    const [binary = '', ...args] = planned.privileged;
    deps.onCommand?.(0, 1);
    try {
      await deps.runner.run({ binary, args });
    } catch (error) {
      throw fixError(joinGroupError(error), planned.commands, planned.privileged);
    }
    return;
  }
  for (const [index, argv] of planned.commands.entries()) {
    const [binary, ...args] = argv;
    if (binary === undefined) continue;
    deps.onCommand?.(index, planned.commands.length);
    try {
      await deps.runner.run({ binary, args });
    } catch (error) {
      throw fixError(error, planned.commands, argv);
    }
  }
}
