import { timingSafeEqual } from 'node:crypto';
import { sessionValid } from './sessions';

/**
 * Web mode's request rules, pure so they are unit-tested: Host (DNS rebinding) and Origin (CSRF) first, then the
 * credential — the master token as `Authorization: Bearer` (scripts) or a page's session secret in its header.
 * No cookie is ever read: a browser sends 127.0.0.1's cookies to every port of 127.0.0.1.
 */

export interface AuthConfig {
  token: string;
  hostAllowed(host: string): boolean;
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  /** The X-Wharf-Session header. */
  session: string | undefined;
}

export type SiteVerdict = { ok: true } | { ok: false; status: 403; reason: string };

export type Verdict =
  | { ok: true; via: 'bearer' | 'session' }
  | { ok: false; status: 403; reason: string }
  /** presented: a credential was given and was wrong (counts towards the rate limit); false when none was given. */
  | { ok: false; status: 401; reason: string; presented: boolean };

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerOf(authorization: string | undefined): string | undefined {
  return authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** Host and Origin must name this server. */
export function checkSite(req: Pick<RequestFacts, 'host' | 'origin'>, hostAllowed: (host: string) => boolean): SiteVerdict {
  if (!req.host || !hostAllowed(req.host)) return { ok: false, status: 403, reason: 'host not allowed' };
  if (req.origin !== undefined) {
    let originHost: string;
    try {
      const url = new URL(req.origin);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, status: 403, reason: 'origin not allowed' };
      originHost = url.host;
    } catch {
      return { ok: false, status: 403, reason: 'origin not allowed' };
    }
    if (!hostAllowed(originHost)) return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  return { ok: true };
}

/** Host and Origin first (403), then the master token or a session (401). */
export function checkRequest(req: RequestFacts, config: AuthConfig): Verdict {
  const site = checkSite(req, config.hostAllowed);
  if (!site.ok) return site;
  const bearer = req.authorization === undefined ? undefined : (bearerOf(req.authorization) ?? '');
  if (bearer !== undefined && sameSecret(bearer, config.token)) return { ok: true, via: 'bearer' };
  if (req.session !== undefined && sessionValid(req.session, config.token)) return { ok: true, via: 'session' };
  const presented = bearer !== undefined || req.session !== undefined;
  return { ok: false, status: 401, reason: presented ? 'invalid token or session' : 'missing token or session', presented };
}
