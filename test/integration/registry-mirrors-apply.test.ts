/**
 * "Mirror really works": the private registry holds library/busybox; Wharf writes it into the private engine's
 * daemon.json as a mirror (its root helper: checks, backup, atomic write, SIGHUP; then verify); /info lists it,
 * `docker pull busybox` (no host name, no internet) succeeds and the registry's access log shows it served the pull;
 * a running container keeps running.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { RegistryMirrorsApplyResult } from '../../src/shared/registry-mirrors';
import type { TaskInfo } from '../../src/shared/tasks';
import { makeRegistryMirrorsCore } from '../support/registry-mirrors-core';
import { recordingLogger } from '../support/recording-logger';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, pushToRegistry, runContainer } from '../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { call } from './make-core';
import { testEngine } from '../support/test-engine';

const HELPER = path.join(__dirname, '../../resources/wharf-daemon-json');

describe('registry mirror applied to a private engine', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let core: Core;
  const logger = recordingLogger();

  const applyAndWait = async (registryMirrors: string[], insecureRegistries: string[] = []): Promise<TaskInfo> => {
    const state = await call(core, 'registryMirrors.read');
    const task = await call(core, 'registryMirrors.apply', { registryMirrors, insecureRegistries, expectedHash: state.hash });
    return core.tasks.settled(task.id);
  };

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'mirror' });
    registry = await startPrivateRegistry({ accessLog: true });
    await importBusybox(engine, 'busybox:latest');
    await pushToRegistry(engine, registry, 'busybox:latest', 'library/busybox:latest');
    await engine.cliOk(['rmi', 'busybox:latest', `${registry.address}/library/busybox:latest`]);
    await importBusybox(engine, 'mirror-test/sleeper:1');
    core = makeRegistryMirrorsCore(engine, {}, undefined, logger);
    await core.start();
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
    await registry?.destroy();
  });

  it('reads the file the engine was started with: no mirrors, other keys listed', async () => {
    const state = await call(core, 'registryMirrors.read');
    expect(state.path).toBe(engine.configPath);
    expect(state.exists).toBe(true);
    expect(state.settings).toEqual({ registryMirrors: [], insecureRegistries: [], proxies: { httpProxy: '', httpsProxy: '', noProxy: '' }, logDefaults: { driver: '', maxSize: '', maxFile: '' } });
    expect(state.otherKeys).toEqual(['default-address-pools']);
    expect(state.flags?.pid).toBe(engine.pid);
    expect(state.inEffect?.registryMirrors).toEqual([]);
    expect(state.apply).toBe('run');
  });

  it('plans the change: the diff adds the mirror, nothing else changes, one call of the root helper does it', async () => {
    const state = await call(core, 'registryMirrors.read');
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [`${registry.url}/`], insecureRegistries: [] });
    expect(plan.valid).toBe(true);
    expect(plan.mirrors[0]?.value).toBe(registry.url);
    expect(plan.diff.filter((line) => line.op === 'remove')).toEqual([]);
    expect(plan.diff.filter((line) => line.op === 'add').map((line) => line.text.trim())).toEqual(expect.arrayContaining([`"${registry.url}"`]));
    // dockerd 23 and later check the new file themselves (`dockerd --validate`), with the running engine's own binary.
    expect(plan.engineValidation).toEqual(testEngine().name === '26.1' ? { ran: true, ok: true, output: 'configuration OK' } : { ran: false, reason: 'engine-too-old' });
    expect(plan.commands).toEqual([
      {
        // The file's byte count (the verdict follows it on stdin); the helper waits for it 15 s of verification and a minute.
        argv: [HELPER, 'apply', '--socket', engine.socketPath, '--config', engine.configPath, '--expect-sha256', state.hash, '--bytes', String(Buffer.byteLength(plan.newText)), '--confirm-timeout', '75'],
        stdin: plan.newText,
      },
    ]);
  });

  // Engine 23+ only: there `dockerd --validate` (the running engine's own binary) judges the whole new file.
  it.runIf(testEngine().name === '26.1')('a file the engine would refuse (another key of a wrong type) is refused at the plan by dockerd --validate; nothing is written', async () => {
    const original = fs.readFileSync(engine.configPath, 'utf8');
    fs.writeFileSync(engine.configPath, `${JSON.stringify({ ...JSON.parse(original), debug: 'yes' }, null, 2)}\n`);
    try {
      const written = fs.readFileSync(engine.configPath, 'utf8');
      const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [registry.url], insecureRegistries: [] });
      expect(plan.valid).toBe(false);
      expect(plan.engineValidation).toMatchObject({ ran: true, ok: false, output: expect.stringMatching(/debug/) });
      const task = await applyAndWait([registry.url]);
      expect(task.state).toBe('failed');
      expect(task.error).toMatchObject({ code: 'invalid-input' });
      expect(fs.readFileSync(engine.configPath, 'utf8')).toBe(written);
      expect(fs.readdirSync(engine.dir).filter((name) => name.includes('.bak-'))).toEqual([]);
    } finally {
      fs.writeFileSync(engine.configPath, original);
    }
  });

  it('applies it with a reload: /info lists the mirror, the container and dockerd keep running, a backup is beside', async () => {
    const containerId = await runContainer(engine, ['mirror-test/sleeper:1', 'sleep', '3600']);
    const startedAt = (await engine.cliOk(['inspect', '-f', '{{.State.StartedAt}}', containerId])).stdout.trim();
    const pid = engine.pid;
    const original = fs.readFileSync(engine.configPath, 'utf8');

    const task = await applyAndWait([registry.url]);
    expect(task.error).toBeUndefined();
    expect(task.state).toBe('succeeded');
    const result = task.result as RegistryMirrorsApplyResult;
    expect(result.outcome).toBe('applied');
    expect(result.via).toBe('reload');
    expect(result.inEffect.registryMirrors).toEqual([registry.url]);

    const mirrors = JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) as string[];
    expect(mirrors).toEqual([`${registry.url}/`]);
    expect(engine.pid).toBe(pid);
    expect((await engine.cliOk(['inspect', '-f', '{{.State.Running}} {{.State.StartedAt}}', containerId])).stdout.trim()).toBe(`true ${startedAt}`);
    expect(result.backupPath).toMatch(new RegExp(`^${engine.configPath.replace(/[.]/g, '\\.')}\\.bak-\\d{8}T\\d{6}Z$`));
    expect(fs.readFileSync(result.backupPath as string, 'utf8')).toBe(original);
    expect(JSON.parse(fs.readFileSync(engine.configPath, 'utf8'))).toEqual({ ...JSON.parse(original), 'registry-mirrors': [registry.url] });

    // The trail for support: the apply with its file and backup, the root helper's run (argv, exit code), never the content.
    expect(logger.lines).toContainEqual({ level: 'info', message: 'daemon.json apply', fields: { file: engine.configPath, outcome: 'applied', backupPath: result.backupPath } });
    await expect
      .poll(() => logger.lines.filter((line) => line.message === 'privileged command' && (line.fields?.argv as string[])[0] === HELPER))
      .toEqual([{ level: 'info', message: 'privileged command', fields: expect.objectContaining({ runner: 'direct', exitCode: 0, argv: expect.arrayContaining(['apply', '--config', engine.configPath]) }) }]);
    expect(JSON.stringify(logger.lines)).not.toContain(registry.url);
  }, 60_000);

  it('`docker pull busybox` is served by the mirror', async () => {
    expect((await engine.cli(['image', 'inspect', 'busybox:latest'])).code).not.toBe(0);
    const logBefore = (await registry.logs()).length;
    await engine.cliOk(['pull', 'busybox'], { timeoutMs: 120_000 });
    expect((await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', 'busybox'])).stdout.trim()).toBe('busybox:latest');
    const served = (await registry.logs()).slice(logBefore);
    expect(served).toMatch(/"(HEAD|GET) \/v2\/library\/busybox\/manifests\/latest HTTP\/1\.1" 200/);
    expect(served).toMatch(/"GET \/v2\/library\/busybox\/blobs\/sha256:[0-9a-f]{64} HTTP\/1\.1" 200/);
  }, 150_000);

  it('removing the mirror again takes effect too (the key stays, as an empty list)', async () => {
    const task = await applyAndWait([]);
    expect(task.state).toBe('succeeded');
    // `docker info` prints [] for no mirrors on engine 20.10 and null on 26.1.
    expect(JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) ?? []).toEqual([]);
    expect(JSON.parse(fs.readFileSync(engine.configPath, 'utf8'))['registry-mirrors']).toEqual([]);
  }, 60_000);
});
