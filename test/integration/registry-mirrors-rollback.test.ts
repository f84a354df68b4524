/**
 * "Rollback": the private engine runs with a --registry-mirror flag, so registry-mirrors in its daemon.json makes it
 * refuse to start. Wharf reads dockerd's command line and refuses before touching anything; and where it cannot read
 * the command line, the engine does not come back from the restart, Wharf restores the backup, restarts it and says why.
 * Either way the engine runs with the original file afterwards.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { DaemonConfigRollback } from '../../src/shared/registry-mirrors';
import { harnessController, makeRegistriesCore } from '../support/daemon-config-core';
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

  it('when undetected, the failed restart is rolled back: original file, engine running, the reason and its log', async () => {
    // As for a user who cannot read root's dockerd: no command line; this engine's controller applies by restarting.
    const core = makeRegistriesCore(engine, { dockerdCommandLine: () => undefined, controller: harnessController(engine, { reloadRestarts: true }) });
    await core.start();
    try {
      const state = await call(core, 'daemon.readConfig');
      expect(state.flags).toBeUndefined();
      const task = await core.tasks.settled((await call(core, 'daemon.applyConfig', { registryMirrors: [FILE_MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
      expect(task.state).toBe('failed');
      expect(task.error?.message).toContain('the engine did not come back');
      const rollback = (task.error?.details as { rollback: DaemonConfigRollback }).rollback;
      expect(rollback).toMatchObject({ rolledBack: true, reason: 'engine-down', restored: true });
      expect(rollback.engineLog.join('\n')).toMatch(/specified both as a flag and in the configuration file.*registry-mirrors/);
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(fs.readFileSync(rollback.backupPath as string, 'utf8')).toBe(original);
      expect(await mirrorsInEffect()).toEqual([`${FLAG_MIRROR}/`]);
      expect(task.step?.key).toBe('registry-verify');
    } finally {
      core.stop();
    }
  }, 120_000);
});
