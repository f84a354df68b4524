import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../src/shared/engine';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { copyBuiltAppForOthers, createThrowawayAccount, makeSocketDirsTraversable, type AppCopy, type ThrowawayAccount } from '../support/throwaway-account';
import { startWebMode, type RunningWebMode } from '../e2e/support/web-mode';

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
  let account: ThrowawayAccount;
  let app: AppCopy;
  let engine: PrivateEngine;
  const servers: RunningWebMode[] = [];

  beforeAll(async () => {
    account = createThrowawayAccount();
    engine = await startPrivateEngine({ name: 'perm', socketGroup: account.group });
    makeSocketDirsTraversable(engine.socketPath);
    app = copyBuiltAppForOthers();
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    app?.remove();
    await engine?.destroy();
    account?.remove();
  });

  it('is told "permission denied" with the EACCES detail; the same user with the group connects', async () => {
    const env = { PATH: process.env.PATH, HOME: '/nonexistent' };
    const runAs = (groups: number[]): { uid: number; gid: number; groups: number[] } => ({ uid: account.uid, gid: account.gid, groups });
    const denied = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex'), runAs: runAs([]), entry: app.serveEntry, env });
    servers.push(denied);
    const status = await engineStatusOf(denied);
    expect(status.state).toBe('permission-denied');
    expect(status.detail).toMatch(/EACCES/);
    const facts = await fetch(`${denied.url}api/engine.facts`, { method: 'POST', headers: { Authorization: `Bearer ${denied.token}` }, body: '{}' });
    expect(await facts.json()).toMatchObject({ ok: false, error: { code: 'permission-denied' } });

    const allowed = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex'), runAs: runAs([account.groupGid]), entry: app.serveEntry, env });
    servers.push(allowed);
    expect((await engineStatusOf(allowed)).state).toBe('connected');
  });
});
