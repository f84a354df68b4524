/**
 * Opens, feeds and closes streams for one page connection (a WebSocket, or the desktop window). Inputs and
 * writes are validated against src/shared/streams.ts before a handler sees them; a handler ends its stream
 * by returning, throwing, or when the page closes it (its signal aborts). Closing the connection closes all.
 */
import { z } from 'zod';
import type { WharfErrorInfo } from '../../../shared/errors';
import { STREAM_ID, isStreamName, streams, type ParsedStreamInput, type StreamData, type StreamName, type StreamServerMessage, type StreamWrite } from '../../../shared/streams';
import { toErrorInfo } from '../errors';

export interface StreamContext<S extends StreamName> {
  signal: AbortSignal;
  send(data: StreamData<S>): void;
  /** True while the page's connection is backed up: a handler should batch or drop (and say how many). */
  congested(): boolean;
}

/** Runs until the stream is over; `onWrite` (when given) receives the page's validated writes. */
export type StreamHandler<S extends StreamName> = (
  input: ParsedStreamInput<S>,
  ctx: StreamContext<S>,
  onWrite: (listener: (data: StreamWrite<S>) => void) => void,
) => Promise<void>;

export type StreamHandlers = { [S in StreamName]: StreamHandler<S> };

export interface StreamConnection {
  open(sid: unknown, name: unknown, input: unknown): void;
  write(sid: unknown, data: unknown): void;
  close(sid: unknown): void;
  /** The page went away: every stream of it ends. */
  closeAll(): void;
  /** Every open stream ends with this error (the engine was switched); the page stays connected. */
  endAll(error: WharfErrorInfo): void;
  /** How many streams are open now. */
  openCount(): number;
}

interface Open {
  controller: AbortController;
  writeListener?: (data: unknown) => void;
  /** Writes that came before the handler listened (keystrokes typed while the exec starts). */
  early: unknown[];
  write: z.ZodType;
}

/** Writes kept for a handler that does not listen yet; more are dropped. */
const MAX_EARLY_WRITES = 256;

/** Where a connection's stream messages go: the page's WebSocket or its window. */
export interface StreamOut {
  send(message: StreamServerMessage): void;
  /** True while messages queue up unsent (WebSocket bufferedAmount); handlers then batch or drop. */
  congested(): boolean;
}

export function connectStreams(handlers: StreamHandlers, out: StreamOut): StreamConnection {
  const open = new Map<string, Open>();

  const end = (sid: string, error?: WharfErrorInfo): void => {
    if (!open.delete(sid)) return;
    out.send(error ? { type: 'stream.end', sid, error } : { type: 'stream.end', sid });
  };

  return {
    open(sid, name, input) {
      if (typeof sid !== 'string' || !STREAM_ID.test(sid) || open.has(sid)) return;
      if (typeof name !== 'string' || !isStreamName(name)) {
        out.send({ type: 'stream.end', sid, error: { code: 'not-found', message: `unknown stream "${String(name)}"` } });
        return;
      }
      const def = streams[name];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) {
        out.send({ type: 'stream.end', sid, error: { code: 'invalid-input', message: z.prettifyError(parsed.error) } });
        return;
      }
      const entry: Open = { controller: new AbortController(), write: def.write, early: [] };
      open.set(sid, entry);
      const ctx = {
        signal: entry.controller.signal,
        send: (data: unknown) => {
          if (open.get(sid) === entry) out.send({ type: 'stream.data', sid, data });
        },
        congested: () => out.congested(),
      };
      const handler = handlers[name] as StreamHandler<StreamName>;
      void Promise.resolve()
        .then(() =>
          handler(parsed.data as never, ctx as never, (listener) => {
            entry.writeListener = listener as (data: unknown) => void;
            for (const data of entry.early.splice(0)) entry.writeListener(data);
          }),
        )
        .then(
          () => end(sid),
          (error: unknown) => end(sid, entry.controller.signal.aborted ? undefined : toErrorInfo(error)),
        );
    },
    write(sid, data) {
      if (typeof sid !== 'string') return;
      const entry = open.get(sid);
      if (!entry) return;
      const parsed = entry.write.safeParse(data);
      if (!parsed.success) return;
      if (entry.writeListener) entry.writeListener(parsed.data);
      else if (entry.early.length < MAX_EARLY_WRITES) entry.early.push(parsed.data);
    },
    close(sid) {
      if (typeof sid !== 'string') return;
      const entry = open.get(sid);
      if (!entry) return;
      entry.controller.abort();
      end(sid);
    },
    closeAll() {
      for (const entry of open.values()) entry.controller.abort();
      open.clear();
    },
    openCount: () => open.size,
    endAll(error) {
      for (const [sid, entry] of [...open]) {
        entry.controller.abort();
        end(sid, error);
      }
    },
  };
}
