/**
 * A local user starts a process named dockerd whose command line says `--host unix://<the engine's socket>
 * --config-file /etc/sudoers.d/zz`. Wharf, run by an ordinary desktop user (who cannot read root's file descriptors
 * to see who really holds the socket), reaches the engine through a symlinked socket path — as /var/run/docker.sock
 * is one for /run/docker.sock — so the real dockerd's -H does not spell the path Wharf uses, and the fake's does.
 * Wharf must still edit the real engine's daemon.json; and its root helper refuses /etc/sudoers.d/zz outright.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryMirrorsPlan, RegistryMirrorsState } from '../../src/shared/registry-mirrors';
import { startWebMode, type RunningWebMode } from '../e2e/support/web-mode';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { copyBuiltAppForOthers, createThrowawayAccount, makeSocketDirsTraversable, type AppCopy, type ThrowawayAccount } from '../support/throwaway-account';

const HELPER = path.join(__dirname, '../../resources/wharf-daemon-json');
const TARGET = '/etc/sudoers.d/zz';

async function post<T>(web: RunningWebMode, channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${web.url}api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  const envelope = (await res.json()) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

describe("a local user's fake dockerd that names the socket and /etc/sudoers.d/zz", () => {
  let user: ThrowawayAccount;
  let attacker: ThrowawayAccount;
  let engine: PrivateEngine;
  let app: AppCopy;
  let web: RunningWebMode | undefined;
  let fake: ChildProcess | undefined;
  let scratch: string;
  let link: string;

  beforeAll(async () => {
    expect(fs.existsSync(TARGET)).toBe(false);
    user = createThrowawayAccount();
    attacker = createThrowawayAccount();
    engine = await startPrivateEngine({ name: 'fake', socketGroup: user.group });
    makeSocketDirsTraversable(engine.socketPath);
    app = copyBuiltAppForOthers();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-fake-dockerd-'));
    fs.chmodSync(scratch, 0o755);
    // The path Wharf uses: a symlink to the engine's socket.
    link = path.join(scratch, 'docker.sock');
    fs.symlinkSync(engine.socketPath, link);
    // The attacker's "dockerd": a copy of sh (comm is the file's name), looping, its command line as they like it.
    const own = path.join(scratch, 'attacker');
    fs.mkdirSync(own, { mode: 0o755 });
    fs.copyFileSync('/bin/dash', path.join(own, 'dockerd'));
    fs.chmodSync(path.join(own, 'dockerd'), 0o755);
    fs.chownSync(own, attacker.uid, attacker.gid);
    fake = spawn(path.join(own, 'dockerd'), ['-c', 'while :; do sleep 1; done', 'dockerd', '--host', `unix://${link}`, '--config-file', TARGET], {
      uid: attacker.uid,
      gid: attacker.gid,
      stdio: 'ignore',
    });
    // Until the shell has exec'd under its new name (argv[0] "dockerd").
    const comm = (): string => fs.readFileSync(`/proc/${fake?.pid}/comm`, 'utf8').trim();
    for (const deadline = Date.now() + 5_000; comm() !== 'dockerd' && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    expect(comm()).toBe('dockerd');
    web = await startWebMode({
      dockerHost: `unix://${link}`,
      token: randomBytes(12).toString('hex'),
      runAs: { uid: user.uid, gid: user.gid, groups: [user.groupGid] },
      entry: app.serveEntry,
      env: { PATH: process.env.PATH, HOME: '/nonexistent' },
    });
  }, 180_000);

  afterAll(async () => {
    await web?.stop();
    fake?.kill('SIGKILL');
    app?.remove();
    await engine?.destroy();
    user?.remove();
    attacker?.remove();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("Wharf, run by an ordinary user, edits the real engine's daemon.json, not the fake's pick", async () => {
    if (!web) throw new Error('web mode did not start');
    let state: RegistryMirrorsState | undefined;
    // The engine connection may still be starting.
    for (let i = 0; i < 50 && state?.inEffect === undefined; i++) {
      state = await post<RegistryMirrorsState>(web, 'registryMirrors.read', {});
      if (state.inEffect === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(state?.path).toBe(engine.configPath);
    expect(state?.flags?.pid).toBe(engine.pid);
    const plan = await post<RegistryMirrorsPlan>(web, 'registryMirrors.plan', { registryMirrors: ['https://docker.m.daocloud.io'], insecureRegistries: [] });
    expect(plan.path).toBe(engine.configPath);
    expect(JSON.stringify(plan.commands)).not.toContain(TARGET);
    expect(fs.existsSync(TARGET)).toBe(false);
  });

  it('the root helper refuses to write /etc/sudoers.d/zz for that socket: it is not the engine\'s configuration', async () => {
    const answer = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(HELPER, ['apply', '--socket', link, '--config', TARGET, '--expect-sha256', 'absent', '--bytes', '3'], { env: {} }, (error, stdout) =>
        resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, stdout }),
      );
      child.stdin?.end('{}\n');
    });
    expect(answer.code).toBe(3);
    expect(JSON.parse(answer.stdout)).toEqual({ ok: false, reason: 'not-the-engine-config', path: TARGET });
    expect(fs.existsSync(TARGET)).toBe(false);
  });
});
