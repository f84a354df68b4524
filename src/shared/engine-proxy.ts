/**
 * The engine's own proxy (how dockerd reaches registries): HTTP_PROXY, HTTPS_PROXY and NO_PROXY — the `proxies` key
 * of daemon.json on engines 23 and later, a systemd drop-in with the environment on older ones. The checks the
 * engine's proxy code would make, and the masking: a proxy URL's credentials are never shown again once typed —
 * GET /info masks them as `xxxxx:xxxxx`, and so does Wharf, everywhere it shows or logs one.
 */

export interface ProxySettings {
  /** HTTP_PROXY: for plain-http registries ('' = none). */
  httpProxy: string;
  /** HTTPS_PROXY: for https registries, which is nearly all of them ('' = none). */
  httpsProxy: string;
  /** NO_PROXY: hosts, domains, IPs and CIDRs reached directly, comma-separated ('' = none). */
  noProxy: string;
}

export const NO_PROXY_SETTINGS: ProxySettings = { httpProxy: '', httpsProxy: '', noProxy: '' };

export const PROXY_FIELDS = ['httpProxy', 'httpsProxy', 'noProxy'] as const;
export type ProxyField = (typeof PROXY_FIELDS)[number];

/** daemon.json's names for the fields (inside `proxies`), which are also dockerd's flags without the dashes. */
export const PROXY_FILE_KEYS: Record<ProxyField, 'http-proxy' | 'https-proxy' | 'no-proxy'> = {
  httpProxy: 'http-proxy',
  httpsProxy: 'https-proxy',
  noProxy: 'no-proxy',
};

/** Why a proxy value cannot be written; i18n keys under registryMirrors.proxy.problem. */
export type ProxyProblem =
  | 'not-a-url'
  | 'scheme'
  | 'unsupported-scheme'
  | 'path'
  | 'bad-port'
  | 'bad-entry'
  /** `xxxxx:xxxxx` typed where the file has no credentials to keep. */
  | 'masked-unknown'
  /** Credentials where Wharf can only show commands to copy (web mode): it never shows them. */
  | 'credentials-manual';

export interface ProxyCheck {
  /** What goes into the file (trimmed, normalized); undefined when there is a problem. */
  value?: string;
  problem?: ProxyProblem;
  /** The entry of NO_PROXY that has the problem. */
  entry?: string;
}

/** What GET /info and dockerd's messages show for a value with credentials. */
export const MASKED_CREDENTIALS = 'xxxxx:xxxxx';

const URL_WITH_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'<>]*@/gi;

/** A proxy URL as GET /info shows it: any user or password replaced by `xxxxx:xxxxx`, the rest as written. */
export function maskProxyUrl(url: string): string {
  return url.replace(URL_WITH_CREDENTIALS, `$1${MASKED_CREDENTIALS}@`);
}

/** Any text (a log line, a file, an error) with the credentials of every URL in it masked. */
export function maskCredentials(text: string): string {
  return text.replace(URL_WITH_CREDENTIALS, `$1${MASKED_CREDENTIALS}@`);
}

export function hasCredentials(url: string): boolean {
  URL_WITH_CREDENTIALS.lastIndex = 0;
  const found = URL_WITH_CREDENTIALS.test(url);
  URL_WITH_CREDENTIALS.lastIndex = 0;
  return found;
}

export function proxiesHaveCredentials(p: ProxySettings): boolean {
  return hasCredentials(p.httpProxy) || hasCredentials(p.httpsProxy);
}

export function maskProxies(p: ProxySettings): ProxySettings {
  return { httpProxy: maskProxyUrl(p.httpProxy), httpsProxy: maskProxyUrl(p.httpsProxy), noProxy: p.noProxy };
}

const HOST = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A proxy URL: http, https or socks5(h), a host, an optional port, credentials allowed (percent-encoded where they
 * need it), nothing after the host but one '/'. Go's proxy code would read "host:port" as http://host:port; Wharf
 * asks for the scheme so that what is written says what it means.
 */
export function checkProxyUrl(raw: string): ProxyCheck {
  const text = raw.trim();
  if (text === '') return { value: '' };
  if (/\s/.test(text)) return { problem: 'not-a-url' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { problem: /^[^/:\s]+(:\d+)?\/?$/.test(text) ? 'scheme' : 'not-a-url' };
  const scheme = text.slice(0, text.indexOf('://')).toLowerCase();
  if (!['http', 'https', 'socks5', 'socks5h'].includes(scheme)) return { problem: 'unsupported-scheme' };
  // Checked on the text: URL's parser accepts what Go's would reject (a path, a query, a fragment).
  const rest = text.slice(text.indexOf('://') + 3).replace(/^[^/@]*@/, '');
  const hostPort = /^(\[[0-9a-f:.]+\]|[^/:?#[\]]+)(?::([^/?#]*))?(\/?)$/i.exec(rest);
  if (hostPort === null) return { problem: rest.includes('/') || rest.includes('?') || rest.includes('#') ? 'path' : 'not-a-url' };
  const host = hostPort[1] as string;
  const port = hostPort[2];
  if (!(HOST.test(host) || IPV4.test(host) || /^\[[0-9a-f:.]+\]$/i.test(host))) return { problem: 'not-a-url' };
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) return { problem: 'bad-port' };
  try {
    new URL(text);
  } catch {
    return { problem: 'not-a-url' };
  }
  // The scheme as Go writes it back (GET /info shows it lower-case), the rest as typed.
  return { value: `${scheme}${text.slice(text.indexOf('://'))}` };
}

/**
 * NO_PROXY: comma-separated `*`, host or domain (`.example.com` for its subdomains only), `host:port`, an IP or a
 * CIDR — what Go's proxy code matches. Spaces around entries are dropped; the value written is `a,b,c`.
 */
export function checkNoProxy(raw: string): ProxyCheck {
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const entry of entries) {
    if (!noProxyEntryOk(entry)) return { problem: 'bad-entry', entry };
  }
  return { value: entries.join(',') };
}

function noProxyEntryOk(entry: string): boolean {
  if (entry === '*') return true;
  const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/i.exec(entry);
  if (cidr) return (IPV4.test(cidr[1] as string) && Number(cidr[2]) <= 32) || ((cidr[1] as string).includes(':') && Number(cidr[2]) <= 128);
  if (/^\[?[0-9a-f]*:[0-9a-f:.]*\]?(:\d{1,5})?$/i.test(entry) && entry.split(':').length > 2) return true;
  const hostPort = /^(\*?\.?)([^:]+)(?::(\d{1,5}))?$/.exec(entry);
  if (!hostPort) return false;
  const host = hostPort[2] as string;
  return HOST.test(host) || IPV4.test(host);
}

/** The three checks of a draft. */
export function checkProxies(p: ProxySettings): Record<ProxyField, ProxyCheck> {
  return { httpProxy: checkProxyUrl(p.httpProxy), httpsProxy: checkProxyUrl(p.httpsProxy), noProxy: checkNoProxy(p.noProxy) };
}

export function sameProxies(a: ProxySettings, b: ProxySettings): boolean {
  return a.httpProxy === b.httpProxy && a.httpsProxy === b.httpsProxy && a.noProxy === b.noProxy;
}

export function proxiesEmpty(p: ProxySettings): boolean {
  return p.httpProxy === '' && p.httpsProxy === '' && p.noProxy === '';
}

/** Engines from 23.0 read `proxies` from daemon.json; older ones refuse the key and take the environment only. */
export function engineTakesProxiesKey(version: string | undefined): boolean {
  const major = Number(/^(\d+)\./.exec(version ?? '')?.[1]);
  return Number.isFinite(major) && major >= 23;
}
