import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import { WharfApiError } from './api-error';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { createStreams } from './streams';
import type { ConnectionListener, EventListener, EventStreamState, Transport } from './transport';
import type { SessionState } from './web-session';
import { createWebTransport } from './web-transport';

/** Opens a stream (container logs…); the handle writes to it and closes it. See shared/streams.ts. */
export type OpenStream = ReturnType<typeof createStreams>;

/** Everything the renderer does with main, over one transport. */
export interface Client {
  kind: Transport['kind'];
  /** Before the first call: web mode trades the printed URL's ticket for a session (or finds the tab's). */
  signIn(): Promise<SessionState>;
  /** Hears web mode's server stop accepting this tab's session. */
  onSessionChange(listener: (state: SessionState) => void): () => void;
  /** Calls a contract channel; never rejects — failures are error envelopes. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  /** The one subscription to everything main pushes (engine state, Docker events, task updates). */
  subscribeEvents(listener: EventListener): () => void;
  eventStreamState(): EventStreamState;
  /** Hears the event stream drop and come back (web mode): events may have been missed in between. */
  onEventStreamConnection(listener: ConnectionListener): () => void;
  openStream: OpenStream;
}

/** A client over `transport`: the app's (wired by startAppClient) or a test's fake one. */
export function createClient(transport: Transport): Client {
  return {
    kind: transport.kind,
    signIn: () => transport.signIn(),
    onSessionChange: (listener) => transport.onSessionChange(listener),
    call: (channel, input) => transport.call(channel, input),
    subscribeEvents: (listener) => transport.subscribe(listener),
    eventStreamState: () => transport.eventStreamState(),
    onEventStreamConnection: (listener) => transport.onEventStreamConnection(listener),
    openStream: createStreams(transport.streams, (listener) => transport.onEventStreamConnection(listener)),
  };
}

/** The preload bridge inside Electron, HTTP + WebSocket everywhere else. */
function pickTransport(): Transport {
  const bridge = findBridge();
  return bridge ? createBridgeTransport(bridge) : createWebTransport();
}

let app: Client | null = null;

/**
 * Wires the app-wide client that the functions below (and so the pages and stores) use: once, first thing in
 * main.tsx. Nothing is picked when a module is imported, so stores can be built over a fake transport in tests.
 */
export function startAppClient(transport: Transport = pickTransport()): Client {
  app = createClient(transport);
  return app;
}

export function appClient(): Client {
  if (!app) throw new Error('the app client is used before main.tsx started it');
  return app;
}

export function signIn(): Promise<SessionState> {
  return appClient().signIn();
}

export function onSessionChange(listener: (state: SessionState) => void): () => void {
  return appClient().onSessionChange(listener);
}

export function transportKind(): Transport['kind'] {
  return appClient().kind;
}

/** Calls a contract channel; never rejects — failures are error envelopes. */
export function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
  return appClient().call(channel, input);
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

export function subscribeEvents(listener: EventListener): () => void {
  return appClient().subscribeEvents(listener);
}

export function eventStreamState(): EventStreamState {
  return appClient().eventStreamState();
}

export function onEventStreamConnection(listener: ConnectionListener): () => void {
  return appClient().onEventStreamConnection(listener);
}

export const openStream: OpenStream = (name, input, listener) => appClient().openStream(name, input, listener);
