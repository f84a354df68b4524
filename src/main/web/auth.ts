import { timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';

/** Web mode's request rules, pure so they are unit-tested: token, Host (DNS rebinding) and Origin (CSRF). */

export const TOKEN_COOKIE = 'wharf_token';

export interface AuthConfig {
  token: string;
  /** host:port values a browser may send in Host, e.g. 127.0.0.1:7370, localhost:7370. */
  allowedHosts: ReadonlySet<string>;
}

function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The Host values a browser may send: loopback names, the bound address, and — bound to every interface —
 * this machine's own addresses. Never a DNS name other than localhost: that is what DNS rebinding needs.
 */
export function allowedHostsFor(bindHost: string, port: number, localAddresses: () => string[] = ownAddresses): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    for (const address of localAddresses()) hosts.add(hostPort(address, port).toLowerCase());
  } else if (bindHost !== '127.0.0.1') {
    hosts.add(hostPort(bindHost, port).toLowerCase());
  }
  return hosts;
}

function ownAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => i.address);
}

export function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  cookie: string | undefined;
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** Host and Origin first (403), then the token (401). */
export function checkRequest(req: RequestFacts, config: AuthConfig): Verdict {
  if (!req.host || !config.allowedHosts.has(req.host.toLowerCase())) return { ok: false, status: 403, reason: 'host not allowed' };
  if (req.origin !== undefined) {
    let originHost: string;
    try {
      const url = new URL(req.origin);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, status: 403, reason: 'origin not allowed' };
      originHost = url.host;
    } catch {
      return { ok: false, status: 403, reason: 'origin not allowed' };
    }
    if (!config.allowedHosts.has(originHost.toLowerCase())) return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  const bearer = req.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = parseCookies(req.cookie).get(TOKEN_COOKIE);
  if (sameToken(bearer, config.token) || sameToken(cookie, config.token)) return { ok: true };
  return { ok: false, status: 401, reason: 'missing or invalid token' };
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Loopback addresses bind without a warning; anything else is reachable from other machines. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
