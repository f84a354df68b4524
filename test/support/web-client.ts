import { request } from 'node:http';
import WebSocket from 'ws';
import type { WharfEvent } from '../../src/shared/events';

/**
 * A client of a running web-mode server that can send what a browser would not: any Host and Origin header
 * (fetch forbids setting Host), and a WebSocket opening whose refusal status is read, not just "it did not open".
 */

export interface WebReply {
  status: number;
  body: string;
}

export interface WebRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One HTTP request to base+path on 127.0.0.1, headers exactly as given (Host included). */
export function webRequest(base: string, path: string, options: WebRequest = {}): Promise<WebReply> {
  const target = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: options.method ?? 'POST', headers: options.headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** ws://…/api/events of the server at base, with ?ticket= when given. */
export function eventsSocketUrl(base: string, ticket?: string): string {
  return `${base.replace(/^http/, 'ws')}api/events${ticket === undefined ? '' : `?ticket=${encodeURIComponent(ticket)}`}`;
}

/** What a WebSocket opening got: 101 and the open socket, or the HTTP status of the refusal (no socket). */
export interface SocketOpening {
  status: number;
  socket?: EventSocket;
}

export interface EventSocket {
  /** Every event received so far, in order. */
  readonly received: WharfEvent[];
  /** Resolves with the first event (received before or after the call) that matches; rejects after timeoutMs. */
  waitFor(match: (event: WharfEvent) => boolean, timeoutMs: number): Promise<WharfEvent>;
  close(): void;
}

function eventSocket(ws: WebSocket): EventSocket {
  const received: WharfEvent[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    received.push(JSON.parse(data.toString()) as WharfEvent);
    for (const wake of waiters) wake();
  });
  return {
    received,
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = received.find(match);
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; received: ${JSON.stringify(received.map((e) => e.type))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => ws.close(),
  };
}

/**
 * Opens the event socket with these headers (Host and Origin may be anything). A refusal resolves with its HTTP
 * status from the 'unexpected-response' event; a socket that neither opens nor answers with a status rejects.
 */
export function openEventSocket(url: string, headers: Record<string, string> = {}): Promise<SocketOpening> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, handshakeTimeout: 10_000 });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    // Listening before 'open' so the first message (engine.state, sent at once) is not missed.
    const socket = eventSocket(ws);
    ws.on('open', () => resolve({ status: 101, socket }));
    ws.on('error', (error) => reject(error));
  });
}
