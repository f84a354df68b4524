/**
 * Web mode's request rules: the Host header must be ours (DNS rebinding), an Origin must be ours (CSRF), and the
 * credential is the master token as `Authorization: Bearer` or a page session (X-Wharf-Session) signed with it.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hostChecker } from '../../src/main/web/allowed-hosts';
import type { AuthConfig, RequestFacts } from '../../src/main/web/auth';
import { checkRequest } from '../../src/main/web/auth';
import { mintSession, sessionValid } from '../../src/main/web/sessions';

const PORT = 7370;
const TOKEN = randomBytes(24).toString('base64url');
const config: AuthConfig = { token: TOKEN, hostAllowed: hostChecker('127.0.0.1', PORT) };

function request(overrides: Partial<RequestFacts>): RequestFacts {
  return { host: `127.0.0.1:${PORT}`, origin: undefined, authorization: `Bearer ${TOKEN}`, session: undefined, ...overrides };
}

/** A different secret of the same length, so only the content differs. */
function sameLengthWrong(secret: string): string {
  const last = secret.endsWith('A') ? 'B' : 'A';
  return secret.slice(0, -1) + last;
}

describe('Host header (DNS rebinding)', () => {
  it.each([`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`, `LOCALHOST:${PORT}`])('%s is ours', (host) => {
    expect(checkRequest(request({ host }), config)).toEqual({ ok: true, via: 'bearer' });
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
    expect(checkRequest(request({ origin: undefined }), config)).toEqual({ ok: true, via: 'bearer' });
  });

  it.each([`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`, `https://127.0.0.1:${PORT}`])('our own page %s is fine', (origin) => {
    expect(checkRequest(request({ origin }), config)).toEqual({ ok: true, via: 'bearer' });
  });

  it.each(['http://evil.example', `http://evil.example:${PORT}`, `http://127.0.0.1:${PORT + 1}`, 'null', 'file://', 'chrome-extension://abcdef', 'not a url'])(
    'Origin %s → 403 even with the right token',
    (origin) => {
      expect(checkRequest(request({ origin }), config)).toMatchObject({ ok: false, status: 403 });
    },
  );
});

describe('master token (Authorization: Bearer)', () => {
  it('no credential at all → 401, not counted as a wrong guess', () => {
    expect(checkRequest(request({ authorization: undefined }), config)).toEqual({ ok: false, status: 401, reason: expect.any(String) as string, presented: false });
  });

  it('the scheme is case-insensitive', () => {
    expect(checkRequest(request({ authorization: `bearer ${TOKEN}` }), config)).toEqual({ ok: true, via: 'bearer' });
  });

  it.each([
    ['a wrong token of the same length', () => `Bearer ${sameLengthWrong(TOKEN)}`],
    ['a prefix of the token', () => `Bearer ${TOKEN.slice(0, 8)}`],
    ['the token with more after it', () => `Bearer ${TOKEN}x`],
    ['another scheme', () => `Basic ${TOKEN}`],
    ['an empty bearer', () => 'Bearer '],
  ])('%s → 401, counted as a wrong guess', (_name, authorization) => {
    expect(checkRequest(request({ authorization: authorization() }), config)).toMatchObject({ ok: false, status: 401, presented: true });
  });
});

describe('page session (X-Wharf-Session)', () => {
  const session = mintSession(TOKEN);

  it('a session minted with the token is accepted, with no token sent', () => {
    expect(checkRequest(request({ authorization: undefined, session }), config)).toEqual({ ok: true, via: 'session' });
  });

  it('every session is different, and each is valid', () => {
    const other = mintSession(TOKEN);
    expect(other).not.toBe(session);
    expect(sessionValid(other, TOKEN)).toBe(true);
  });

  it('a session does not contain the token', () => {
    expect(session).not.toContain(TOKEN);
  });

  it.each([
    ['minted under another token (the server restarted with a new one)', () => mintSession(randomBytes(24).toString('base64url'))],
    ['with its signature changed', () => sameLengthWrong(session)],
    ['with its id changed', () => `x${session}`],
    ['without a signature', () => session.split('.')[0] ?? ''],
    ['the master token itself', () => TOKEN],
    ['empty', () => ''],
  ])('a session %s → 401, counted as a wrong guess', (_name, value) => {
    expect(checkRequest(request({ authorization: undefined, session: value() }), config)).toMatchObject({ ok: false, status: 401, presented: true });
  });
});
