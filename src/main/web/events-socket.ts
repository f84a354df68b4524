import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StreamClientMessage } from '../../shared/streams';
import type { Core } from '../core/create-core';
import { parseJsonObject } from './request-body';

/** A socket with more than this queued is congested: log streams batch and drop instead of queueing more. */
const CONGESTED_BYTES = 1_000_000;

/** A stream op from the page, or undefined for anything else (which is ignored). */
function parseClientMessage(text: string): StreamClientMessage | undefined {
  const value = parseJsonObject(text);
  if (!value) return undefined;
  const op: unknown = Reflect.get(value, 'op');
  return op === 'open' || op === 'write' || op === 'close' ? (value as StreamClientMessage) : undefined;
}

export interface EventsSockets {
  /** Completes an upgrade that has passed every check. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  closeAll(): void;
}

/** The event WebSocket: engine state first, then every core event; streams (logs…) ride the same socket. */
export function createEventsSockets(core: Core): EventsSockets {
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.send(JSON.stringify({ type: 'engine.state', status: core.connection.status() }));
        const unsubscribe = core.subscribe((event) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
        });
        // The page opens, writes to and closes streams by id.
        const streams = core.connectStreams({
          send: (message) => {
            if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
          },
          congested: () => ws.bufferedAmount > CONGESTED_BYTES,
        });
        ws.on('message', (raw, isBinary) => {
          if (isBinary) return;
          const message = parseClientMessage(raw.toString());
          if (message?.op === 'open') streams.open(message.sid, message.name, message.input);
          else if (message?.op === 'write') streams.write(message.sid, message.data);
          else if (message?.op === 'close') streams.close(message.sid);
        });
        ws.on('close', () => {
          unsubscribe();
          streams.closeAll();
          sockets.delete(ws);
        });
        ws.on('error', () => ws.terminate());
      });
    },
    closeAll() {
      for (const ws of sockets) ws.terminate();
      wss.close();
    },
  };
}
