/**
 * `docker network rm` and `create` through Wharf, over a fake engine layer: built-in networks are refused by name
 * and by ID before the engine is asked, a network in use is refused naming its containers, a unique ID prefix
 * names one network as the engine resolves it, and a subnet another network has is a conflict at the subnet field.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkCreateInput } from '../../src/shared/network-list';
import { systemClock } from '../../src/main/core/clock';
import { toErrorInfo } from '../../src/main/core/errors';
import { createNetworksService, type NetworksService } from '../../src/main/core/networks/networks-service';
import { BUILTIN_NETWORK_IDS, createFakeEngine, hexId, imageId, type FakeContainer, type FakeEngine } from '../support/fake-engine';

/** Two networks whose IDs share the prefix "ab". */
const ALPHA = `ab12${hexId('alpha').slice(4)}`;
const BETA = `ab34${hexId('beta').slice(4)}`;
const BACKEND = hexId('backend');

function attached(name: string, network: string): FakeContainer {
  return { id: hexId(name), name, imageId: imageId('app'), state: 'running', mounts: [], networks: [network] };
}

function setup(): { fake: FakeEngine; networks: NetworksService } {
  const fake = createFakeEngine({
    images: [{ id: imageId('app'), tags: ['app:1'], digests: [], layers: [] }],
    containers: [attached('api', 'backend'), attached('worker', 'backend')],
    networks: [
      { id: ALPHA, name: 'alpha' },
      { id: BETA, name: 'beta' },
      { id: BACKEND, name: 'backend', subnet: '10.20.0.0/24' },
    ],
  });
  return { fake, networks: createNetworksService(fake, systemClock) };
}

const form = (name: string, subnet: string): NetworkCreateInput => ({ name, driver: 'bridge', subnet, internal: false, labels: {} });

describe('removing networks', () => {
  it('refuses the built-in networks by name, by ID and by ID prefix, without asking the engine', async () => {
    const { fake, networks } = setup();
    const refs = ['bridge', BUILTIN_NETWORK_IDS.host, BUILTIN_NETWORK_IDS.none.slice(0, 12), 'none'];
    const report = await networks.remove(refs);
    expect(report.outcomes).toEqual(refs.map((target) => ({ target, state: 'refused', reason: 'builtin' })));
    expect(fake.callsTo('removeNetwork')).toEqual([]);
    expect(fake.state.networks.map((n) => n.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));
  });

  it('refuses a network in use, naming the containers attached to it', async () => {
    const { fake, networks } = setup();
    const report = await networks.remove(['backend']);
    expect(report.outcomes).toEqual([{ target: 'backend', state: 'refused', reason: 'in-use', containers: ['api', 'worker'] }]);
    expect(fake.callsTo('removeNetwork')).toEqual([]);
  });

  it('a unique ID prefix names one network: that one is removed, or refused when in use', async () => {
    const { fake, networks } = setup();
    const report = await networks.remove(['ab1', BACKEND.slice(0, 6)]);
    expect(report.outcomes).toEqual([
      { target: 'ab1', state: 'removed' },
      { target: BACKEND.slice(0, 6), state: 'refused', reason: 'in-use', containers: ['api', 'worker'] },
    ]);
    expect(fake.callsTo('removeNetwork')).toEqual([[ALPHA]]);
    expect(fake.state.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none', 'beta', 'backend']);
  });
});

describe('creating a network', () => {
  it.each([
    ['the default bridge', '172.17.8.0/24'],
    ['a custom network', '10.20.0.128/25'],
  ])('a subnet that overlaps %s is a conflict at the subnet field', async (_whose, subnet) => {
    const { fake, networks } = setup();
    const error = toErrorInfo(await networks.create(form('lab', subnet)).catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'conflict', details: { problems: { subnet: 'subnetOverlaps' } } });
    expect(error.message).toMatch(/Pool overlaps/);
    expect(fake.state.networks.map((n) => n.name)).not.toContain('lab');
  });

  it('a free subnet is created and listed with it', async () => {
    const { networks } = setup();
    const { id } = await networks.create(form('lab', '10.99.0.0/24'));
    const { rows } = await networks.list();
    expect(rows.find((r) => r.id === id)).toMatchObject({ name: 'lab', subnets: ['10.99.0.0/24'], builtin: false, containers: [] });
  });
});
