import { networkInterfaces } from 'node:os';

/** This machine's addresses now (interfaces come and go: DHCP, VPN, Wi-Fi). */
export type AddressesProvider = () => string[];

export function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => i.address);
}

/** Loopback addresses bind without TLS or a warning; anything else is reachable from other machines. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The Host values a browser may send: the loopback names, the bound address and — bound off loopback — every
 * address of this machine at the moment of asking. Never a DNS name other than localhost: a name is what DNS
 * rebinding needs.
 */
export function allowedHostsFor(bindHost: string, port: number, addresses: AddressesProvider = machineAddresses): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (bindHost !== '0.0.0.0' && bindHost !== '::') hosts.add(hostPort(bindHost, port).toLowerCase());
  if (!isLoopbackHost(bindHost)) for (const address of addresses()) hosts.add(hostPort(address, port).toLowerCase());
  return hosts;
}

/**
 * Host check for a server bound to bindHost:port. Off loopback the machine's addresses are read on every call, so
 * an address gained after start is accepted and one given up is refused, without a restart.
 */
export function hostChecker(bindHost: string, port: number, addresses: AddressesProvider = machineAddresses): (host: string) => boolean {
  if (isLoopbackHost(bindHost)) {
    const fixed = allowedHostsFor(bindHost, port, addresses);
    return (host) => fixed.has(host.toLowerCase());
  }
  return (host) => allowedHostsFor(bindHost, port, addresses).has(host.toLowerCase());
}
