/**
 * "Nothing lost": a hand-edited daemon.json with other keys and odd formatting keeps every byte but the mirror's
 * after an apply, with a byte-identical backup beside it; a number JavaScript cannot hold (int64's maximum, which
 * the engine takes) stays as written and the engine reloads with it. A malformed daemon.json is refused — its line
 * and column reported — and left byte-for-byte unchanged, with no backup made.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { RegistryMirrorsApplyResult } from '../../src/shared/registry-mirrors';
import { makeRegistryMirrorsCore } from '../support/registry-mirrors-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { call } from './make-core';

const MIRROR = 'https://docker.m.daocloud.io';

function backupsOf(configPath: string): string[] {
  return fs.readdirSync(path.dirname(configPath)).filter((name) => name.startsWith(`${path.basename(configPath)}.bak-`));
}

describe('daemon.json other keys survive an apply; a malformed file is never overwritten', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'keep' });
    core = makeRegistryMirrorsCore(engine);
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('keeps log-driver, log-opts, labels and the rest byte for byte: only the mirror is added', async () => {
    const pools = (JSON.parse(fs.readFileSync(engine.configPath, 'utf8')) as Record<string, unknown>)['default-address-pools'];
    // Hand-edited: tabs, several keys on a line, a key that the engine accepts and Wharf does not know, no final newline.
    const odd = `{\t"log-driver":"json-file",  "log-opts" : {"max-size":"10m","max-file":"3"},\n\n  "labels":["wharf.test=keep", "b=2"],\n"max-concurrent-downloads": 2,"shutdown-timeout":15,\n\t"default-address-pools": ${JSON.stringify(pools)}}`;
    fs.writeFileSync(engine.configPath, odd);
    await engine.restart();
    await core.invoke('engine.reconnect', {});
    const before = JSON.parse(odd) as Record<string, unknown>;

    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [MIRROR], insecureRegistries: [] });
    expect(plan.valid).toBe(true);
    const state = await call(core, 'registryMirrors.read');
    expect(state.otherKeys).toEqual(['log-driver', 'log-opts', 'labels', 'max-concurrent-downloads', 'shutdown-timeout', 'default-address-pools']);
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
    expect(task.error).toBeUndefined();
    const result = task.result as RegistryMirrorsApplyResult;

    // The file is one line-ish: the new member goes after the last one, written as the file writes its members.
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(`${odd.slice(0, -1)},"registry-mirrors":["${MIRROR}"]}`);
    const after = JSON.parse(fs.readFileSync(engine.configPath, 'utf8')) as Record<string, unknown>;
    expect(after).toEqual({ ...before, 'registry-mirrors': [MIRROR] });
    expect(Object.keys(after)).toEqual([...Object.keys(before), 'registry-mirrors']);
    expect(fs.readFileSync(result.backupPath as string, 'utf8')).toBe(odd);
    expect(path.dirname(result.backupPath as string)).toBe(path.dirname(engine.configPath));
    // The engine runs with all of it: the CLI sees the labels, the log driver and the mirror.
    const info = JSON.parse((await engine.cliOk(['info', '--format', '{{json .}}'])).stdout) as { Labels: string[]; LoggingDriver: string; RegistryConfig: { Mirrors: string[] } };
    expect(info.LoggingDriver).toBe('json-file');
    expect(info.Labels).toEqual(expect.arrayContaining(['wharf.test=keep', 'b=2']));
    expect(info.RegistryConfig.Mirrors).toEqual([`${MIRROR}/`]);
  }, 90_000);

  it("keeps 9223372036854775807 as written (JavaScript would round it and the engine refuse it); the engine reloads with the file", async () => {
    const pools = (JSON.parse(fs.readFileSync(engine.configPath, 'utf8')) as Record<string, unknown>)['default-address-pools'];
    const big = `{\r\n\t"max-concurrent-downloads": 9223372036854775807,\r\n\t"registry-mirrors": [],\r\n\t"default-address-pools": ${JSON.stringify(pools)}\r\n}\r\n`;
    fs.writeFileSync(engine.configPath, big);
    await engine.restart();
    await core.invoke('engine.reconnect', {});
    const state = await call(core, 'registryMirrors.read');
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
    expect(task.error).toBeUndefined();
    expect(task.state).toBe('succeeded');
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(big.replace('"registry-mirrors": []', `"registry-mirrors": ["${MIRROR}"]`));
    // The reload read the whole file: the mirror is in effect, and a restart with it works too.
    expect(JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout)).toEqual([`${MIRROR}/`]);
    await engine.restart();
    expect(JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout)).toEqual([`${MIRROR}/`]);
    await core.invoke('engine.reconnect', {});
  }, 90_000);

  it('refuses a malformed file with its line and column, and leaves it byte-for-byte unchanged', async () => {
    const broken = '{\n  "log-driver": "json-file",\n  "registry-mirrors": ["https://a.example"]\n  "debug": true\n}\n';
    fs.writeFileSync(engine.configPath, broken);
    const backups = backupsOf(engine.configPath);

    const state = await call(core, 'registryMirrors.read');
    expect(state.parseError).toMatchObject({ line: 4, column: 3 });
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [MIRROR], insecureRegistries: [] });
    expect(plan.valid).toBe(false);
    expect(plan.parseError).toMatchObject({ line: 4, column: 3 });

    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [MIRROR], insecureRegistries: [], expectedHash: state.hash })).id);
    expect(task.state).toBe('failed');
    expect(task.error?.code).toBe('invalid-input');
    expect(task.error?.message).toContain('line 4, column 3');
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(broken);
    expect(backupsOf(engine.configPath)).toEqual(backups);
  });
  it('a file someone else changed after Wharf read it is never overwritten: the apply answers conflict and their edit stays', async () => {
    // A well-formed file again (the test before left a malformed one).
    fs.writeFileSync(engine.configPath, `${JSON.stringify({ 'default-address-pools': [{ base: engine.addressPool, size: 28 }] }, null, 2)}\n`);
    const state = await call(core, 'registryMirrors.read');
    expect(state.parseError).toBeUndefined();
    // Between the read (the plan the user reviewed) and the apply, an editor saves the file.
    const theirs = `${fs.readFileSync(engine.configPath, 'utf8').replace(/}\s*$/, '')},"debug":true}\n`;
    fs.writeFileSync(engine.configPath, theirs);
    const backups = backupsOf(engine.configPath);
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [MIRROR, 'https://mirror.example.com'], insecureRegistries: [], expectedHash: state.hash })).id);
    expect(task.state).toBe('failed');
    expect(task.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('changed since the plan was made') });
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(theirs);
    expect(backupsOf(engine.configPath)).toEqual(backups);
  });
});
