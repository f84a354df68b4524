/**
 * One apply asks for the password once: the desktop runs Wharf's root helper through pkexec, one call per apply. A
 * stand-in pkexec logs each call and runs it as pkexec does, with an empty environment. The helper, as root, checks
 * for itself before it writes: it refuses a daemon.json whose folder others can write or whose file is not root's,
 * one that changed since the plan — and Wharf says so before any password is asked.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { createPkexecRunner } from '../../src/main/core/privilege/pkexec-runner';
import type { DaemonConfigApplyResult } from '../../src/shared/registry-mirrors';
import { makeRegistriesCore } from '../support/daemon-config-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { createThrowawayAccount, type ThrowawayAccount } from '../support/throwaway-account';
import { call } from './make-core';

const HELPER = path.join(__dirname, '../../resources/wharf-daemon-json');
const MIRROR = 'https://docker.m.daocloud.io';

/** The helper run as root by hand: its exit code and its one-line answer. */
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
  let scratch: string;
  let log: string;

  const pkexecCalls = (): string[] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') : []);
  const mirrorsInEffect = async (): Promise<string[]> => JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) as string[];

  beforeAll(async () => {
    account = createThrowawayAccount();
    engine = await startPrivateEngine({ name: 'pkexec' });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-pkexec-'));
    log = path.join(scratch, 'calls.log');
    const pkexec = path.join(scratch, 'pkexec');
    // pkexec runs the program as root with a minimal environment of its own: none here at all.
    fs.writeFileSync(pkexec, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec /usr/bin/env -i "$@"\n`, { mode: 0o755 });
    core = makeRegistriesCore(engine, {}, createPkexecRunner({ pkexecPath: pkexec }));
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
    account?.remove();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('one apply is one pkexec call of the root helper: backup, write and reload done, the mirror in effect', async () => {
    const original = fs.readFileSync(engine.configPath, 'utf8');
    const state = await call(core, 'daemon.readConfig');
    const task = await core.tasks.settled((await call(core, 'daemon.applyConfig', { registryMirrors: [MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
    expect(task.error).toBeUndefined();
    expect(pkexecCalls()).toEqual([`${HELPER} apply --socket ${engine.socketPath} --config ${engine.configPath} --expect-sha256 ${state.hash}`]);
    const result = task.result as DaemonConfigApplyResult;
    expect(fs.readFileSync(result.backupPath as string, 'utf8')).toBe(original);
    expect(await mirrorsInEffect()).toEqual([`${MIRROR}/`]);

    // And the way back: again one call.
    const again = await call(core, 'daemon.readConfig');
    const back = await core.tasks.settled((await call(core, 'daemon.applyConfig', { registryMirrors: [], insecureRegistries: [], expectedHash: again.hash })).id);
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
      const plan = await core.invoke('daemon.planConfig', { registryMirrors: [MIRROR], insecureRegistries: [] });
      expect(plan).toMatchObject({ ok: false, error: { code: 'unsupported', details: { reason: 'config-dir-writable', path: engine.dir } } });
      const state = await call(core, 'daemon.readConfig');
      const task = await core.tasks.settled((await call(core, 'daemon.applyConfig', { registryMirrors: [MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
      expect(task.error).toMatchObject({ code: 'unsupported', details: { reason: 'config-dir-writable' } });
      expect(pkexecCalls()).toHaveLength(calls);

      const refused = await runHelper(['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash], '{}');
      expect(refused).toEqual({ code: 3, answer: { ok: false, reason: 'config-dir-writable', path: engine.dir } });
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
    } finally {
      fs.chmodSync(engine.dir, mode);
    }
  });

  it("refuses a daemon.json that is not root's", async () => {
    const before = fs.readFileSync(engine.configPath, 'utf8');
    const state = await call(core, 'daemon.readConfig');
    fs.chownSync(engine.configPath, account.uid, account.gid);
    try {
      const plan = await core.invoke('daemon.planConfig', { registryMirrors: [MIRROR], insecureRegistries: [] });
      expect(plan).toMatchObject({ ok: false, error: { details: { reason: 'config-owner', path: engine.configPath } } });
      const refused = await runHelper(['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash], '{}');
      expect(refused).toEqual({ code: 3, answer: { ok: false, reason: 'config-owner', path: engine.configPath } });
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
    } finally {
      fs.chownSync(engine.configPath, 0, 0);
    }
  });

  it('the helper refuses a file that changed since the plan, and arguments outside its grammar', async () => {
    const before = fs.readFileSync(engine.configPath, 'utf8');
    const stale = await runHelper(['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', 'a'.repeat(64)], '{}');
    expect(stale).toEqual({ code: 3, answer: { ok: false, reason: 'changed', path: engine.configPath } });
    for (const args of [
      ['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', 'absent', '--then', 'reload'],
      ['apply', '--socket', engine.socketPath, '--config', `${engine.dir}/../x/daemon.json`, '--expect-sha256', 'absent'],
      ['write', '--socket', engine.socketPath],
      ['apply', '--socket', engine.socketPath, '--socket', engine.socketPath],
    ]) {
      expect(await runHelper(args, '{}'), args.join(' ')).toMatchObject({ code: 2, answer: { ok: false, reason: 'bad-argument' } });
    }
    const unknown = await runHelper(['restore', '--socket', engine.socketPath, '--config', engine.configPath, '--backup', `${engine.configPath}.bak-20000101T000000Z`, '--then', 'reload'], '');
    expect(unknown).toEqual({ code: 3, answer: { ok: false, reason: 'restore-unknown', path: engine.configPath } });
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
  });
});
