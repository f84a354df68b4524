import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../src/shared/engine';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { SERVE_ENTRY, startWebMode, type RunningWebMode } from '../e2e/support/web-mode';

const ROOT = join(__dirname, '../..');

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('/usr/bin/id', [flag, name]).toString().trim());
}

function groupId(name: string): number {
  return Number(execFileSync('/usr/bin/getent', ['group', name]).toString().split(':')[2]);
}

async function engineStatusOf(web: RunningWebMode): Promise<EngineStatus> {
  // The first attempt may still be running right after start: ask until it has a verdict.
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${web.url}api/engine.status`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: '{}' });
    const envelope = (await res.json()) as { ok: true; value: EngineStatus };
    if (envelope.value.state !== 'connecting') return envelope.value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('engine state stayed "connecting"');
}

/**
 * A real throwaway user and group: the private dockerd's socket belongs to the group, and Wharf (web mode, run as
 * that user) must say "permission denied" — not "not running" — until the user's session has the group.
 */
describe('a user outside the socket group', () => {
  const suffix = randomBytes(3).toString('hex');
  const user = `wharfu${suffix}`;
  const group = `wharfg${suffix}`;
  let engine: PrivateEngine;
  let appCopy: string;
  let uid: number;
  let gid: number;
  let socketGid: number;
  const servers: RunningWebMode[] = [];

  beforeAll(async () => {
    execFileSync('/usr/sbin/groupadd', [group]);
    execFileSync('/usr/sbin/useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', user]);
    uid = idOf('-u', user);
    gid = idOf('-g', user);
    socketGid = groupId(group);
    engine = await startPrivateEngine({ name: 'perm', socketGroup: group });
    // The socket's folders must be traversable by others, so the socket's own mode and group decide.
    for (let dir = dirname(engine.socketPath); dir !== dirname(dir) && dir.startsWith(tmpdir() + '/'); dir = dirname(dir)) chmodSync(dir, 0o711);
    // The clone may sit in a private folder (mktemp -d): give the user a copy of the built app and its runtime packages.
    appCopy = mkdtempSync(join(tmpdir(), 'wharf-app-'));
    chmodSync(appCopy, 0o755);
    cpSync(join(ROOT, 'out'), join(appCopy, 'out'), { recursive: true });
    const packages = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT }).toString().split('\n');
    const topLevel = new Set(packages.map((p) => p.match(/^(.*?\/node_modules\/(?:@[^/]+\/)?[^/]+)/)?.[1]).filter((p): p is string => p !== undefined));
    for (const dir of topLevel) cpSync(dir, join(appCopy, relative(ROOT, dir)), { recursive: true });
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    if (appCopy) rmSync(appCopy, { recursive: true, force: true });
    await engine?.destroy();
    execFileSync('/usr/sbin/userdel', [user]);
    execFileSync('/usr/sbin/groupdel', [group], { stdio: 'ignore' });
  });

  it('is told "permission denied" with the EACCES detail; the same user with the group connects', async () => {
    const entry = join(appCopy, relative(ROOT, SERVE_ENTRY));
    const denied = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex'), runAs: { uid, gid, groups: [] }, entry, env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
    servers.push(denied);
    const status = await engineStatusOf(denied);
    expect(status.state).toBe('permission-denied');
    expect(status.detail).toMatch(/EACCES/);
    const facts = await fetch(`${denied.url}api/engine.facts`, { method: 'POST', headers: { Authorization: `Bearer ${denied.token}` }, body: '{}' });
    expect(await facts.json()).toMatchObject({ ok: false, error: { code: 'permission-denied' } });

    const allowed = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex'), runAs: { uid, gid, groups: [socketGid] }, entry, env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
    servers.push(allowed);
    expect((await engineStatusOf(allowed)).state).toBe('connected');
  });
});
