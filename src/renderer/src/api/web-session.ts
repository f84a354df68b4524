/**
 * Web mode's sign-in, page side. The printed URL carries a single-use login ticket (`?ticket=`); the page takes it
 * out of the address bar and history at once, trades it for a session secret (POST /api/session), and keeps that in
 * sessionStorage — per tab and per origin, port included, so a reload stays signed in and no other port's page can
 * read it — sending it in the X-Wharf-Session header. Never a cookie: a browser sends 127.0.0.1's cookies to every
 * port of 127.0.0.1, including a container's published port.
 */

export const SESSION_HEADER = 'X-Wharf-Session';
export const LOGIN_TICKET_PARAM = 'ticket';
const STORAGE_KEY = 'wharf.session';

/**
 * no-ticket: opened without the printed URL; ticket-refused: the URL's ticket expired or was used; session-ended: the
 * server no longer accepts this tab's session (restarted with another token); rate-limited: too many wrong attempts
 * from this address; unreachable: the server did not answer.
 */
export type SignedOutReason = 'no-ticket' | 'ticket-refused' | 'session-ended' | 'rate-limited' | 'unreachable';

export type SessionState = { kind: 'signed-in' } | { kind: 'signed-out'; reason: SignedOutReason; retryAfterSeconds?: number };

export interface WebSession {
  /** Signs in once (ticket or stored session); later calls answer the current state. */
  ready(): Promise<SessionState>;
  /** The header to send, while signed in. */
  headers(): Record<string, string> | undefined;
  /** The server answered 401 to our session: forget it and sign out. */
  refused(): void;
  onChange(listener: (state: SessionState) => void): () => void;
}

export interface PageEnvironment {
  location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
}

function browserEnvironment(): PageEnvironment {
  return { location: window.location, history: window.history, storage: window.sessionStorage, fetch: (input, init) => fetch(input, init) };
}

/** Retry-After in seconds, when the server sent one. */
export function retryAfterOf(response: Response): number | undefined {
  const value = Number(response.headers.get('Retry-After'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Removes the login ticket from the address bar, replacing the history entry so Back cannot bring it back. */
function takeTicket(env: PageEnvironment): string | undefined {
  const params = new URLSearchParams(env.location.search);
  const ticket = params.get(LOGIN_TICKET_PARAM);
  if (ticket === null) return undefined;
  params.delete(LOGIN_TICKET_PARAM);
  const search = params.toString();
  env.history.replaceState(env.history.state, '', `${env.location.pathname}${search ? `?${search}` : ''}${env.location.hash}`);
  return ticket;
}

async function exchange(env: PageEnvironment, ticket: string): Promise<{ session: string } | SessionState> {
  let response: Response;
  try {
    response = await env.fetch('/api/session', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ticket }),
    });
  } catch {
    return { kind: 'signed-out', reason: 'unreachable' };
  }
  if (response.status === 429) return { kind: 'signed-out', reason: 'rate-limited', retryAfterSeconds: retryAfterOf(response) };
  if (response.status !== 200) return { kind: 'signed-out', reason: 'ticket-refused' };
  try {
    const body: unknown = await response.json();
    const session: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'session') : undefined;
    if (typeof session === 'string' && session !== '') return { session };
  } catch {
    // A body that is not JSON is a refused ticket too.
  }
  return { kind: 'signed-out', reason: 'ticket-refused' };
}

export function createWebSession(env: PageEnvironment = browserEnvironment()): WebSession {
  let state: SessionState | undefined;
  let starting: Promise<SessionState> | undefined;
  const listeners = new Set<(state: SessionState) => void>();

  const set = (next: SessionState): SessionState => {
    state = next;
    for (const listener of [...listeners]) listener(next);
    return next;
  };

  const start = async (): Promise<SessionState> => {
    const ticket = takeTicket(env);
    if (ticket !== undefined) {
      const answer = await exchange(env, ticket);
      if ('session' in answer) {
        env.storage.setItem(STORAGE_KEY, answer.session);
        return set({ kind: 'signed-in' });
      }
      // An old URL opened again in a tab that is signed in: the tab's session still counts.
      if (env.storage.getItem(STORAGE_KEY)) return set({ kind: 'signed-in' });
      return set(answer);
    }
    return set(env.storage.getItem(STORAGE_KEY) ? { kind: 'signed-in' } : { kind: 'signed-out', reason: 'no-ticket' });
  };

  return {
    ready: () => (starting ??= start()),
    headers() {
      const session = state?.kind === 'signed-in' ? env.storage.getItem(STORAGE_KEY) : null;
      return session ? { [SESSION_HEADER]: session } : undefined;
    },
    refused() {
      env.storage.removeItem(STORAGE_KEY);
      if (state?.kind !== 'signed-out') set({ kind: 'signed-out', reason: 'session-ended' });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
