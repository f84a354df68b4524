import { reconnectDelay } from './backoff';
import { isWharfEvent } from './event-shape';
import type { ConnectionListener, EventListener, EventStreamState } from './transport';

export interface EventSocket {
  subscribe(listener: EventListener): () => void;
  state(): EventStreamState;
  onConnection(listener: ConnectionListener): () => void;
}

function eventsUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/api/events`;
}

/**
 * The web-mode event stream: one WebSocket to /api/events (the session cookie carries auth),
 * opened on the first subscription and reopened with backoff whenever it closes.
 */
export function createEventSocket(url: string = eventsUrl()): EventSocket {
  const listeners = new Set<EventListener>();
  const connectionListeners = new Set<ConnectionListener>();
  let socket: WebSocket | undefined;
  let state: EventStreamState = 'connecting';
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (value: EventStreamState): void => {
    if (state === value) return;
    state = value;
    for (const listener of [...connectionListeners]) listener(value);
  };

  const scheduleReconnect = (): void => {
    if (retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      open();
    }, reconnectDelay(attempt++));
  };

  const open = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
    };
    ws.onmessage = (message: MessageEvent<unknown>) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (!isWharfEvent(parsed)) return;
      for (const listener of [...listeners]) {
        try {
          listener(parsed);
        } catch (error) {
          // One broken listener must not starve the others.
          console.error(error);
        }
      }
    };
    // onerror is always followed by onclose; reconnecting there covers both.
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      setState('closed');
      scheduleReconnect();
    };
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (socket === undefined && retryTimer === undefined) open();
      return () => listeners.delete(listener);
    },
    state: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
