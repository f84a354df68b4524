import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import type { WharfEvent } from '../../../shared/events';
import type { StreamServerMessage } from '../../../shared/streams';
import type { SessionState } from './web-session';

export type EventListener = (event: WharfEvent) => void;
/** connecting: first attempt not answered yet; open: events flow; closed: dropped, reconnecting with backoff. */
export type EventStreamState = 'connecting' | 'open' | 'closed';
export type ConnectionListener = (state: EventStreamState) => void;

/** How the renderer reaches main: the Electron preload bridge or HTTP + WebSocket in web mode. */
export interface Transport {
  kind: 'bridge' | 'web';
  /** Web mode signs in with the printed URL's ticket or the tab's stored session; the desktop is always signed in. */
  signIn(): Promise<SessionState>;
  /** Hears the server stop accepting the session. */
  onSessionChange(listener: (state: SessionState) => void): () => void;
  /** Never rejects: every failure, including the transport's own, comes back as an error envelope. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  subscribe(listener: EventListener): () => void;
  /** Whether the event stream is up; listeners hear every change (web mode reconnects after a server restart). */
  eventStreamState(): EventStreamState;
  onEventStreamConnection(listener: ConnectionListener): () => void;
  streams: StreamPort;
}

/** The raw stream ops of a transport; api/streams.ts builds typed streams on it. */
export interface StreamPort {
  open(sid: string, name: string, input: unknown): void;
  write(sid: string, data: unknown): void;
  close(sid: string): void;
  onMessage(listener: (message: StreamServerMessage) => void): () => void;
}
