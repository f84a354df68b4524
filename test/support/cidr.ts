/** Minimal IPv4/CIDR arithmetic for picking non-colliding test subnets. */

export function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) {
    throw new Error(`not an IPv4 address: ${ip}`);
  }
  return parts.reduce((acc, part) => acc * 256 + part, 0);
}

export interface Ipv4Range {
  first: number;
  last: number;
}

/** '10.213.7.0/24' → its first and last address; a bare address is a /32. */
export function cidrRange(cidr: string): Ipv4Range {
  const [ip = '', bitsText = '32'] = cidr.split('/');
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const first = Math.floor(ipToInt(ip) / size) * size;
  return { first, last: first + size - 1 };
}

export function cidrsOverlap(a: string, b: string): boolean {
  const ra = cidrRange(a);
  const rb = cidrRange(b);
  return ra.first <= rb.last && rb.first <= ra.last;
}

export function cidrContains(cidr: string, ip: string): boolean {
  const range = cidrRange(cidr);
  const value = ipToInt(ip);
  return value >= range.first && value <= range.last;
}
