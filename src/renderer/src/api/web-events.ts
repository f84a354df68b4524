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

/** A single-use ticket for one socket; or wait and try again; or stop (signed out). */
export type SocketTicket = { ticket: string } | { retryInMs?: number } | { stop: true };

/**
 * The web-mode event stream: one WebSocket to /api/events, opened on the first subscription and reopened with
 * backoff whenever it closes. A browser cannot put a header on a WebSocket, so each opening first fetches a
 * single-use ticket (`ticket()`, an authenticated POST) and passes it in the URL.
 */
export function createEventSocket(ticket: () => Promise<SocketTicket>, url: string = eventsUrl()): EventSocket {
  const listeners = new Set<EventListener>();
  const streamListeners = new Set<(message: StreamServerMessage) => void>();
  /** Stream ops sent before the socket opened; sent on open. */
  let outbox: StreamClientMessage[] = [];
  const connectionListeners = new Set<ConnectionListener>();
  let socket: WebSocket | undefined;
  let state: EventStreamState = 'connecting';
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Fetching a ticket: an opening is under way. */
  let fetching = false;
  /** Signed out: no more openings. */
  let stopped = false;

  const setState = (value: EventStreamState): void => {
    if (state === value) return;
    state = value;
    for (const listener of [...connectionListeners]) listener(value);
  };

  const scheduleReconnect = (delayMs = reconnectDelay(attempt++)): void => {
    if (retryTimer !== undefined || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      open();
    }, delayMs);
  };

  const idle = (): boolean => socket === undefined && retryTimer === undefined && !fetching && !stopped;

  const open = (): void => {
    fetching = true;
    void ticket().then(
      (answer) => {
        fetching = false;
        if ('ticket' in answer) connect(answer.ticket);
        else if ('stop' in answer) {
          stopped = true;
          setState('closed');
        } else {
          setState('closed');
          scheduleReconnect(answer.retryInMs);
        }
      },
      () => {
        fetching = false;
        setState('closed');
        scheduleReconnect();
      },
    );
  };

  const connect = (ticketValue: string): void => {
    const ws = new WebSocket(`${url}?ticket=${encodeURIComponent(ticketValue)}`);
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
        return; // the server only sends JSON; anything else is noise to drop
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
      if (idle()) open();
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
      if (idle()) open();
      return () => listeners.delete(listener);
    },
    state: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
