/**
 * One apply asks for the password once: the desktop runs Wharf's root helper through pkexec, one call per apply. A
 * stand-in pkexec logs each call and runs it as pkexec does, with an empty environment. The helper, as root, checks
 * for itself before it writes: it refuses a daemon.json whose folder others can write or whose file is not root's,
 * one that changed since the plan — and Wharf says so before any password is asked. Once it has written, it waits
 * for Wharf's verdict; when Wharf goes away instead, it puts the old file back by itself.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { RegistryMirrorsApplyResult } from '../../src/shared/registry-mirrors';
import { createCountingPkexec, type CountingPkexec } from '../support/counting-pkexec';
import { makeRegistryMirrorsCore } from '../support/registry-mirrors-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { createThrowawayAccount, type ThrowawayAccount } from '../support/throwaway-account';
import { call } from './make-core';

const HELPER = path.join(__dirname, '../../resources/wharf-daemon-json');
const MIRROR = 'https://docker.m.daocloud.io';

/** The helper run as root by hand: its exit code and its one-line answer (a refusal: it reads nothing). */
function runHelper(args: string[], stdin: string): Promise<{ code: number; answer: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const child = execFile(HELPER, args, { env: {} }, (error, stdout) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code) : 0, answer: JSON.parse(stdout) as Record<string, unknown> });
    });
    child.stdin?.end(stdin);
  });
}

describe('applying through pkexec', () => {
  let engine: PrivateEngine;
  let account: ThrowawayAccount;
  let core: Core;
  let pkexec: CountingPkexec;

  const pkexecCalls = (): string[] => pkexec.calls();
  // `docker info` prints [] for no mirrors on engine 20.10 and null on 26.1.
  const mirrorsInEffect = async (): Promise<string[]> => (JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) as string[] | null) ?? [];
  const mirrorsBecome = async (wanted: string[]): Promise<string[]> => {
    let seen = await mirrorsInEffect();
    for (let i = 0; i < 100 && JSON.stringify(seen) !== JSON.stringify(wanted); i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await mirrorsInEffect();
    }
    return seen;
  };

  beforeAll(async () => {
    account = createThrowawayAccount();
    engine = await startPrivateEngine({ name: 'pkexec' });
    pkexec = createCountingPkexec();
    core = makeRegistryMirrorsCore(engine, { confirmTimeoutS: 30 }, pkexec.runner);
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
    account?.remove();
    pkexec?.remove();
  });

  it('one apply is one pkexec call of the root helper: backup, write, reload and the verdict done, the mirror in effect', async () => {
    const original = fs.readFileSync(engine.configPath, 'utf8');
    const state = await call(core, 'registryMirrors.read');
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [MIRROR], insecureRegistries: [] });
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
    expect(task.error).toBeUndefined();
    expect(pkexecCalls()).toEqual([
      `${HELPER} apply --socket ${engine.socketPath} --config ${engine.configPath} --expect-sha256 ${state.hash} --bytes ${Buffer.byteLength(plan.newText)} --confirm-timeout 30`,
    ]);
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(plan.newText);
    const result = task.result as RegistryMirrorsApplyResult;
    expect(fs.readFileSync(result.backupPath as string, 'utf8')).toBe(original);
    expect(await mirrorsInEffect()).toEqual([`${MIRROR}/`]);

    // And the way back: again one call.
    const again = await call(core, 'registryMirrors.read');
    const back = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [], insecureRegistries: [], expectedHash: again.hash })).id);
    expect(back.error).toBeUndefined();
    expect(pkexecCalls()).toHaveLength(2);
    expect(await mirrorsInEffect()).toEqual([]);
  }, 60_000);

  it('refuses, before any password, a daemon.json whose folder others can write; the helper refuses it too', async () => {
    const before = fs.readFileSync(engine.configPath, 'utf8');
    const calls = pkexecCalls().length;
    const mode = fs.statSync(engine.dir).mode & 0o7777;
    fs.chmodSync(engine.dir, 0o777);
    try {
      const plan = await core.invoke('registryMirrors.plan', { registryMirrors: [MIRROR], insecureRegistries: [] });
      expect(plan).toMatchObject({ ok: false, error: { code: 'unsupported', details: { reason: 'config-dir-writable', path: engine.dir } } });
      const state = await call(core, 'registryMirrors.read');
      const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
      expect(task.error).toMatchObject({ code: 'unsupported', details: { reason: 'config-dir-writable' } });
      expect(pkexecCalls()).toHaveLength(calls);

      const refused = await runHelper(['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash, '--bytes', '2'], '{}');
      expect(refused).toEqual({ code: 3, answer: { ok: false, reason: 'config-dir-writable', path: engine.dir } });
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
    } finally {
      fs.chmodSync(engine.dir, mode);
    }
  });

  it("refuses a daemon.json that is not root's", async () => {
    const before = fs.readFileSync(engine.configPath, 'utf8');
    const state = await call(core, 'registryMirrors.read');
    fs.chownSync(engine.configPath, account.uid, account.gid);
    try {
      const plan = await core.invoke('registryMirrors.plan', { registryMirrors: [MIRROR], insecureRegistries: [] });
      expect(plan).toMatchObject({ ok: false, error: { details: { reason: 'config-owner', path: engine.configPath } } });
      const refused = await runHelper(['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash, '--bytes', '2'], '{}');
      expect(refused).toEqual({ code: 3, answer: { ok: false, reason: 'config-owner', path: engine.configPath } });
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
    } finally {
      fs.chownSync(engine.configPath, 0, 0);
    }
  });

  it('the helper refuses a file that changed since the plan, and arguments outside its grammar', async () => {
    const before = fs.readFileSync(engine.configPath, 'utf8');
    const stale = await runHelper(['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', 'a'.repeat(64), '--bytes', '2'], '{}');
    expect(stale).toEqual({ code: 3, answer: { ok: false, reason: 'changed', path: engine.configPath } });
    const state = await call(core, 'registryMirrors.read');
    const apply = ['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash];
    for (const args of [
      // --then and --private take one of their words only.
      [...apply, '--bytes', '2', '--then', 'sometimes'],
      [...apply, '--bytes', '2', '--private', 'maybe'],
      [...apply, '--bytes', '2', '--then', '--private'],
      ['apply', '--socket', engine.socketPath, '--config', `${engine.dir}/../x/daemon.json`, '--expect-sha256', 'absent', '--bytes', '2'],
      ['write', '--socket', engine.socketPath],
      ['restore', '--socket', engine.socketPath, '--config', engine.configPath, '--backup', `${engine.configPath}.bak-20000101T000000Z`, '--then', 'reload'],
      ['apply', '--socket', engine.socketPath, '--socket', engine.socketPath],
      apply,
      [...apply, '--bytes', '02'],
      [...apply, '--bytes', '2', '--confirm-timeout', '4'],
      [...apply, '--bytes', '2', '--confirm-timeout', '601'],
      [...apply, '--bytes', '2', '--confirm-timeout', '-5'],
      // Fewer bytes than announced: nothing is written.
      [...apply, '--bytes', '3'],
    ]) {
      expect(await runHelper(args, '{}'), args.join(' ')).toMatchObject({ code: 2, answer: { ok: false, reason: 'bad-argument' } });
    }
    expect(await runHelper([...apply, '--bytes', '1048577'], '{}')).toEqual({ code: 3, answer: { ok: false, reason: 'too-large', path: engine.configPath } });
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
    expect(fs.readdirSync(engine.dir).filter((name) => name.includes('.wharf-'))).toEqual([]);
  });

  it('when Wharf goes away after the write (its end of stdin closed without a word), the helper puts the file back by itself, in the same call', async () => {
    const before = fs.readFileSync(engine.configPath);
    // The applies above left `"registry-mirrors": []` in the file: dockerd's reload takes a value away only when the
    // file names its key, so only then can the engine, not just the file, be back as it was without a restart.
    expect(before.toString()).toMatch(/"registry-mirrors": \[\]/);
    const calls = pkexecCalls().length;
    const state = await call(core, 'registryMirrors.read');
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [MIRROR], insecureRegistries: [] });
    // As Wharf starts it: one pkexec call of the helper, the new file on its stdin, which stays open for the verdict.
    const argv = [HELPER, 'apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash];
    const helper = spawn(pkexec.path, [...argv, '--bytes', String(Buffer.byteLength(plan.newText)), '--confirm-timeout', '600'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => helper.on('close', resolve));
    const lines = createInterface({ input: helper.stdout })[Symbol.asyncIterator]();
    helper.stdin.write(plan.newText);

    const written = JSON.parse(String((await lines.next()).value)) as { backup: string };
    expect(written).toMatchObject({ ok: true, verb: 'apply', path: engine.configPath, pid: engine.pid, reload: 'signal', timeout: 600 });
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(plan.newText);
    expect(await mirrorsBecome([`${MIRROR}/`])).toEqual([`${MIRROR}/`]);

    // Wharf dies: its end of the pipe closes, nothing more is said.
    helper.stdin.destroy();
    const last = JSON.parse(String((await lines.next()).value)) as unknown;
    expect(last).toEqual({ ok: true, verb: 'rollback', why: 'no-answer', path: engine.configPath, backup: written.backup, reload: 'signal' });
    expect(await exited).toBe(5);
    expect(fs.readFileSync(engine.configPath).equals(before)).toBe(true);
    expect(await mirrorsBecome([])).toEqual([]);
    expect(pkexecCalls()).toHaveLength(calls + 1);
  }, 60_000);
});
