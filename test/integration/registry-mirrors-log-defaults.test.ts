/**
 * Default log limits through the daemon.json transaction (issue 19): `log-opts` max-size / max-file written with
 * every other byte kept, applied with a restart (dockerd reads them at start), verified with a container created
 * afterwards; a new container then gets max-size in its HostConfig.LogConfig, while one created before keeps its
 * unlimited setting — containers.logUsage says so. Settings dockerd would refuse are refused at their field first.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { RegistryMirrorsApplyResult } from '../../src/shared/registry-mirrors';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { makeRegistryMirrorsCore } from '../support/registry-mirrors-core';
import { call } from './make-core';

const IMAGE = 'log-defaults/busybox:1';

describe('default log limits', () => {
  let engine: PrivateEngine;
  let core: Core;
  let old = '';

  const logConfig = async (id: string): Promise<{ Type: string; Config: Record<string, string> }> =>
    JSON.parse((await engine.cliOk(['inspect', '-f', '{{json .HostConfig.LogConfig}}', id])).stdout) as { Type: string; Config: Record<string, string> };

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'log-defaults' });
    await importBusybox(engine, IMAGE);
    old = await runContainer(engine, ['--name', 'old', '--restart', 'always', IMAGE, 'sleep', '3600']);
    core = makeRegistryMirrorsCore(engine);
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('refuses what dockerd would refuse, at its field; nothing is written', async () => {
    const before = fs.readFileSync(engine.configPath, 'utf8');
    const state = await call(core, 'registryMirrors.read');
    const bad = await call(core, 'registryMirrors.plan', { registryMirrors: [], insecureRegistries: [], logDefaults: { driver: '', maxSize: '10 MB', maxFile: '3' } });
    expect(bad.valid).toBe(false);
    expect(bad.logDefaults?.problems).toEqual({ maxSize: 'max-size' });
    const noSize = await call(core, 'registryMirrors.plan', { registryMirrors: [], insecureRegistries: [], logDefaults: { driver: '', maxSize: '', maxFile: '3' } });
    expect(noSize.logDefaults?.problems).toEqual({ maxFile: 'max-file-needs-size' });
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [], insecureRegistries: [], logDefaults: { driver: '', maxSize: '', maxFile: '3' }, expectedHash: state.hash })).id);
    expect(task.error?.code).toBe('invalid-input');
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
  });

  it('applies max-size and max-file with a restart: a new container gets them, the old one keeps no limit until recreated', async () => {
    const state = await call(core, 'registryMirrors.read');
    expect(state.settings.logDefaults).toEqual({ driver: '', maxSize: '', maxFile: '' });
    const input = { registryMirrors: [], insecureRegistries: [], logDefaults: { driver: '', maxSize: '10m', maxFile: '3' } };
    const plan = await call(core, 'registryMirrors.plan', input);
    expect(plan.valid).toBe(true);
    expect(plan.via).toBe('restart');
    expect(plan.restartEffects?.running).toBe(1);
    const original = JSON.parse(fs.readFileSync(engine.configPath, 'utf8')) as Record<string, unknown>;

    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { ...input, expectedHash: state.hash })).id);
    expect(task.error).toBeUndefined();
    expect((task.result as RegistryMirrorsApplyResult).via).toBe('restart');
    // Only log-opts was added.
    expect(JSON.parse(fs.readFileSync(engine.configPath, 'utf8'))).toEqual({ ...original, 'log-opts': { 'max-size': '10m', 'max-file': '3' } });

    const fresh = await runContainer(engine, ['--name', 'fresh', IMAGE, 'sleep', '3600']);
    expect(await logConfig(fresh)).toEqual({ Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '3' } });
    expect(await logConfig(old)).toEqual({ Type: 'json-file', Config: {} });
    const usage = await call(core, 'containers.logUsage', {});
    const byName = new Map(usage.rows.map((r) => [r.name, r]));
    expect(byName.get('old')).toMatchObject({ unlimited: true });
    expect(byName.get('fresh')).toMatchObject({ unlimited: false, options: { 'max-size': '10m', 'max-file': '3' } });
    expect((await call(core, 'registryMirrors.read')).settings.logDefaults).toEqual({ driver: '', maxSize: '10m', maxFile: '3' });
    // The old container, with its restart policy, runs again after the restart.
    expect((await engine.cliOk(['inspect', '-f', '{{.State.Running}}', old])).stdout.trim()).toBe('true');
  }, 120_000);
});
