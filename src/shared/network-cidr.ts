/** Checks of the Create network form (IPv4 subnet and gateway), shared by the dialog and the core. */

/** The engine's rule for network names is loose; Wharf asks for what the CLI users type in practice. */
export const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

export type NetworkField = 'name' | 'subnet' | 'gateway';
/** Problem keys, i18n keys under networks.problem (subnetOverlaps comes from the engine, after the form is sent). */
export type NetworkProblem = 'nameRequired' | 'nameInvalid' | 'nameBuiltin' | 'subnetInvalid' | 'subnetHostBits' | 'subnetOverlaps' | 'gatewayInvalid' | 'gatewayNeedsSubnet' | 'gatewayOutside' | 'gatewayReserved';

/** An IPv4 address as a 32-bit unsigned number, or null. Leading zeros are refused (ambiguous). */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

export interface Cidr {
  base: number;
  prefix: number;
}

/** 'a.b.c.d/n'; `hostBits` tells whether bits are set past the prefix (the engine refuses such subnets). */
export function parseCidr(text: string): (Cidr & { hostBits: boolean }) | null {
  const m = /^([0-9.]+)\/(0|[1-9][0-9]?)$/.exec(text);
  if (!m) return null;
  const ip = parseIpv4(m[1] as string);
  const prefix = Number(m[2]);
  if (ip === null || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(ip / size) * size;
  return { base, prefix, hostBits: base !== ip };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  const size = 2 ** (32 - cidr.prefix);
  return ip >= cidr.base && ip < cidr.base + size;
}

/** Whether two IPv4 subnets share addresses: one holds the other's first address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b.base) || cidrContains(b, a.base);
}

/** The networks (and which of their subnets) a typed subnet overlaps, in the order given; IPv4 subnets only. */
export function overlappingNetworks(subnet: string, networks: ReadonlyArray<{ name: string; subnets: readonly string[] }>): Array<{ name: string; subnet: string }> {
  const typed = parseCidr(subnet.trim());
  if (!typed || typed.hostBits) return [];
  const found: Array<{ name: string; subnet: string }> = [];
  for (const n of networks) {
    for (const s of n.subnets) {
      const other = parseCidr(s);
      if (other && cidrsOverlap(typed, other)) {
        found.push({ name: n.name, subnet: s });
        break;
      }
    }
  }
  return found;
}

/** Every problem of the form, by field; empty when it can be sent. */
export function networkFormProblems(input: { name: string; subnet?: string; gateway?: string }, builtin: (name: string) => boolean): Partial<Record<NetworkField, NetworkProblem>> {
  const problems: Partial<Record<NetworkField, NetworkProblem>> = {};
  const name = input.name.trim();
  if (name === '') problems.name = 'nameRequired';
  else if (!NETWORK_NAME.test(name)) problems.name = 'nameInvalid';
  else if (builtin(name)) problems.name = 'nameBuiltin';
  const subnetText = input.subnet?.trim() ?? '';
  const gatewayText = input.gateway?.trim() ?? '';
  const subnet = subnetText ? parseCidr(subnetText) : null;
  if (subnetText && !subnet) problems.subnet = 'subnetInvalid';
  else if (subnet?.hostBits) problems.subnet = 'subnetHostBits';
  if (gatewayText) {
    const gateway = parseIpv4(gatewayText);
    if (gateway === null) problems.gateway = 'gatewayInvalid';
    else if (!subnetText) problems.gateway = 'gatewayNeedsSubnet';
    else if (subnet && !subnet.hostBits) {
      const size = 2 ** (32 - subnet.prefix);
      if (!cidrContains(subnet, gateway)) problems.gateway = 'gatewayOutside';
      else if (subnet.prefix < 31 && (gateway === subnet.base || gateway === subnet.base + size - 1)) problems.gateway = 'gatewayReserved';
    }
  }
  return problems;
}
