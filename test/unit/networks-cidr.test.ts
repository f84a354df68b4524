import { describe, expect, it } from 'vitest';
import { isBuiltinNetwork, networkCreateCommand } from '../../src/shared/network-list';
import { networkFormProblems, overlappingNetworks, parseCidr, parseIpv4 } from '../../src/shared/network-cidr';

const check = (input: { name: string; subnet?: string; gateway?: string }): ReturnType<typeof networkFormProblems> => networkFormProblems(input, isBuiltinNetwork);

describe('IPv4 and CIDR parsing', () => {
  it.each([
    ['10.0.0.1', 0x0a000001],
    ['255.255.255.255', 0xffffffff],
    ['0.0.0.0', 0],
  ])('reads %s', (text, value) => expect(parseIpv4(text)).toBe(value));

  it.each(['10.0.0', '10.0.0.256', '10.0.0.01', '10.0.0.-1', 'a.b.c.d', '10.0.0.1 ', ''])('refuses %j', (text) => expect(parseIpv4(text)).toBeNull());

  it('tells a network address from one with host bits set', () => {
    expect(parseCidr('10.1.2.0/24')).toEqual({ base: 0x0a010200, prefix: 24, hostBits: false });
    expect(parseCidr('10.1.2.5/24')).toEqual({ base: 0x0a010200, prefix: 24, hostBits: true });
    expect(parseCidr('10.1.2.0/33')).toBeNull();
    expect(parseCidr('10.1.2.0')).toBeNull();
    expect(parseCidr('10.1.2.0/08')).toBeNull();
  });
});

describe('the Create network form', () => {
  it('accepts a name alone, and a subnet with a gateway inside it', () => {
    expect(check({ name: 'backend' })).toEqual({});
    expect(check({ name: 'backend', subnet: '172.30.0.0/16', gateway: '172.30.0.1' })).toEqual({});
    expect(check({ name: 'p2p', subnet: '10.9.9.0/31', gateway: '10.9.9.0' })).toEqual({});
  });

  it('explains a missing, malformed or built-in name', () => {
    expect(check({ name: ' ' }).name).toBe('nameRequired');
    expect(check({ name: '-x' }).name).toBe('nameInvalid');
    expect(check({ name: 'my net' }).name).toBe('nameInvalid');
    expect(check({ name: 'host' }).name).toBe('nameBuiltin');
  });

  it('explains a bad subnet and a gateway outside it, reserved, or without a subnet', () => {
    expect(check({ name: 'n', subnet: '172.30.0.0' }).subnet).toBe('subnetInvalid');
    expect(check({ name: 'n', subnet: '172.30.0.9/16' }).subnet).toBe('subnetHostBits');
    expect(check({ name: 'n', subnet: '172.30.0.0/16', gateway: '172.31.0.1' }).gateway).toBe('gatewayOutside');
    expect(check({ name: 'n', subnet: '172.30.0.0/24', gateway: '172.30.0.0' }).gateway).toBe('gatewayReserved');
    expect(check({ name: 'n', subnet: '172.30.0.0/24', gateway: '172.30.0.255' }).gateway).toBe('gatewayReserved');
    expect(check({ name: 'n', subnet: '172.30.0.0/24', gateway: '172.30.0.x' }).gateway).toBe('gatewayInvalid');
    expect(check({ name: 'n', gateway: '172.30.0.1' }).gateway).toBe('gatewayNeedsSubnet');
  });

  it('shows the equivalent docker network create command', () => {
    expect(networkCreateCommand({ name: 'backend', driver: 'bridge', subnet: '172.30.0.0/16', gateway: '172.30.0.1', internal: true, labels: { team: 'web' } })).toEqual([
      'docker', 'network', 'create', '--subnet', '172.30.0.0/16', '--gateway', '172.30.0.1', '--internal', '--label', 'team=web', 'backend',
    ]);
  });
});

describe('overlappingNetworks', () => {
  const networks = [
    { name: 'bridge', subnets: ['172.17.0.0/16'] },
    { name: 'lab', subnets: ['10.99.0.0/24', 'fd00::/64'] },
    { name: 'none', subnets: [] },
  ];
  it('names every network whose subnet shares addresses with the typed one, either way round', () => {
    expect(overlappingNetworks('172.17.5.0/24', networks)).toEqual([{ name: 'bridge', subnet: '172.17.0.0/16' }]);
    expect(overlappingNetworks('10.0.0.0/8', networks)).toEqual([{ name: 'lab', subnet: '10.99.0.0/24' }]);
    expect(overlappingNetworks('172.16.0.0/12', networks).map((n) => n.name)).toEqual(['bridge']);
  });
  it('is silent for a free subnet and for what is not a subnet yet', () => {
    expect(overlappingNetworks('10.98.0.0/24', networks)).toEqual([]);
    expect(overlappingNetworks('10.99.0.1/24', networks)).toEqual([]);
    expect(overlappingNetworks('10.99', networks)).toEqual([]);
  });
});
