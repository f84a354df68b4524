/**
 * Web mode's request rules: the Host header must be ours (DNS rebinding), an Origin must be ours (CSRF),
 * and the session token must come as `Authorization: Bearer` or the wharf_token cookie.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthConfig, RequestFacts } from '../../src/main/web/auth';
import { TOKEN_COOKIE, allowedHostsFor, checkRequest, isLoopbackHost, parseCookies, tokenCookie } from '../../src/main/web/auth';

const PORT = 7370;
const TOKEN = randomBytes(24).toString('base64url');
const config: AuthConfig = { token: TOKEN, allowedHosts: allowedHostsFor('127.0.0.1', PORT) };

function request(overrides: Partial<RequestFacts>): RequestFacts {
  return { host: `127.0.0.1:${PORT}`, origin: undefined, authorization: `Bearer ${TOKEN}`, cookie: undefined, ...overrides };
}

/** A different token of the same length, so only the content differs. */
function sameLengthWrongToken(): string {
  const last = TOKEN.endsWith('A') ? 'B' : 'A';
  return TOKEN.slice(0, -1) + last;
}

describe('Host header (DNS rebinding)', () => {
  it.each([`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`, `LOCALHOST:${PORT}`])('%s is ours', (host) => {
    expect(checkRequest(request({ host }), config)).toEqual({ ok: true });
  });

  it('a missing Host → 403', () => {
    expect(checkRequest(request({ host: undefined }), config)).toMatchObject({ ok: false, status: 403 });
  });

  it.each([`evil.example:${PORT}`, 'evil.example', `127.0.0.1:${PORT + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${PORT}`])(
    'Host %s → 403 even with the right token',
    (host) => {
      expect(checkRequest(request({ host }), config)).toMatchObject({ ok: false, status: 403 });
    },
  );

  it('a foreign Host is refused before the token is looked at (403, not 401)', () => {
    expect(checkRequest(request({ host: `evil.example:${PORT}`, authorization: undefined }), config)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('Origin header (CSRF)', () => {
  it('no Origin (curl, scripts) is fine', () => {
    expect(checkRequest(request({ origin: undefined }), config)).toEqual({ ok: true });
  });

  it.each([`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`])('our own page %s is fine', (origin) => {
    expect(checkRequest(request({ origin }), config)).toEqual({ ok: true });
  });

  it.each(['http://evil.example', `http://evil.example:${PORT}`, `http://127.0.0.1:${PORT + 1}`, 'null', 'file://', 'chrome-extension://abcdef', 'not a url'])(
    'Origin %s → 403 even with the right token',
    (origin) => {
      expect(checkRequest(request({ origin }), config)).toMatchObject({ ok: false, status: 403 });
    },
  );
});

describe('session token', () => {
  it('a missing token → 401', () => {
    expect(checkRequest(request({ authorization: undefined }), config)).toMatchObject({ ok: false, status: 401 });
  });

  it('Authorization: Bearer <token> is accepted (the scheme is case-insensitive)', () => {
    expect(checkRequest(request({ authorization: `Bearer ${TOKEN}` }), config)).toEqual({ ok: true });
    expect(checkRequest(request({ authorization: `bearer ${TOKEN}` }), config)).toEqual({ ok: true });
  });

  it('the wharf_token cookie is accepted among other cookies', () => {
    const cookie = `theme=dark; ${TOKEN_COOKIE}=${encodeURIComponent(TOKEN)}; lang=zh-CN`;
    expect(checkRequest(request({ authorization: undefined, cookie }), config)).toEqual({ ok: true });
  });

  it.each([
    ['a wrong token of the same length', () => `Bearer ${sameLengthWrongToken()}`],
    ['a prefix of the token', () => `Bearer ${TOKEN.slice(0, 8)}`],
    ['the token with more after it', () => `Bearer ${TOKEN}x`],
    ['another scheme', () => `Basic ${TOKEN}`],
    ['an empty bearer', () => 'Bearer '],
  ])('%s → 401', (_name, authorization) => {
    expect(checkRequest(request({ authorization: authorization() }), config)).toMatchObject({ ok: false, status: 401 });
  });

  it('a wrong cookie → 401', () => {
    expect(checkRequest(request({ authorization: undefined, cookie: `${TOKEN_COOKIE}=${sameLengthWrongToken()}` }), config)).toMatchObject({ ok: false, status: 401 });
  });

  it('the token in a cookie of another name → 401', () => {
    expect(checkRequest(request({ authorization: undefined, cookie: `other=${TOKEN}` }), config)).toMatchObject({ ok: false, status: 401 });
  });
});

describe('tokenCookie', () => {
  const header = tokenCookie(TOKEN);
  const attributes = header.split(';').map((a) => a.trim().toLowerCase());

  it('is HttpOnly, so page scripts cannot read it', () => {
    expect(attributes).toContain('httponly');
  });

  it('is SameSite=Strict, so other sites cannot send it', () => {
    expect(attributes).toContain('samesite=strict');
  });

  it('carries the token under wharf_token, readable back by the request check', () => {
    const nameValue = header.split(';')[0] ?? '';
    expect(parseCookies(nameValue).get(TOKEN_COOKIE)).toBe(TOKEN);
    expect(checkRequest(request({ authorization: undefined, cookie: nameValue }), config)).toEqual({ ok: true });
  });

  it('round-trips a token with characters that need encoding', () => {
    const odd = 'a+b/c=d;e f';
    const nameValue = tokenCookie(odd).split(';')[0] ?? '';
    expect(parseCookies(nameValue).get(TOKEN_COOKIE)).toBe(odd);
  });
});

describe('allowedHostsFor', () => {
  it('a loopback bind allows the loopback names with the port', () => {
    const hosts = allowedHostsFor('127.0.0.1', 8123);
    expect(hosts.has('127.0.0.1:8123')).toBe(true);
    expect(hosts.has('localhost:8123')).toBe(true);
    expect(hosts.has('127.0.0.1:7370')).toBe(false);
    expect(hosts.has('evil.example:8123')).toBe(false);
  });

  it('an explicit address bind also allows that address', () => {
    expect(allowedHostsFor('192.168.1.20', 8123).has('192.168.1.20:8123')).toBe(true);
  });

  it('an IPv6 bind address is allowed in the bracketed form browsers send in Host', () => {
    expect(allowedHostsFor('fd00::20', 8123).has('[fd00::20]:8123')).toBe(true);
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
