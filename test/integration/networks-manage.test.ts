/**
 * The Networks page's channels against a private engine, checked with the docker CLI on the same engine:
 * the list equals `docker network ls` (+ inspect for subnets), create/remove/connect/disconnect do what the CLI
 * does, built-in networks and networks with containers are refused, and a prune removes exactly the chosen ones.
 * Explicit subnets come from the top of the harness's address pool (automatic ones are taken from its bottom).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { toErrorInfo } from '../../src/main/core/errors';
import { parseCidr } from '../../src/shared/network-cidr';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore } from './make-core';
import { createEngineApi } from '../../src/main/core/engine/engine-api';

function ipv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

interface CliNetwork {
  ID: string;
  Name: string;
  Driver: string;
  Scope: string;
}

async function cliNetworks(engine: PrivateEngine): Promise<CliNetwork[]> {
  const { stdout } = await engine.cliOk(['network', 'ls', '--no-trunc', '--format', '{{json .}}']);
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CliNetwork);
}

async function cliNames(engine: PrivateEngine): Promise<string[]> {
  return (await cliNetworks(engine)).map((n) => n.Name).sort();
}

interface Inspected {
  Id: string;
  Internal: boolean;
  Labels: Record<string, string>;
  IPAM: { Config: Array<{ Subnet?: string; Gateway?: string }> | null };
  Containers: Record<string, { Name: string }>;
}

async function inspect(engine: PrivateEngine, name: string): Promise<Inspected> {
  const parsed = JSON.parse((await engine.cliOk(['network', 'inspect', name])).stdout) as Inspected[];
  return parsed[0] as Inspected;
}

describe('networks: list, create, remove, connect and prune as the docker CLI sees them', () => {
  let engine: PrivateEngine;
  let core: Core;
  /** The last two /28s of the pool. */
  let subnetA = '';
  let gatewayA = '';
  let subnetB = '';

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'networks' });
    core = makeCore(engine.host);
    await core.start();
    const pool = parseCidr(engine.addressPool);
    if (!pool || pool.prefix > 26) throw new Error(`unexpected pool ${engine.addressPool}`);
    const end = pool.base + 2 ** (32 - pool.prefix);
    subnetA = `${ipv4(end - 16)}/28`;
    gatewayA = ipv4(end - 16 + 1);
    subnetB = `${ipv4(end - 32)}/28`;
    await importBusybox(engine);
    await engine.cliOk(['network', 'create', '--subnet', subnetB, '--label', 'team=db', 'net-cli']);
    await engine.cliOk(['network', 'create', 'net-busy']);
    await runContainer(engine, ['--name', 'member', '--network', 'net-busy', 'busybox', 'sleep', '600']);
    await runContainer(engine, ['--name', 'loner', 'busybox', 'sleep', '600']);
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.cli(['rm', '-f', 'member', 'loner']);
    await engine?.cli(['network', 'prune', '-f']);
    await engine?.destroy();
  });

  it('lists the rows `docker network ls` prints, with the subnets and gateways of `docker network inspect`', async () => {
    const list = await call(core, 'networks.list');
    const cli = await cliNetworks(engine);
    expect(list.rows.map((r) => [r.id, r.name, r.driver, r.scope].join('|')).sort()).toEqual(cli.map((n) => [n.ID, n.Name, n.Driver, n.Scope].join('|')).sort());
    for (const r of list.rows) {
      const config = (await inspect(engine, r.id)).IPAM.Config ?? [];
      expect(r.subnets).toEqual(config.map((c) => c.Subnet).filter(Boolean));
      expect(r.gateways).toEqual(config.map((c) => c.Gateway).filter(Boolean));
    }
    const byName = new Map(list.rows.map((r) => [r.name, r]));
    expect(byName.get('net-cli')).toMatchObject({ subnets: [subnetB], labels: { team: 'db' }, builtin: false, containers: [] });
    expect(byName.get('net-busy')?.containers.map((c) => c.name)).toEqual(['member']);
    expect(byName.get('bridge')?.containers.map((c) => c.name)).toEqual(['loner']);
    expect(['bridge', 'host', 'none'].map((n) => byName.get(n)?.builtin)).toEqual([true, true, true]);
  });

  it('creates a bridge network with subnet, gateway, internal and labels', async () => {
    const { id } = await call(core, 'networks.create', { name: 'net-made', driver: 'bridge', subnet: subnetA, gateway: gatewayA, internal: true, labels: { owner: 'wharf' } });
    const made = await inspect(engine, 'net-made');
    expect(made.Id).toBe(id);
    expect(made.IPAM.Config).toEqual([{ Subnet: subnetA, Gateway: gatewayA }]);
    expect(made.Internal).toBe(true);
    expect(made.Labels).toEqual({ owner: 'wharf' });
  });

  it('refuses a gateway outside the subnet and a built-in name before asking the engine', async () => {
    const outside = await core.invoke('networks.create', { name: 'net-bad', driver: 'bridge', subnet: subnetB, gateway: gatewayA, internal: false, labels: {} });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { problems: { gateway: 'gatewayOutside' } } } });
    const builtin = await core.invoke('networks.create', { name: 'host', driver: 'bridge', internal: false, labels: {} });
    expect(builtin).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { problems: { name: 'nameBuiltin' } } } });
    expect(await cliNames(engine)).not.toContain('net-bad');
  });

  it('a subnet another network already uses is a conflict, explained at the subnet field, as the engine says it', async () => {
    // net-cli has subnetB: a second network on it is the engine's "Pool overlaps with other one on this address space".
    const overlap = await core.invoke('networks.create', { name: 'net-overlap', driver: 'bridge', subnet: subnetB, internal: false, labels: {} });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'conflict', details: { problems: { subnet: 'subnetOverlaps' } } } });
    const message = overlap.ok ? '' : overlap.error.message;
    expect(message).toMatch(/pool overlaps/i);
    const cli = await engine.cli(['network', 'create', '--subnet', subnetB, 'net-overlap']);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain(message);
    expect(await cliNames(engine)).not.toContain('net-overlap');
  });

  it("the engine's own refusal (HTTP 403, removing a built-in network) is not called permission denied", async () => {
    // Wharf itself never sends this (it refuses built-in networks first): ask the engine directly, as a plugin's refusal would come.
    const answer = await createEngineApi(core.connection).removeNetwork('bridge').then(
      () => undefined,
      (error: unknown) => toErrorInfo(error),
    );
    expect(answer).toEqual({ code: 'failed', message: expect.stringMatching(/pre-defined network/), details: { reason: 'engine-forbidden' } });
    const cli = await engine.cli(['network', 'rm', 'bridge']);
    expect(cli.stderr).toContain(answer!.message);
    expect(await cliNames(engine)).toContain('bridge');
  });

  it('connects and disconnects a container, as `docker network inspect` shows', async () => {
    await call(core, 'networks.connect', { network: 'net-made', container: 'loner' });
    const loner = (await engine.cliOk(['inspect', '--format', '{{.Id}}', 'loner'])).stdout.trim();
    expect(Object.keys((await inspect(engine, 'net-made')).Containers)).toEqual([loner]);
    expect((await call(core, 'networks.list')).rows.find((r) => r.name === 'net-made')?.containers.map((c) => c.name)).toEqual(['loner']);
    await call(core, 'networks.disconnect', { network: 'net-made', container: 'loner' });
    expect((await inspect(engine, 'net-made')).Containers).toEqual({});
  });

  it('refuses built-in networks and networks in use, naming the containers', async () => {
    const bridgeId = (await cliNetworks(engine)).find((n) => n.Name === 'bridge')?.ID ?? '';
    const report = await call(core, 'networks.remove', { ids: ['bridge', 'host', 'none', bridgeId.slice(0, 12), 'net-busy'] });
    expect(report.outcomes).toEqual([
      { target: 'bridge', state: 'refused', reason: 'builtin' },
      { target: 'host', state: 'refused', reason: 'builtin' },
      { target: 'none', state: 'refused', reason: 'builtin' },
      { target: bridgeId.slice(0, 12), state: 'refused', reason: 'builtin' },
      { target: 'net-busy', state: 'refused', reason: 'in-use', containers: ['member'] },
    ]);
    expect(await cliNames(engine)).toEqual(['bridge', 'host', 'net-busy', 'net-cli', 'net-made', 'none']);
  });

  it('plans only unused custom networks and prunes exactly the chosen ones', async () => {
    await engine.cliOk(['network', 'create', 'net-spare']);
    const plan = await call(core, 'networks.prunePlan');
    expect(plan.networks.map((n) => n.name).sort()).toEqual(['net-cli', 'net-made', 'net-spare']);
    const chosen = plan.networks.filter((n) => n.name !== 'net-spare').map((n) => n.id);
    const report = await call(core, 'networks.remove', { ids: [...chosen, (await inspect(engine, 'net-busy')).Id] });
    expect(report.outcomes.map((o) => o.state)).toEqual(['removed', 'removed', 'refused']);
    expect(await cliNames(engine)).toEqual(['bridge', 'host', 'net-busy', 'net-spare', 'none']);
    // Removing an unused network by name works like `docker network rm`.
    expect((await call(core, 'networks.remove', { ids: ['net-spare'] })).outcomes).toEqual([{ target: 'net-spare', state: 'removed' }]);
    expect(await cliNames(engine)).toEqual(['bridge', 'host', 'net-busy', 'none']);
  });
});
