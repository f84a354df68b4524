/**
 * The setup wizard's diagnosis and fixes with real users, groups and sockets: a throwaway user outside the private
 * dockerd's socket group is told "permission denied" with the evidence; the fix (direct runner, as root) adds them
 * to the group; their running session then needs a re-login while a new session connects. A stopped engine is
 * "not running" and the start-service fix (the harness as service controller) brings it back; no docker anywhere
 * is "not installed" with this distro's install commands.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock';
import { createCore, type Core, type CoreDeps } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import { createDirectRunner } from '../../src/main/core/privilege/privilege-runner';
import type { Envelope } from '../../src/shared/errors';
import type { CheckId, FixPlan, InstallGuide, SetupCheck, SetupDiagnosis } from '../../src/shared/setup';
import type { TaskInfo } from '../../src/shared/tasks';
import { SERVE_ENTRY, startWebMode, type RunningWebMode } from '../e2e/support/web-mode';
import { osIdentityOf } from '../support/os-identity';
import { testEngine } from '../support/test-engine';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { copyBuiltAppForOthers, createThrowawayAccount, makeSocketDirsTraversable, type AppCopy, type ThrowawayAccount } from '../support/throwaway-account';
import { call } from './make-core';

function checkOf(diagnosis: SetupDiagnosis, id: CheckId): SetupCheck | undefined {
  return diagnosis.checks.find((c) => c.id === id);
}

async function api<T>(web: RunningWebMode, channel: string, input: unknown = {}): Promise<Envelope<T>> {
  const res = await fetch(`${web.url}api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: JSON.stringify(input) });
  return (await res.json()) as Envelope<T>;
}

async function apiValue<T>(web: RunningWebMode, channel: string, input: unknown = {}): Promise<T> {
  const envelope = await api<T>(web, channel, input);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function settledOverWeb(web: RunningWebMode, id: string): Promise<TaskInfo> {
  for (let i = 0; i < 100; i++) {
    const task = (await apiValue<TaskInfo[]>(web, 'tasks.list')).find((t) => t.id === id);
    if (task && task.state !== 'running') return task;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`task ${id} did not end`);
}

/** A core in this (root) test process, as web mode builds it, with the direct runner. */
function rootCore(dockerHost: string, overrides: Partial<CoreDeps> = {}): Core {
  return createCore({
    app: { version: 'test', mode: 'web', platform: process.platform },
    dockerHost,
    env: { PATH: process.env.PATH },
    paths: { home: '/nonexistent' },
    clock: systemClock,
    createDockerClient: createDockerodeClient,
    privilegeRunner: createDirectRunner(),
    backoff: { initialMs: 200, maxMs: 1000 },
    ...overrides,
  });
}

describe('setup diagnosis and fixes', () => {
  let account: ThrowawayAccount;
  let app: AppCopy;
  let user: string;
  let group: string;
  let engine: PrivateEngine;
  let entry: string;
  let uid: number;
  let gid: number;
  let socketGid: number;
  const servers: RunningWebMode[] = [];
  const cores: Core[] = [];
  const tempDirs: string[] = [];

  const startAs = async (groups: number[]): Promise<RunningWebMode> => {
    const web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex'), runAs: { uid, gid, groups }, entry, env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
    servers.push(web);
    return web;
  };

  beforeAll(async () => {
    if (!existsSync(SERVE_ENTRY)) throw new Error(`${SERVE_ENTRY} is missing: run \`npm run build\` first (npm test does it)`);
    account = createThrowawayAccount();
    ({ user, group, uid, gid, groupGid: socketGid } = account);
    engine = await startPrivateEngine({ name: 'setup', socketGroup: group });
    makeSocketDirsTraversable(engine.socketPath);
    app = copyBuiltAppForOthers();
    entry = app.serveEntry;
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const c of cores) c.stop();
    app?.remove();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    await engine?.destroy();
    account?.remove();
  });

  it('a user outside the socket group gets "permission denied" with the evidence; after the fix the old session needs a re-login and a new one connects', async () => {
    const denied = await startAs([]);
    const before = await apiValue<SetupDiagnosis>(denied, 'setup.diagnose');
    expect(before.verdict).toBe('permission-denied');
    expect(before.user).toMatchObject({ name: user, uid });
    expect(before.connect.result).toBe('permission-denied');
    expect(before.connect.detail).toMatch(/EACCES/);
    expect(before.sockets[0]).toMatchObject({ path: engine.socketPath, exists: true, owner: 'root', group, mode: '660' });
    expect(before.dockerGroup).toEqual({ name: group, exists: true, gid: socketGid, userListed: false, sessionHas: false });
    expect(before.privilege).toBe('manual');
    expect(before.canRelaunch).toBe(false);
    expect(checkOf(before, 'user-in-group')).toMatchObject({ status: 'problem', fix: 'add-user-to-group', evidence: { user, group, listed: 'false' } });
    expect(checkOf(before, 'socket')).toMatchObject({ status: 'ok', evidence: { group, mode: '660' } });
    expect(checkOf(before, 'connect')?.status).toBe('problem');

    // The group exists: only usermod, by absolute path, each name one argv entry.
    const plan = await apiValue<FixPlan>(denied, 'setup.fixPlan', { fix: 'add-user-to-group' });
    expect(plan).toEqual({ fix: 'add-user-to-group', commands: [['/usr/sbin/usermod', '-aG', group, user]] });

    // Web mode as a user has no polkit agent: the fix task fails with the commands to run by hand.
    const manualTask = await apiValue<TaskInfo>(denied, 'setup.fix', { fix: 'add-user-to-group' });
    expect(manualTask).toMatchObject({ kind: 'setup-fix', target: 'add-user-to-group', state: 'running' });
    expect(await settledOverWeb(denied, manualTask.id)).toMatchObject({ state: 'failed', error: { code: 'unsupported', details: { commands: plan.commands } } });
    expect(readFileSync('/etc/group', 'utf8')).not.toMatch(new RegExp(`^${group}:.*\\b${user}\\b`, 'm'));

    // The same fix as root, for that user as the OS knows them.
    const core = rootCore(engine.host, { setup: { identity: () => osIdentityOf(user) } });
    cores.push(core);
    await core.start();
    const task = await call(core, 'setup.fix', { fix: 'add-user-to-group' });
    const done = await core.tasks.settled(task.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect((done.result as SetupDiagnosis).dockerGroup).toMatchObject({ name: group, userListed: true });
    expect(execFileSync('/usr/bin/getent', ['group', group]).toString().trim().split(':')[3]?.split(',')).toContain(user);

    // The running session still lacks the group: relaunch or log in again.
    const stale = await apiValue<SetupDiagnosis>(denied, 'setup.diagnose');
    expect(stale.verdict).toBe('needs-relogin');
    expect(stale.dockerGroup).toMatchObject({ userListed: true, sessionHas: false });
    expect(checkOf(stale, 'session-group')?.status).toBe('problem');
    expect(checkOf(stale, 'user-in-group')?.status).toBe('ok');

    // A new session of the user gets its groups from /etc/group (what a login does) and connects.
    const fresh = await startAs(osIdentityOf(user).groups);
    const after = await apiValue<SetupDiagnosis>(fresh, 'setup.diagnose');
    expect(after.verdict).toBe('usable');
    expect(after.connect.result).toBe('ok');
    expect(after.dockerGroup).toMatchObject({ userListed: true, sessionHas: true });
    expect(after.checks.filter((c) => c.status === 'problem')).toEqual([]);
  });

  it('a stopped engine is "not running" with the start-service fix, which brings it back', async () => {
    const controller = {
      start: (): Promise<void> => engine.start(),
      describe: () => [[testEngine().dockerd, `--host=${engine.host}`, `--group=${group}`]],
    };
    const core = rootCore(engine.host, { setup: { serviceController: controller } });
    cores.push(core);
    await core.start();
    await engine.stop();

    const stopped = await call(core, 'setup.diagnose');
    expect(stopped.verdict).toBe('not-running');
    expect(['missing', 'refused']).toContain(stopped.connect.result);
    expect(checkOf(stopped, 'service')).toMatchObject({ status: 'problem', fix: 'start-service' });
    expect(await call(core, 'setup.fixPlan', { fix: 'start-service' })).toEqual({ fix: 'start-service', commands: controller.describe() });

    const task = await call(core, 'setup.fix', { fix: 'start-service' });
    const done = await core.tasks.settled(task.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect((done.result as SetupDiagnosis).verdict).toBe('usable');
    expect(core.connection.status().state).toBe('connected');
  });

  it('no docker on PATH or in the search dirs, no socket, no dockerd process: "not installed" with the distro\'s commands', async () => {
    // An empty PATH, search dirs and procfs stand in for a machine without Docker (other tests' engines run here).
    const empty = mkdtempSync(join(tmpdir(), 'wharf-empty-'));
    tempDirs.push(empty);
    const core = rootCore(`unix://${join(empty, 'docker.sock')}`, { env: { PATH: empty }, setup: { searchDirs: [empty], paths: { proc: empty } } });
    cores.push(core);
    await core.start();

    const diagnosis = await call(core, 'setup.diagnose');
    expect(diagnosis.verdict).toBe('not-installed');
    expect(diagnosis.connect.result).toBe('missing');
    expect(diagnosis.installation).toEqual({ packaging: 'none' });
    expect(checkOf(diagnosis, 'installed')).toMatchObject({ status: 'problem', evidence: { searched: empty } });

    const guide: InstallGuide = await call(core, 'setup.installGuide');
    expect(guide.family).toBe(diagnosis.distro.family);
    // This machine is Debian 12 (bookworm).
    expect(guide.family).toBe('debian');
    expect(guide.distroPackage.flatMap((s) => s.commands)).toContainEqual(['sudo', 'apt-get', 'install', '-y', 'docker.io']);
    const aliyun = guide.dockerCe.find((m) => m.mirror === 'aliyun');
    expect(aliyun?.baseUrl).toBe('https://mirrors.aliyun.com/docker-ce');
    expect(aliyun?.steps.find((s) => s.key === 'aptSource')?.values).toMatchObject({ codename: 'bookworm', repo: 'debian' });
  });
});
