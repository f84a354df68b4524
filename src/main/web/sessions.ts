import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A page's session secret: a random id and its HMAC under the master token. The server keeps no list, so a page
 * stays signed in across a restart with the same token (WHARF_TOKEN, --token-file) and is signed out by a new one.
 * The page keeps it in sessionStorage and sends it in a header — never a cookie, which the browser would also send
 * to every other port of the same host.
 */
export const SESSION_HEADER = 'x-wharf-session';

function mac(token: string, id: string): string {
  return createHmac('sha256', token).update(`wharf-session\0${id}`).digest('base64url');
}

export function mintSession(token: string): string {
  const id = randomBytes(18).toString('base64url');
  return `${id}.${mac(token, id)}`;
}

export function sessionValid(session: string | undefined, token: string): boolean {
  if (!session) return false;
  const dot = session.indexOf('.');
  if (dot <= 0 || dot !== session.lastIndexOf('.')) return false;
  const given = Buffer.from(session.slice(dot + 1));
  const expected = Buffer.from(mac(token, session.slice(0, dot)));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
