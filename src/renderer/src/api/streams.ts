import type { WharfErrorInfo } from '../../../shared/errors';
import type { StreamData, StreamInput, StreamName, StreamWrite } from '../../../shared/streams';
import type { EventStreamState, StreamPort } from './transport';

export interface StreamListener<S extends StreamName> {
  data(data: StreamData<S>): void;
  /** The stream is over: ended by the core (error when it failed), or its connection dropped. */
  end(error?: WharfErrorInfo): void;
}

export interface StreamHandle<S extends StreamName> {
  write(data: StreamWrite<S>): void;
  close(): void;
}

function newSid(): string {
  return crypto.randomUUID();
}

/**
 * Typed streams over a transport's port: one listener per open stream, routed by id. A dropped web-mode
 * socket ends every open stream with an error (the server closed them too); the page may open them again.
 */
export function createStreams(port: StreamPort, onConnection: (listener: (state: EventStreamState) => void) => () => void) {
  const open = new Map<string, StreamListener<StreamName>>();
  port.onMessage((message) => {
    const listener = open.get(message.sid);
    if (!listener) return;
    if (message.type === 'stream.data') listener.data(message.data as never);
    else {
      open.delete(message.sid);
      listener.end(message.error);
    }
  });
  onConnection((state) => {
    if (state !== 'closed') return;
    const dropped = [...open.values()];
    open.clear();
    for (const listener of dropped) listener.end({ code: 'engine-unreachable', message: 'the connection to Wharf dropped' });
  });

  return function openStream<S extends StreamName>(name: S, input: StreamInput<S>, listener: StreamListener<S>): StreamHandle<S> {
    const sid = newSid();
    open.set(sid, listener as unknown as StreamListener<StreamName>);
    port.open(sid, name, input);
    return {
      write: (data) => {
        if (open.has(sid)) port.write(sid, data);
      },
      close: () => {
        if (open.delete(sid)) port.close(sid);
      },
    };
  };
}
