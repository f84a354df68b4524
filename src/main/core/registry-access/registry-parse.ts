/** Pure parts of talking to a registry: challenges, Link headers, addresses, outcome classification. */
import type { SpeedOutcome } from '../../../shared/registry-access';

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * RFC 7235 challenges as registries send them: `Bearer realm="…",service="…",scope="a,b"`, several challenges
 * separated by commas; quoted values may hold commas and escaped quotes.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  const s = header;
  let i = 0;
  const skipSpace = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i += 1;
  };
  const token = (): string => {
    const start = i;
    while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z/]/.test(s.charAt(i))) i += 1;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipSpace();
    if (s[i] === ',') {
      i += 1;
      continue;
    }
    const scheme = token();
    if (!scheme) break;
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    for (;;) {
      skipSpace();
      const save = i;
      const name = token();
      skipSpace();
      if (!name || s[i] !== '=') {
        i = save; // the next challenge's scheme (or the end)
        break;
      }
      i += 1;
      skipSpace();
      let value = '';
      if (s[i] === '"') {
        i += 1;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i += 1;
          value += s[i];
          i += 1;
        }
        i += 1;
      } else {
        const start = i;
        while (i < s.length && s[i] !== ',' && s[i] !== ' ') i += 1;
        value = s.slice(start, i);
      }
      challenge.params[name.toLowerCase()] = value;
      skipSpace();
      if (s[i] === ',') i += 1;
    }
  }
  return challenges;
}

/** The `last` and `n` of a `Link: </v2/_catalog?last=x&n=2>; rel="next"` header; undefined when there is no next page. */
export function parseNextLink(header: string | undefined): { last?: string; n?: number } | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m || !/;\s*rel="?next"?/i.test(m[2] ?? '')) continue;
    const url = new URL(m[1] ?? '', 'http://registry.invalid');
    const n = url.searchParams.get('n');
    const last = url.searchParams.get('last') ?? undefined;
    return { last, n: n !== null && /^\d+$/.test(n) ? Number(n) : undefined };
  }
  return undefined;
}

export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export interface RegistryAddress {
  /** The key of config.json's auths, as the docker CLI writes it. */
  key: string;
  /** host[:port] */
  host: string;
  /** Schemes to try, in order. */
  schemes: ('https' | 'http')[];
}

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * A registry as the user typed it (`host:port`, `http://host:port`, `https://host/v2/`, `docker.io`).
 * Plain HTTP only when asked for (`http://`) or for loopback (after HTTPS, like the engine).
 */
export function parseRegistryAddress(input: string): RegistryAddress {
  const raw = input.trim();
  const schemeMatch = /^([a-z]+):\/\//i.exec(raw);
  const scheme = schemeMatch?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') throw new Error(`unsupported scheme ${scheme}://`);
  const rest = schemeMatch ? raw.slice(schemeMatch[0].length) : raw;
  const host = (rest.split('/')[0] ?? '').toLowerCase();
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/.test(host)) throw new Error(`not a registry address: ${input}`);
  if (HUB_HOSTS.has(host)) return { key: DOCKER_HUB_KEY, host: 'registry-1.docker.io', schemes: ['https'] };
  const schemes: RegistryAddress['schemes'] = scheme === 'http' ? ['http'] : scheme === 'https' ? ['https'] : isLoopbackHost(host) ? ['https', 'http'] : ['https'];
  return { key: host, host, schemes };
}

/** Node and OpenSSL error codes of a failed TLS handshake or certificate check. */
export function isTlsError(code: string | undefined, message = ''): boolean {
  if (!code) return /SSL|TLS|certificate/i.test(message);
  return (
    code.startsWith('ERR_SSL') ||
    code.startsWith('ERR_TLS') ||
    code === 'EPROTO' ||
    /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH/.test(code)
  );
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EADDRNOTAVAIL']);

/** What a network error means for a mirror. */
export function classifyNetworkError(code: string | undefined, message = ''): SpeedOutcome {
  if (code === 'ETIMEDOUT' || code === 'TIMEOUT') return 'timeout';
  if (isTlsError(code, code ? '' : message)) return 'tls-error';
  if (code && UNREACHABLE.has(code)) return 'unreachable';
  return 'other';
}

/** What an HTTP status at some step means (200-399 = go on). */
export function classifyStatus(status: number): SpeedOutcome | undefined {
  if (status >= 200 && status < 400) return undefined;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  return 'other';
}

/** `library/busybox:latest` → name + reference (tag or digest); a bare name gets :latest. */
export function splitImage(image: string): { name: string; reference: string } {
  const at = image.indexOf('@');
  if (at > 0) return { name: image.slice(0, at), reference: image.slice(at + 1) };
  const colon = image.lastIndexOf(':');
  if (colon > image.lastIndexOf('/')) return { name: image.slice(0, colon), reference: image.slice(colon + 1) };
  return { name: image, reference: 'latest' };
}

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
].join(', ');
