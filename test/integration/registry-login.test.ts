/**
 * Registry login like `docker login`: a private registry with htpasswd auth; the engine checks the password;
 * the login lands where the docker CLI looks (the test's own config folder, or a credential helper), and the
 * CLI then pulls with it. Other keys of config.json survive; logout removes the login.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { installFakeCredentialHelper, type FakeHelper } from '../support/fake-credential-helper';
import { importBusybox, pushToRegistry } from '../support/fixtures';
import { makeRegistryAccessCore } from '../support/registry-access-core';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { call } from './make-core';

const USER = 'alice';
const PASSWORD = 'correct-horse-battery';
const WRONG = 'wrong-pony-staple';

const OTHER_KEYS = {
  auths: { 'other.example:5000': { auth: Buffer.from('bob:hunter2').toString('base64') } },
  psFormat: 'table {{.ID}}\t{{.Names}}',
  detachKeys: 'ctrl-e,e',
  proxies: { default: { noProxy: '127.0.0.1' } },
};

describe('registryAccess.login / logins / logout against a registry with htpasswd auth', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let configDir: string;
  let core: Core;
  let image: string;

  const configFile = (): string => path.join(configDir, 'config.json');
  interface ConfigJson {
    auths: Record<string, { auth?: string }>;
    [key: string]: unknown;
  }
  const readConfig = (dir = configDir): ConfigJson => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as ConfigJson;
  /** `docker --config <dir> pull` on a freshly cleared engine: only the stored login can make it work. */
  const cliPull = async (dir: string, env: Record<string, string> = {}) => {
    await engine.cli(['rmi', image]);
    return engine.cli(['--config', dir, 'pull', image], { env, timeoutMs: 60_000 });
  };

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startPrivateEngine({ name: 'login' }), startPrivateRegistry({ users: { [USER]: PASSWORD } })]);
    await importBusybox(engine, 'wharf-src/busybox:1');
    await engine.cliOk(['login', '-u', USER, '--password-stdin', registry.address], { input: PASSWORD });
    image = await pushToRegistry(engine, registry, 'wharf-src/busybox:1', 'team/busybox:1');
    await engine.cliOk(['logout', registry.address]);
    configDir = fs.mkdtempSync(path.join(engine.dir, 'docker-config-'));
    fs.writeFileSync(configFile(), JSON.stringify(OTHER_KEYS, null, 2));
    core = makeRegistryAccessCore(engine.host, { dockerConfigDir: configDir });
    await core.start();
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all([engine?.destroy(), registry?.destroy()]);
  });

  it('refuses a wrong password with permission-denied, names the registry, and stores nothing', async () => {
    const before = fs.readFileSync(configFile());
    const envelope = await core.invoke('registryAccess.login', { server: registry.address, username: USER, password: WRONG });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code, envelope.error.message).toBe('permission-denied');
    expect(envelope.error.message).toContain(registry.address);
    expect(JSON.stringify(envelope)).not.toContain(WRONG);
    expect(fs.readFileSync(configFile()).equals(before)).toBe(true);
    expect((await call(core, 'registryAccess.logins')).logins.map((l) => l.server)).not.toContain(registry.address);
    // Without a login the CLI cannot pull either: what the next test fixes.
    const pull = await cliPull(configDir);
    expect(pull.code).not.toBe(0);
  });

  it('stores the right password in config.json as the CLI does, keeps the other keys, and the CLI pulls with it', async () => {
    const login = await call(core, 'registryAccess.login', { server: registry.address, username: USER, password: PASSWORD });
    expect(login).toEqual({ server: registry.address, username: USER, store: 'file' });
    expect(JSON.stringify(login)).not.toContain(PASSWORD);

    const config = readConfig();
    expect(config.auths[registry.address]).toEqual({ auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') });
    expect(config.auths['other.example:5000']).toEqual(OTHER_KEYS.auths['other.example:5000']);
    expect(config.psFormat).toBe(OTHER_KEYS.psFormat);
    expect(config.detachKeys).toBe(OTHER_KEYS.detachKeys);
    expect(config.proxies).toEqual(OTHER_KEYS.proxies);
    expect(fs.statSync(configFile()).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(configDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const logins = await call(core, 'registryAccess.logins');
    expect(logins.configDir).toBe(configDir);
    expect(logins.logins).toContainEqual({ server: registry.address, username: USER, store: 'file' });
    expect(logins.logins).toContainEqual({ server: 'other.example:5000', username: 'bob', store: 'file' });
    expect(JSON.stringify(logins)).not.toContain(PASSWORD);

    const pull = await cliPull(configDir);
    expect(pull.stderr).toBe('');
    expect(pull.code).toBe(0);
    // The CLI reads the same login: `docker login` with no password says it reuses the stored one.
    const cliLogin = await engine.cli(['--config', configDir, 'login', registry.address]);
    expect(cliLogin.code).toBe(0);
  });

  it('browses the registry with the stored login', async () => {
    const page = await call(core, 'registryAccess.catalog', { registry: registry.address });
    expect(page.repositories).toEqual(['team/busybox']);
  });

  it('logout removes the login; the other keys stay and the CLI can no longer pull', async () => {
    expect(await call(core, 'registryAccess.logout', { server: registry.address })).toEqual({ removed: true });
    const config = readConfig();
    expect(config.auths).toEqual(OTHER_KEYS.auths);
    expect(config.psFormat).toBe(OTHER_KEYS.psFormat);
    expect((await call(core, 'registryAccess.logins')).logins.map((l) => l.server)).toEqual(['other.example:5000']);
    expect((await cliPull(configDir)).code).not.toBe(0);
    expect(await call(core, 'registryAccess.logout', { server: registry.address })).toEqual({ removed: false });
  });

  it('with credsStore set, the secret goes to the helper (the CLI pulls through it) and config.json keeps only an empty entry', async () => {
    const dir = fs.mkdtempSync(path.join(engine.dir, 'docker-config-helper-'));
    const helper: FakeHelper = installFakeCredentialHelper(dir, 'wharftest');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ credsStore: 'wharftest', detachKeys: 'ctrl-x' }));
    const env = { PATH: `${helper.binDir}:${process.env.PATH ?? ''}` };
    const helperCore = makeRegistryAccessCore(engine.host, { dockerConfigDir: dir }, env);
    await helperCore.start();
    try {
      const login = await call(helperCore, 'registryAccess.login', { server: registry.address, username: USER, password: PASSWORD });
      expect(login).toEqual({ server: registry.address, username: USER, store: { helper: 'wharftest' } });
      expect(helper.secrets()).toEqual({ [registry.address]: { Username: USER, Secret: PASSWORD } });
      const config = readConfig(dir);
      expect(config).toEqual({ credsStore: 'wharftest', detachKeys: 'ctrl-x', auths: { [registry.address]: {} } });
      expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
      expect((await call(helperCore, 'registryAccess.logins')).logins).toEqual([{ server: registry.address, username: USER, store: { helper: 'wharftest' } }]);

      const pull = await cliPull(dir, env);
      expect(pull.stderr).toBe('');
      expect(pull.code).toBe(0);

      expect(await call(helperCore, 'registryAccess.logout', { server: registry.address })).toEqual({ removed: true });
      expect(helper.secrets()).toEqual({});
      expect(readConfig(dir)).toEqual({ credsStore: 'wharftest', detachKeys: 'ctrl-x', auths: {} });
    } finally {
      helperCore.stop();
    }
  });
});
