import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cidrContains } from '../support/cidr';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, pushToRegistry, runContainer } from '../support/fixtures';
import { probe } from '../support/http-probe';
import { harnessBridges } from '../support/network';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';

describe('real-engine test harness', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let busyboxId: string;

  beforeAll(async () => {
    let t = Date.now();
    engine = await startPrivateEngine({ name: 'harness' });
    const engineMs = Date.now() - t;
    t = Date.now();
    busyboxId = await importBusybox(engine);
    const importMs = Date.now() - t;
    t = Date.now();
    registry = await startPrivateRegistry();
    const registryMs = Date.now() - t;
    console.info(`harness timings: engine start ${engineMs} ms, busybox import ${importMs} ms, registry start ${registryMs} ms`);
  });

  afterAll(async () => {
    await registry?.destroy();
    await engine?.destroy();
  });

  it('starts a private engine that the CLI reaches through its own socket', async () => {
    expect(engine.host).toBe(`unix://${engine.socketPath}`);
    expect(engine.socketPath.length).toBeLessThan(108);
    const version = await engine.cliOk(['version', '--format', '{{json .}}']);
    const parsed = JSON.parse(version.stdout) as { Server?: { Version?: string; ApiVersion?: string } };
    expect(parsed.Server?.ApiVersion).toBe('1.41');
    const info = await engine.cliOk(['info', '--format', '{{.DockerRootDir}}']);
    expect(info.stdout.trim()).toBe(`${engine.dir}/data`);
    const debian = await engine.cliOk(['version', '--format', '{{.Server.Version}}'], { cli: 'debian' });
    expect(debian.stdout.trim()).toBe(parsed.Server?.Version);
  });

  it('imports busybox and runs it', async () => {
    expect(busyboxId).toMatch(/^sha256:[0-9a-f]{64}$/);
    const run = await engine.cliOk(['run', '--rm', 'busybox', 'echo', 'hi']);
    expect(run.stdout).toBe('hi\n');
    const cmd = await engine.cliOk(['image', 'inspect', '--format', '{{json .Config.Cmd}}', 'busybox:latest']);
    expect(cmd.stdout.trim()).toBe('["sh"]');
  });

  it('feeds input to the CLI', async () => {
    const result = await engine.cliOk(['run', '-i', '--rm', 'busybox', 'wc', '-c'], { input: Buffer.from('12345') });
    expect(result.stdout.trim()).toBe('5');
    const failed = await engine.cli(['image', 'inspect', 'no-such-image:here']);
    expect(failed.code).not.toBe(0);
    await expect(engine.cliOk(['image', 'inspect', 'no-such-image:here'])).rejects.toThrow(/no-such-image/);
  });

  it('puts containers on its own bridge', async () => {
    const id = await runContainer(engine, ['busybox', 'sleep', '600']);
    const ip = await engine.cliOk(['inspect', '--format', '{{.NetworkSettings.IPAddress}}', id]);
    expect(cidrContains(engine.bridge.cidr, ip.stdout.trim())).toBe(true);
    const gateway = await engine.cliOk(['inspect', '--format', '{{.NetworkSettings.Gateway}}', id]);
    expect(gateway.stdout.trim()).toBe(engine.bridge.gateway);
    const started = Date.now();
    await engine.cliOk(['rm', '-f', id]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops and starts again with the same images', async () => {
    const pidBefore = engine.pid;
    await engine.stop();
    expect(engine.pid).toBeUndefined();
    expect(await probe({ socketPath: engine.socketPath, path: '/_ping' }, 1_000)).toBeUndefined();
    await engine.start();
    expect(engine.pid).toBeDefined();
    expect(engine.pid).not.toBe(pidBefore);
    const id = await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', 'busybox:latest']);
    expect(id.stdout.trim()).toBe(busyboxId);
    expect(await engine.logs()).toContain('API listen on');
    const pidAfterStart = engine.pid;
    await engine.restart();
    expect(engine.pid).not.toBe(pidAfterStart);
    expect((await probe({ socketPath: engine.socketPath, path: '/_ping' }))?.body).toBe('OK');
  });

  it('pushes to and pulls from the private registry', async () => {
    const remote = await pushToRegistry(engine, registry, 'busybox:latest');
    expect(remote).toBe(`${registry.address}/library/busybox:latest`);
    const catalog = await probe({ host: '127.0.0.1', port: registry.port, path: '/v2/_catalog' });
    expect(catalog?.body).toContain('library/busybox');
    await engine.cliOk(['rmi', remote]);
    await engine.cliOk(['rmi', 'busybox:latest']);
    expect((await engine.cli(['image', 'inspect', remote])).code).not.toBe(0);
    await engine.cliOk(['pull', remote]);
    const id = await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', remote]);
    expect(id.stdout.trim()).toBe(busyboxId);
  });

  it('destroy() leaves no bridge, no dir, no process and no mount', async () => {
    const extra = await startPrivateEngine({ name: 'destroy' });
    await importBusybox(extra);
    await runContainer(extra, ['busybox', 'sleep', '600']);
    const { dir, bridge } = extra;
    const pid = extra.pid;
    await extra.destroy();
    await extra.destroy(); // idempotent
    expect(fs.existsSync(dir)).toBe(false);
    expect(harnessBridges()).not.toContain(bridge.name);
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(dir);
    expect(pid !== undefined && fs.existsSync(`/proc/${pid}`)).toBe(false);
  });
});
