/**
 * "Rollback": the private engine runs with a --registry-mirror flag, so registry-mirrors in its daemon.json makes it
 * refuse the file (on reload, and on start). Wharf reads dockerd's command line and refuses before touching anything;
 * where it cannot read the command line, the engine refuses the reload, and Wharf's root helper puts the backup back
 * and reloads; when the engine goes down meanwhile, the backup goes back and the engine is restarted. Each time the
 * engine runs with the original file afterwards, and Wharf says why.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { DaemonConfigRollback } from '../../src/shared/registry-mirrors';
import { makeRegistriesCore } from '../support/daemon-config-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { call } from './make-core';

const FLAG_MIRROR = 'http://127.0.0.1:5999';
const FILE_MIRROR = 'https://docker.m.daocloud.io';

describe('a registry-mirrors key that conflicts with a dockerd flag', () => {
  let engine: PrivateEngine;
  let original: string;

  const mirrorsInEffect = async (): Promise<string[]> => JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) as string[];

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'rollback', extraArgs: [`--registry-mirror=${FLAG_MIRROR}`] });
    original = fs.readFileSync(engine.configPath, 'utf8');
  }, 120_000);

  afterAll(async () => {
    await engine?.destroy();
  });

  it('is detected from the running dockerd command line; nothing is written and the engine keeps running', async () => {
    const core: Core = makeRegistriesCore(engine);
    await core.start();
    try {
      const state = await call(core, 'daemon.readConfig');
      expect(state.flags?.registryMirrors).toEqual([FLAG_MIRROR]);
      expect(state.inEffect?.registryMirrors).toEqual([FLAG_MIRROR]);
      const plan = await call(core, 'daemon.planConfig', { registryMirrors: [FILE_MIRROR], insecureRegistries: [] });
      expect(plan.valid).toBe(false);
      expect(plan.conflicts).toEqual([{ key: 'registry-mirrors', flag: '--registry-mirror', flagValues: [FLAG_MIRROR] }]);
      const pid = engine.pid;
      const task = await core.tasks.settled((await call(core, 'daemon.applyConfig', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
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

  it('when undetected, the refused reload is rolled back: original file, engine running, the reason and its log', async () => {
    // As for a user who cannot read root's dockerd: no command line, so no conflict is seen before the write.
    const core = makeRegistriesCore(engine, { dockerdCommandLine: () => undefined, verifyTimeoutMs: 5_000 });
    await core.start();
    try {
      const pid = engine.pid;
      const state = await call(core, 'daemon.readConfig');
      expect(state.flags).toBeUndefined();
      const task = await core.tasks.settled((await call(core, 'daemon.applyConfig', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
      expect(task.state).toBe('failed');
      expect(task.error?.message).toContain('the new values did not take effect');
      const rollback = (task.error?.details as { rollback: DaemonConfigRollback }).rollback;
      expect(rollback).toMatchObject({ rolledBack: true, reason: 'not-in-effect', restored: true });
      expect(rollback.engineLog.join('\n')).toMatch(/specified both as a flag and in the configuration file.*registry-mirrors/);
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(fs.readFileSync(rollback.backupPath as string, 'utf8')).toBe(original);
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
      expect(engine.pid, 'reloaded, never restarted').toBe(pid);
    } finally {
      core.stop();
    }
  }, 120_000);

  it('when the engine goes down meanwhile, the backup goes back and the engine is restarted', async () => {
    const core = makeRegistriesCore(engine, { dockerdCommandLine: () => undefined, verifyTimeoutMs: 8_000 });
    await core.start();
    try {
      const state = await call(core, 'daemon.readConfig');
      const started = await call(core, 'daemon.applyConfig', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash });
      // The engine refused the reload; it stops before Wharf has seen the new values (it never will).
      const deadline = Date.now() + 10_000;
      while (fs.readFileSync(engine.configPath, 'utf8') === original && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(fs.readFileSync(engine.configPath, 'utf8')).not.toBe(original);
      await engine.stop();
      const task = await core.tasks.settled(started.id);
      expect(task.state).toBe('failed');
      expect(task.error?.message).toContain('the engine did not come back');
      const rollback = (task.error?.details as { rollback: DaemonConfigRollback }).rollback;
      expect(rollback).toMatchObject({ rolledBack: true, reason: 'engine-down', restored: true });
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(engine.pid).toBeDefined();
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
      expect(task.step?.key).toBe('registry-verify');
    } finally {
      core.stop();
    }
  }, 120_000);
});
