import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import { WharfApiError } from './api-error';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { createStreams } from './streams';
import type { ConnectionListener, EventListener, EventStreamState, Transport } from './transport';
import type { SessionState } from './web-session';
import { createWebTransport } from './web-transport';

/** Picked once at startup: the preload bridge inside Electron, HTTP + WebSocket everywhere else. */
function pickTransport(): Transport {
  const bridge = findBridge();
  return bridge ? createBridgeTransport(bridge) : createWebTransport();
}

const transport = pickTransport();

/** Opens a stream (container logs…); the handle writes to it and closes it. See shared/streams.ts. */
export const openStream = createStreams(transport.streams, (listener) => transport.onEventStreamConnection(listener));

/** Before the first call: web mode trades the printed URL's ticket for a session (or finds the tab's). */
export function signIn(): Promise<SessionState> {
  return transport.signIn();
}

/** Hears web mode's server stop accepting this tab's session. */
export function onSessionChange(listener: (state: SessionState) => void): () => void {
  return transport.onSessionChange(listener);
}

export function transportKind(): Transport['kind'] {
  return transport.kind;
}

/** Calls a contract channel; never rejects — failures are error envelopes. */
export function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
  return transport.call(channel, input);
}

/** The value of an ok envelope; throws a WharfApiError carrying the envelope's error otherwise. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new WharfApiError(envelope.error);
}

/** call + unwrap, for code that handles failures with try/catch. */
export async function request<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  return unwrap(await call(channel, input));
}

/** The one subscription to everything main pushes (engine state, Docker events, task updates). */
export function subscribeEvents(listener: EventListener): () => void {
  return transport.subscribe(listener);
}

export function eventStreamState(): EventStreamState {
  return transport.eventStreamState();
}

/** Hears the event stream drop and come back (web mode): events may have been missed in between. */
export function onEventStreamConnection(listener: ConnectionListener): () => void {
  return transport.onEventStreamConnection(listener);
}
