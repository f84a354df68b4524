/**
 * "Rollback": the private engine runs with a --registry-mirror flag, so registry-mirrors in its daemon.json makes it
 * refuse the file (on reload, and on start). Wharf reads dockerd's command line and refuses before touching anything;
 * where it cannot read the command line, the engine refuses the reload, and Wharf's root helper puts the backup back
 * and reloads; when the engine goes down meanwhile, the backup goes back and the engine is restarted. Each time the
 * engine runs with the original file afterwards, and Wharf says why. The rollback happens inside the helper's one
 * pkexec call (a stand-in pkexec counts them): on Wharf's word, on a cancel, or by itself when no word comes in time.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { RegistryMirrorsRollback } from '../../src/shared/registry-mirrors';
import { createCountingPkexec, type CountingPkexec } from '../support/counting-pkexec';
import { makeRegistryMirrorsCore } from '../support/registry-mirrors-core';
import { recordingLogger } from '../support/recording-logger';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { call } from './make-core';

const FLAG_MIRROR = 'http://127.0.0.1:5999';
const FILE_MIRROR = 'https://docker.m.daocloud.io';

describe('a registry-mirrors key that conflicts with a dockerd flag', () => {
  let engine: PrivateEngine;
  let original: string;
  let pkexec: CountingPkexec;

  /** Waits until daemon.json's text is (or is no longer) the original, at most `ms`; answers whether it came. */
  const fileIsOriginal = async (wanted: boolean, ms: number): Promise<boolean> => {
    const deadline = Date.now() + ms;
    while ((fs.readFileSync(engine.configPath, 'utf8') === original) !== wanted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return (fs.readFileSync(engine.configPath, 'utf8') === original) === wanted;
  };

  const mirrorsInEffect = async (): Promise<string[]> => JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) as string[];

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'rollback', extraArgs: [`--registry-mirror=${FLAG_MIRROR}`] });
    original = fs.readFileSync(engine.configPath, 'utf8');
    pkexec = createCountingPkexec();
  }, 120_000);

  afterAll(async () => {
    await engine?.destroy();
    pkexec?.remove();
  });

  it('is detected from the running dockerd command line; nothing is written and the engine keeps running', async () => {
    const core: Core = makeRegistryMirrorsCore(engine);
    await core.start();
    try {
      const state = await call(core, 'registryMirrors.read');
      expect(state.flags?.registryMirrors).toEqual([FLAG_MIRROR]);
      expect(state.inEffect?.registryMirrors).toEqual([FLAG_MIRROR]);
      const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [FILE_MIRROR], insecureRegistries: [] });
      expect(plan.valid).toBe(false);
      expect(plan.conflicts).toEqual([{ key: 'registry-mirrors', flag: '--registry-mirror', flagValues: [FLAG_MIRROR] }]);
      const pid = engine.pid;
      const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
      expect(task.state).toBe('failed');
      expect(task.error?.code).toBe('conflict');
      expect(task.error?.message).toContain('--registry-mirror');
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(engine.pid).toBe(pid);
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
    } finally {
      core.stop();
    }
  }, 60_000);

  it('when undetected, the refused reload is rolled back in the same pkexec call: original file, engine running, the reason and its log', async () => {
    // As for a user who cannot read root's dockerd: no command line, so no conflict is seen before the write.
    const logger = recordingLogger();
    const core = makeRegistryMirrorsCore(engine, { dockerdCommandLine: () => undefined, verifyTimeoutMs: 5_000 }, pkexec.runner, logger);
    const calls = pkexec.calls().length;
    await core.start();
    try {
      const pid = engine.pid;
      const state = await call(core, 'registryMirrors.read');
      expect(state.flags).toBeUndefined();
      const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
      expect(task.state).toBe('failed');
      expect(task.error?.message).toContain('the new values did not take effect');
      const rollback = (task.error?.details as { rollback: RegistryMirrorsRollback }).rollback;
      expect(rollback).toMatchObject({ rolledBack: true, reason: 'not-in-effect', restored: true });
      expect(rollback.engineLog.join('\n')).toMatch(/specified both as a flag and in the configuration file.*registry-mirrors/);
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(fs.readFileSync(rollback.backupPath as string, 'utf8')).toBe(original);
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
      expect(engine.pid, 'reloaded, never restarted').toBe(pid);
      expect(pkexec.calls(), 'one password prompt, rollback included').toHaveLength(calls + 1);
      // The trail for support: the rollback with its file and reason, and the one pkexec call with its exit code.
      expect(logger.lines).toContainEqual({
        level: 'warn',
        message: 'daemon.json rollback',
        fields: expect.objectContaining({ file: engine.configPath, outcome: 'rolled-back', reason: 'not-in-effect', restored: true, backupPath: rollback.backupPath }),
      });
      await expect
        .poll(() => logger.lines.filter((line) => line.message.startsWith('privileged command')).map((line) => line.fields?.runner))
        .toEqual(['pkexec']);
      expect(JSON.stringify(logger.lines)).not.toContain(FILE_MIRROR);
    } finally {
      core.stop();
    }
  }, 120_000);

  it('when the engine goes down meanwhile, the backup goes back and the engine is restarted, in the same pkexec call', async () => {
    const core = makeRegistryMirrorsCore(engine, { dockerdCommandLine: () => undefined, verifyTimeoutMs: 8_000 }, pkexec.runner);
    const calls = pkexec.calls().length;
    await core.start();
    try {
      const state = await call(core, 'registryMirrors.read');
      const started = await call(core, 'registryMirrors.apply', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash });
      // The engine refused the reload; it stops before Wharf has seen the new values (it never will).
      const deadline = Date.now() + 10_000;
      while (fs.readFileSync(engine.configPath, 'utf8') === original && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(fs.readFileSync(engine.configPath, 'utf8')).not.toBe(original);
      await engine.stop();
      const task = await core.tasks.settled(started.id);
      expect(task.state).toBe('failed');
      expect(task.error?.message).toContain('the engine did not come back');
      const rollback = (task.error?.details as { rollback: RegistryMirrorsRollback }).rollback;
      expect(rollback).toMatchObject({ rolledBack: true, reason: 'engine-down', restored: true });
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(engine.pid).toBeDefined();
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
      expect(task.step?.key).toBe('registry-verify');
      expect(pkexec.calls(), 'one password prompt, rollback included').toHaveLength(calls + 1);
    } finally {
      core.stop();
    }
  }, 120_000);

  it('when no verdict comes in time (Wharf hangs), the helper puts the file back by itself; Wharf then reports it', async () => {
    // Wharf keeps verifying for 20 s; the helper waits 5 s for its word.
    const core = makeRegistryMirrorsCore(engine, { dockerdCommandLine: () => undefined, verifyTimeoutMs: 20_000, confirmTimeoutS: 5 }, pkexec.runner);
    await core.start();
    try {
      const pid = engine.pid;
      const calls = pkexec.calls().length;
      const state = await call(core, 'registryMirrors.read');
      const started = await call(core, 'registryMirrors.apply', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash });
      expect(await fileIsOriginal(false, 10_000), 'the helper wrote the new file').toBe(true);
      expect(await fileIsOriginal(true, 10_000), 'the helper put the old file back within its 5 s (and a margin)').toBe(true);
      expect(core.tasks.get(started.id)?.state, 'while Wharf still verifies').toBe('running');

      const task = await core.tasks.settled(started.id);
      expect(task.state).toBe('failed');
      expect((task.error?.details as { rollback: RegistryMirrorsRollback }).rollback).toMatchObject({ rolledBack: true, restored: true });
      expect(core.tasks.log(started.id, 0).lines.join('\n')).toContain('"verb":"rollback","why":"timeout"');
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
      expect(engine.pid).toBe(pid);
      expect(pkexec.calls()).toHaveLength(calls + 1);
    } finally {
      core.stop();
    }
  }, 120_000);

  it('cancelling the apply while Wharf verifies rolls it back in the same pkexec call', async () => {
    const core = makeRegistryMirrorsCore(engine, { dockerdCommandLine: () => undefined, verifyTimeoutMs: 30_000 }, pkexec.runner);
    await core.start();
    try {
      const calls = pkexec.calls().length;
      const state = await call(core, 'registryMirrors.read');
      const started = await call(core, 'registryMirrors.apply', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash });
      expect(started.cancellable).toBe(true);
      expect(await fileIsOriginal(false, 10_000), 'the helper wrote the new file').toBe(true);
      expect(core.tasks.cancel(started.id).state).toBe('cancelled');
      // Long before the 30 s verification would have ended.
      expect(await fileIsOriginal(true, 10_000), 'the old file is back').toBe(true);
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
      expect(pkexec.calls()).toHaveLength(calls + 1);
    } finally {
      core.stop();
    }
  }, 120_000);
});
