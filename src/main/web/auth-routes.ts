import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FailureLimiter } from './failure-limiter';
import { sendJson } from './http-replies';
import { parseJsonObject, readBody } from './request-body';
import { mintSession } from './sessions';
import type { TicketStore } from './tickets';

/**
 * The sign-in endpoints. They are not contract channels (those always have a dot: `images.list`):
 * - POST /api/session        {"ticket": "<login ticket>"} → {"session": "…"}: the page trades the printed URL's
 *                            single-use ticket for its session secret. The ticket is the only credential.
 * - POST /api/events-ticket  (session or Bearer) → {"ticket": "…"}: a single-use ticket for the WebSocket, which a
 *                            browser cannot open with a custom header.
 * - POST /api/login-ticket   (Bearer only) → {"url": "…"}: a new login URL, for scripts and the tests.
 */
export const SESSION_PATH = '/api/session';
export const EVENTS_TICKET_PATH = '/api/events-ticket';
export const LOGIN_TICKET_PATH = '/api/login-ticket';

export interface SignIn {
  token: string;
  loginTickets: TicketStore;
  eventTickets: TicketStore;
  limiter: FailureLimiter;
  /** The page's URL with a login ticket in it. */
  loginUrl(ticket: string): string;
}

function ticketOf(text: string): string | undefined | null {
  if (text.trim() === '') return undefined;
  const value = parseJsonObject(text);
  if (value === null) return null;
  if (value === undefined) return undefined;
  const ticket: unknown = Reflect.get(value, 'ticket');
  return typeof ticket === 'string' && ticket !== '' ? ticket : undefined;
}

export async function handleSessionExchange(req: IncomingMessage, res: ServerResponse, signIn: SignIn, address: string): Promise<void> {
  const text = await readBody(req, res);
  if (text === undefined) return;
  const ticket = ticketOf(text);
  if (ticket === null) {
    sendJson(res, 400, { error: 'malformed JSON' });
    return;
  }
  if (!signIn.loginTickets.consume(ticket)) {
    if (ticket !== undefined) signIn.limiter.recordFailure(address);
    sendJson(res, 401, { error: 'the login ticket is unknown, expired or already used', code: 'ticket-refused' });
    return;
  }
  sendJson(res, 200, { session: mintSession(signIn.token) });
}

export function handleEventsTicket(res: ServerResponse, signIn: SignIn): void {
  sendJson(res, 200, { ticket: signIn.eventTickets.issue() });
}

export function handleLoginTicket(res: ServerResponse, signIn: SignIn, via: 'bearer' | 'session'): void {
  // A page's session must not mint sign-ins for other browsers: only the master token may.
  if (via !== 'bearer') {
    sendJson(res, 403, { error: 'a new login URL needs the master token (Authorization: Bearer)' });
    return;
  }
  sendJson(res, 200, { url: signIn.loginUrl(signIn.loginTickets.issue()) });
}
