import { reconnectDelay } from './backoff';
import { isWharfEvent } from './event-shape';
import type { StreamClientMessage, StreamServerMessage } from '../../../shared/streams';
import type { ConnectionListener, EventListener, EventStreamState, StreamPort } from './transport';

export interface EventSocket {
  subscribe(listener: EventListener): () => void;
  state(): EventStreamState;
  onConnection(listener: ConnectionListener): () => void;
  /** Stream ops and messages over the same socket. */
  streams: StreamPort;
}

function isStreamMessage(value: unknown): value is StreamServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type: unknown = Reflect.get(value, 'type');
  return (type === 'stream.data' || type === 'stream.end') && typeof Reflect.get(value, 'sid') === 'string';
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
  const streamListeners = new Set<(message: StreamServerMessage) => void>();
  /** Stream ops sent before the socket opened; sent on open. */
  let outbox: StreamClientMessage[] = [];
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
      for (const message of outbox) ws.send(JSON.stringify(message));
      outbox = [];
    };
    ws.onmessage = (message: MessageEvent<unknown>) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (isStreamMessage(parsed)) {
        for (const listener of [...streamListeners]) listener(parsed);
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
      // Streams of a dropped socket are over on the server too; the page hears that from the state change.
      outbox = outbox.filter((m) => m.op === 'open');
      setState('closed');
      scheduleReconnect();
    };
  };

  const send = (message: StreamClientMessage): void => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else {
      outbox.push(message);
      if (socket === undefined && retryTimer === undefined) open();
    }
  };

  return {
    streams: {
      open: (sid, name, input) => send({ op: 'open', sid, name, input }),
      write: (sid, data) => send({ op: 'write', sid, data }),
      close: (sid) => send({ op: 'close', sid }),
      onMessage(listener) {
        streamListeners.add(listener);
        return () => streamListeners.delete(listener);
      },
    },
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
