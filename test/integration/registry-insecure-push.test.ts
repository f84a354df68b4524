/**
 * "Insecure registry": Docker exempts only 127.0.0.0/8 from TLS, so a plain-HTTP registry runs on a test host of our
 * own — a network namespace with a 10.215.x.2 address on a veth pair. Pushing to it fails before Wharf adds it to
 * insecure-registries and works after; removing the entry makes it fail again. No other address is ever contacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { TaskInfo } from '../../src/shared/tasks';
import { makeRegistryMirrorsCore } from '../support/registry-mirrors-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox } from '../support/fixtures';
import { startNetnsHost, type NetnsHost } from '../support/netns-host';
import { call } from './make-core';

describe('insecure-registries for a plain-HTTP registry on a non-loopback test host', () => {
  let engine: PrivateEngine | undefined;
  let host: NetnsHost | undefined;
  let core: Core;
  let registry: string;

  const apply = async (insecureRegistries: string[]): Promise<TaskInfo> => {
    const state = await call(core, 'registryMirrors.read');
    return core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: [], insecureRegistries, expectedHash: state.hash })).id);
  };
  const push = (): ReturnType<PrivateEngine['cli']> => (engine as PrivateEngine).cli(['push', `${registry}/insecure-test/busybox:1`], { timeoutMs: 60_000 });

  beforeAll(async () => {
    host = await startNetnsHost();
    registry = (await host.startRegistry(5000)).address;
    engine = await startPrivateEngine({ name: 'insecure' });
    await importBusybox(engine, `${registry}/insecure-test/busybox:1`);
    core = makeRegistryMirrorsCore(engine);
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
    await host?.destroy();
  });

  it('refuses the push over HTTPS before the entry', async () => {
    expect(registry).toMatch(/^10\.215\.\d+\.2:5000$/);
    const result = await push();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('server gave HTTP response to HTTPS client');
  }, 90_000);

  it('pushes after Wharf adds host:port to insecure-registries (reload, verified in /info)', async () => {
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [], insecureRegistries: [` ${registry} `] });
    expect(plan.insecure).toEqual([{ input: ` ${registry} `, value: registry }]);
    const task = await apply([registry]);
    expect(task.error).toBeUndefined();
    expect(task.state).toBe('succeeded');
    const info = JSON.parse((await (engine as PrivateEngine).cliOk(['info', '--format', '{{json .RegistryConfig.IndexConfigs}}'])).stdout) as Record<string, { Secure: boolean }>;
    expect(info[registry]?.Secure).toBe(false);
    const result = await push();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 90_000);

  it('a CIDR entry is normalized and covers the host; removing every entry makes the push fail again', async () => {
    const cidr = `${registry.split('.').slice(0, 3).join('.')}.1/24`;
    const plan = await call(core, 'registryMirrors.plan', { registryMirrors: [], insecureRegistries: [cidr] });
    const network = `${registry.split('.').slice(0, 3).join('.')}.0/24`;
    expect(plan.insecure[0]?.value).toBe(network);
    expect((await apply([network])).state).toBe('succeeded');
    const cidrs = JSON.parse((await (engine as PrivateEngine).cliOk(['info', '--format', '{{json .RegistryConfig.InsecureRegistryCIDRs}}'])).stdout) as string[];
    expect(cidrs).toContain(network);
    expect((await push()).code).toBe(0);

    expect((await apply([])).state).toBe('succeeded');
    const result = await push();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('server gave HTTP response to HTTPS client');
  }, 120_000);
});
