/**
 * Which Host values web mode accepts. On loopback: the loopback names with the port. Off loopback: also every
 * address the machine has at the moment of the request — read on each check, so an address gained or lost after
 * start counts without a restart.
 */
import { describe, expect, it } from 'vitest';
import { allowedHostsFor, hostChecker, isLoopbackHost } from '../../src/main/web/allowed-hosts';

describe('hostChecker', () => {
  it('bound to loopback: the loopback names with our port, nothing else, and the machine addresses are never read', () => {
    let reads = 0;
    const allowed = hostChecker('127.0.0.1', 8123, () => {
      reads++;
      return ['192.168.1.20'];
    });
    expect(allowed('127.0.0.1:8123')).toBe(true);
    expect(allowed('localhost:8123')).toBe(true);
    expect(allowed('[::1]:8123')).toBe(true);
    expect(allowed('127.0.0.1:7370')).toBe(false);
    expect(allowed('192.168.1.20:8123')).toBe(false);
    expect(allowed('evil.example:8123')).toBe(false);
    expect(reads).toBe(0);
  });

  it('bound off loopback: the machine addresses are read on every check, not once at start', () => {
    let now = ['10.0.0.5', 'fe80::1'];
    let reads = 0;
    const allowed = hostChecker('0.0.0.0', 8123, () => {
      reads++;
      return now;
    });
    expect(allowed('10.0.0.5:8123')).toBe(true);
    expect(allowed('[fe80::1]:8123')).toBe(true);
    expect(allowed('192.168.1.20:8123')).toBe(false);
    // Wi-Fi joins a network after start: its address counts at once; the one given up stops counting.
    now = ['192.168.1.20'];
    expect(allowed('192.168.1.20:8123')).toBe(true);
    expect(allowed('10.0.0.5:8123')).toBe(false);
    expect(reads).toBe(5);
    // Loopback names stay, DNS names never count (rebinding), another port never.
    expect(allowed('127.0.0.1:8123')).toBe(true);
    expect(allowed('myhost.example:8123')).toBe(false);
    expect(allowed('192.168.1.20:8124')).toBe(false);
  });

  it('bound to one address off loopback: that address, and the machine addresses read per check', () => {
    let now: string[] = [];
    const allowed = hostChecker('192.168.1.20', 8123, () => now);
    expect(allowed('192.168.1.20:8123')).toBe(true);
    expect(allowed('10.0.0.5:8123')).toBe(false);
    now = ['10.0.0.5'];
    expect(allowed('10.0.0.5:8123')).toBe(true);
  });
});

describe('allowedHostsFor', () => {
  it('an IPv6 bind address is allowed in the bracketed form browsers send in Host', () => {
    expect(allowedHostsFor('fd00::20', 8123, () => []).has('[fd00::20]:8123')).toBe(true);
  });
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '127.1.2.3'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', '127.0.0.1.evil.example', '128.0.0.1'])('%s is reachable from other machines', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
