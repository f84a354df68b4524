import type { Transport } from './transport';
import { createWebCall } from './web-call';
import { createEventSocket, type SocketTicket } from './web-events';
import { createWebSession, retryAfterOf, type WebSession } from './web-session';

/** POST /api/events-ticket with the session: a single-use ticket for the next WebSocket. */
function socketTicket(session: WebSession): () => Promise<SocketTicket> {
  return async () => {
    await session.ready();
    const headers = session.headers();
    if (!headers) return { stop: true };
    const response = await fetch('/api/events-ticket', { method: 'POST', credentials: 'omit', headers: { Accept: 'application/json', ...headers } });
    if (response.status === 401) {
      session.refused();
      return { stop: true };
    }
    if (response.status === 429) return { retryInMs: (retryAfterOf(response) ?? 60) * 1000 };
    if (response.status !== 200) return {};
    const body: unknown = await response.json();
    const ticket: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'ticket') : undefined;
    return typeof ticket === 'string' ? { ticket } : {};
  };
}

export function createWebTransport(): Transport {
  const session = createWebSession();
  const events = createEventSocket(socketTicket(session));
  return {
    kind: 'web',
    signIn: () => session.ready(),
    onSessionChange: (listener) => session.onChange(listener),
    call: createWebCall(session),
    subscribe: (listener) => events.subscribe(listener),
    eventStreamState: () => events.state(),
    onEventStreamConnection: (listener) => events.onConnection(listener),
    streams: events.streams,
  };
}
