/**
 * The engine's proxy through the daemon.json transaction. On dockerd 26.1 (`proxies` key, read at start only): the
 * root helper writes the file (root's alone: it holds a password) and the engine restarts; `docker info` shows the
 * proxy with its credentials masked, and the password appears nowhere Wharf shows or logs. A proxy field that dockerd
 * also got as a flag is refused before anything is written; where Wharf cannot read dockerd's command line, the
 * engine refuses to start with it, and the same pkexec call puts the old file back and the engine runs again on it.
 * On dockerd 20.10 (no `proxies` key: it would refuse the file) the proxy is a systemd drop-in for root to run, and
 * daemon.json is left alone.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { RegistryMirrorsApplyResult, RegistryMirrorsRollback } from '../../src/shared/registry-mirrors';
import { createCountingPkexec, type CountingPkexec } from '../support/counting-pkexec';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { recordingLogger } from '../support/recording-logger';
import { makeRegistryMirrorsCore } from '../support/registry-mirrors-core';
import { testEngine } from '../support/test-engine';
import { call } from './make-core';

const HELPER = path.join(__dirname, '../../resources/wharf-daemon-json');
const SECRET = 's3cret-Pa55';
// Loopback addresses nothing listens on: the engine only keeps them; no test traffic goes through them.
const PROXY = `http://alice:${SECRET}@127.0.0.1:3128`;
const MASKED = 'http://xxxxx:xxxxx@127.0.0.1:3128';
const NO_PROXY = 'localhost,.corp.example,10.0.0.0/8';

/** `docker info`'s proxy lines, from the CLI (its own argv, not Wharf's). */
async function cliProxies(engine: PrivateEngine): Promise<{ http: string; https: string; no: string }> {
  const out = (await engine.cliOk(['info', '--format', '{{.HTTPProxy}}|{{.HTTPSProxy}}|{{.NoProxy}}'])).stdout.trim();
  const [http = '', https = '', no = ''] = out.split('|');
  return { http, https, no };
}

describe.runIf(testEngine().name === '26.1')('the engine proxy on dockerd 26.1 (the proxies key)', () => {
  let engine: PrivateEngine;
  let core: Core;
  const logger = recordingLogger();

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'proxy' });
    await importBusybox(engine, 'proxy-test/sleeper:1');
    core = makeRegistryMirrorsCore(engine, {}, undefined, logger);
    await core.start();
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('applies with a restart: docker info shows the proxy masked, the file is root`s alone, the password is nowhere shown or logged', async () => {
    const always = await runContainer(engine, ['--restart', 'always', 'proxy-test/sleeper:1', 'sleep', '3600']);
    const state = await call(core, 'registryMirrors.read');
    expect(state.proxiesKey).toBe(true);
    const input = { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: PROXY, httpsProxy: PROXY, noProxy: ' localhost, .corp.example ,10.0.0.0/8' } };
    const plan = await call(core, 'registryMirrors.plan', input);
    expect(plan.valid).toBe(true);
    expect(plan.via).toBe('restart');
    expect(plan.restartEffects).toEqual({ running: 1, liveRestore: false });
    expect(plan.proxy).toMatchObject({ way: 'daemon-json', changed: true, privateFile: true });
    expect(plan.diff.filter((l) => l.op === 'add').map((l) => l.text.trim())).toEqual(expect.arrayContaining([`"http-proxy": "${MASKED}",`, `"no-proxy": "${NO_PROXY}"`]));
    expect(plan.commands[0]?.argv.slice(-4)).toEqual(['--then', 'restart', '--private', 'yes']);
    expect(JSON.stringify(plan)).not.toContain(SECRET);

    const pid = engine.pid;
    const started = await call(core, 'registryMirrors.apply', { ...input, expectedHash: state.hash });
    const task = await core.tasks.settled(started.id);
    expect(task.error).toBeUndefined();
    const result = task.result as RegistryMirrorsApplyResult;
    expect(result).toMatchObject({ outcome: 'applied', via: 'restart' });
    expect(engine.pid, 'restarted').not.toBe(pid);

    expect(await cliProxies(engine)).toEqual({ http: MASKED, https: MASKED, no: NO_PROXY });
    const file = JSON.parse(fs.readFileSync(engine.configPath, 'utf8')) as { proxies: Record<string, string> };
    expect(file.proxies).toEqual({ 'http-proxy': PROXY, 'https-proxy': PROXY, 'no-proxy': NO_PROXY });
    expect(fs.statSync(engine.configPath).mode & 0o777).toBe(0o600);
    // The container with a restart policy runs again after the engine's restart.
    expect((await engine.cliOk(['inspect', '-f', '{{.State.Running}}', always])).stdout.trim()).toBe('true');

    const after = await call(core, 'registryMirrors.read');
    expect(after.settings.proxies).toEqual({ httpProxy: MASKED, httpsProxy: MASKED, noProxy: NO_PROXY });
    expect(after.inEffect?.proxies).toEqual({ httpProxy: MASKED, httpsProxy: MASKED, noProxy: NO_PROXY });
    expect(core.tasks.log(started.id, 0).lines.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(task) + JSON.stringify(after) + JSON.stringify(logger.lines)).not.toContain(SECRET);
  }, 120_000);

  it('the masked value sent back keeps the password; a mirror change alone reloads without restarting', async () => {
    const state = await call(core, 'registryMirrors.read');
    const pid = engine.pid;
    const input = { registryMirrors: ['https://docker.m.daocloud.io'], insecureRegistries: [], proxies: state.settings.proxies ?? { httpProxy: '', httpsProxy: '', noProxy: '' } };
    const plan = await call(core, 'registryMirrors.plan', input);
    expect(plan.via).toBe('reload');
    expect(plan.proxy?.changed).toBe(false);
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { ...input, expectedHash: state.hash })).id);
    expect(task.error).toBeUndefined();
    expect(engine.pid, 'reloaded, not restarted').toBe(pid);
    const file = JSON.parse(fs.readFileSync(engine.configPath, 'utf8')) as { proxies: Record<string, string> };
    expect(file.proxies['https-proxy']).toBe(PROXY);
    expect(await cliProxies(engine)).toEqual({ http: MASKED, https: MASKED, no: NO_PROXY });
  }, 120_000);

  it('the root helper run by hand: a restart apply, then Wharf goes away — the file goes back and the engine must restart, never just reload', async () => {
    const before = fs.readFileSync(engine.configPath, 'utf8');
    const state = await call(core, 'registryMirrors.read');
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: 'http://127.0.0.1:3130', httpsProxy: '', noProxy: '' } });
    const args = ['apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash, '--bytes', String(Buffer.byteLength(plan.newText)), '--confirm-timeout', '600', '--then', 'restart'];
    const helper = spawn(HELPER, args, { stdio: ['pipe', 'pipe', 'inherit'], env: {} });
    const exited = new Promise<number | null>((resolve) => helper.on('close', resolve));
    const lines = createInterface({ input: helper.stdout })[Symbol.asyncIterator]();
    helper.stdin.write(plan.newText);
    const written = JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
    // No service runs the harness's dockerd: the helper says so, and Wharf (here: the test) restarts it.
    expect(written).toMatchObject({ ok: true, verb: 'apply', service: 'none', restart: 'none' });
    expect(written.reload).toBeUndefined();
    await engine.restart();
    expect((await cliProxies(engine)).http).toBe('http://127.0.0.1:3130');

    helper.stdin.destroy();
    const last = JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
    // A reload would leave the proxy the engine started with: the rollback asks for a restart too.
    expect(last).toEqual({ ok: true, verb: 'rollback', why: 'no-answer', path: engine.configPath, backup: written.backup, restart: 'none' });
    expect(await exited).toBe(5);
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(before);
    await engine.restart();
    expect((await cliProxies(engine)).http).toBe(MASKED);
  }, 120_000);

  it('clearing the proxy restarts the engine without it', async () => {
    const state = await call(core, 'registryMirrors.read');
    const input = { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: '', noProxy: '' } };
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { ...input, expectedHash: state.hash })).id);
    expect(task.error).toBeUndefined();
    expect((task.result as RegistryMirrorsApplyResult).via).toBe('restart');
    expect(await cliProxies(engine)).toEqual({ http: '', https: '', no: '' });
    expect(fs.readFileSync(engine.configPath, 'utf8')).not.toContain(SECRET);
  }, 120_000);
});

describe.runIf(testEngine().name === '26.1')('a proxy field that dockerd also got as a flag (26.1)', () => {
  const FLAG_PROXY = 'http://127.0.0.1:3999';
  let engine: PrivateEngine;
  let pkexec: CountingPkexec;
  let original: string;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'proxy-flag', extraArgs: [`--https-proxy=${FLAG_PROXY}`] });
    original = fs.readFileSync(engine.configPath, 'utf8');
    pkexec = createCountingPkexec();
  }, 120_000);

  afterAll(async () => {
    await engine?.destroy();
    pkexec?.remove();
  });

  const input = { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: PROXY, noProxy: '' } };

  it('is seen on dockerd`s command line and refused before anything is written', async () => {
    const core = makeRegistryMirrorsCore(engine);
    await core.start();
    try {
      const state = await call(core, 'registryMirrors.read');
      expect(state.flags?.proxies).toEqual({ httpProxy: '', httpsProxy: FLAG_PROXY, noProxy: '' });
      const plan = await call(core, 'registryMirrors.plan', input);
      expect(plan.valid).toBe(false);
      expect(plan.conflicts).toEqual([{ key: 'proxies', flag: '--https-proxy', flagValues: [FLAG_PROXY] }]);
      const pid = engine.pid;
      const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { ...input, expectedHash: state.hash })).id);
      expect(task.error?.code).toBe('conflict');
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(engine.pid).toBe(pid);
    } finally {
      core.stop();
    }
  }, 60_000);

  it('unseen, the engine refuses to start with it: the same pkexec call puts the old file back and the engine runs on it', async () => {
    const logger = recordingLogger();
    const core = makeRegistryMirrorsCore(engine, { dockerdCommandLine: () => undefined, verifyTimeoutMs: 8_000 }, pkexec.runner, logger);
    const calls = pkexec.calls().length;
    await core.start();
    try {
      const state = await call(core, 'registryMirrors.read');
      const started = await call(core, 'registryMirrors.apply', { ...input, expectedHash: state.hash });
      const task = await core.tasks.settled(started.id);
      expect(task.state).toBe('failed');
      const rollback = (task.error?.details as { rollback: RegistryMirrorsRollback }).rollback;
      expect(rollback).toMatchObject({ rolledBack: true, reason: 'engine-down', restored: true });
      // dockerd's own words, with the password masked.
      expect(rollback.engineLog.join('\n')).toMatch(/specified both as a flag and in the configuration file: https-proxy/);
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
      expect(await cliProxies(engine)).toMatchObject({ https: FLAG_PROXY });
      expect(pkexec.calls(), 'one password prompt, rollback included').toHaveLength(calls + 1);
      expect(JSON.stringify(task) + core.tasks.log(started.id, 0).lines.join('\n') + JSON.stringify(logger.lines)).not.toContain(SECRET);
    } finally {
      core.stop();
    }
  }, 120_000);
});

describe.runIf(testEngine().name === '20.10')('the engine proxy on dockerd 20.10 (no proxies key)', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'proxy-old' });
    core = makeRegistryMirrorsCore(engine);
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('plans a systemd drop-in for root and leaves daemon.json alone (20.10 would refuse the key)', async () => {
    const state = await call(core, 'registryMirrors.read');
    expect(state.proxiesKey).toBe(false);
    const original = fs.readFileSync(engine.configPath, 'utf8');
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: 'http://127.0.0.1:3128', noProxy: 'localhost' } });
    expect(plan.valid).toBe(true);
    expect(plan.unchanged).toBe(true);
    expect(plan.newText).toBe(original);
    expect(plan.proxy?.way).toBe('drop-in');
    expect(plan.proxy?.dropIn?.map((c) => c.argv.slice(1).join(' '))).toEqual([
      '-p -m 0755 -- /etc/systemd/system/docker.service.d',
      '-- /etc/systemd/system/docker.service.d/http-proxy.conf',
      'daemon-reload',
      'restart docker.service',
    ]);
    expect(plan.proxy?.dropIn?.[1]?.stdin).toContain('Environment="HTTPS_PROXY=http://127.0.0.1:3128"');
    // Commands to copy never carry a password.
    const withPassword = await call(core, 'registryMirrors.plan', { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: PROXY, noProxy: '' } });
    expect(withPassword.valid).toBe(false);
    expect(withPassword.proxy?.checks.httpsProxy.problem).toBe('credentials-manual');
    expect(JSON.stringify(withPassword)).not.toContain(SECRET);
    // Applying it changes nothing in daemon.json.
    const task = await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: 'http://127.0.0.1:3128', noProxy: '' }, expectedHash: state.hash })).id);
    expect((task.result as RegistryMirrorsApplyResult | undefined)?.outcome).toBe('unchanged');
    expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(original);
  }, 60_000);
});
