import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StreamClientMessage } from '../../shared/streams';
import type { Core } from '../core/create-core';
import { allowedHostsFor, checkRequest, type AuthConfig, sameToken, tokenCookie } from './auth';
import { serveStatic } from './static-files';

export interface WebServerOptions {
  core: Core;
  token: string;
  host: string;
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

export interface WebServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const API_PREFIX = '/api/';

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function facts(req: IncomingMessage): Parameters<typeof checkRequest>[0] {
  return { host: req.headers.host, origin: req.headers.origin, authorization: req.headers.authorization, cookie: req.headers.cookie };
}

async function handleApi(core: Core, channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' }).end();
    return;
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    sendJson(res, 413, { error: 'request body too large' });
    return;
  }
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      sendJson(res, 400, { error: 'malformed JSON' });
      return;
    }
  }
  sendJson(res, 200, await core.invoke(channel, input));
}

/** A socket with more than this queued is congested: log streams batch and drop instead of queueing more. */
const CONGESTED_BYTES = 1_000_000;

/** A stream op from the page, or undefined for anything else (which is ignored). */
function parseClientMessage(text: string): StreamClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const op: unknown = Reflect.get(value, 'op');
  return op === 'open' || op === 'write' || op === 'close' ? (value as StreamClientMessage) : undefined;
}

/**
 * Web mode: the built renderer, POST /api/<channel> answering the envelope, and the event WebSocket at
 * /api/events. Every request passes the Host, Origin and token checks.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, token } = options;
  let auth: AuthConfig = { token, allowedHosts: allowedHostsFor(options.host, options.port) };
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://wharf.invalid');
    const verdict = checkRequest(facts(req), auth);
    if (!verdict.ok && verdict.status === 403) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(verdict.reason);
      return;
    }
    // The printed URL carries the token once: trade it for a cookie and drop it from the address bar.
    const urlToken = url.searchParams.get('token');
    if (req.method === 'GET' && urlToken !== null && !url.pathname.startsWith(API_PREFIX)) {
      if (!sameToken(urlToken, token)) {
        res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('invalid token');
        return;
      }
      url.searchParams.delete('token');
      res.writeHead(303, { ...SECURITY_HEADERS, 'Set-Cookie': tokenCookie(token), Location: url.pathname + url.search }).end();
      return;
    }
    if (!verdict.ok) {
      if (url.pathname.startsWith(API_PREFIX)) sendJson(res, 401, { error: verdict.reason });
      else
        res
          .writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Wharf: open the URL that `npm run serve` printed (it carries the access token).\nWharf：请打开 `npm run serve` 打印的地址（其中带有访问令牌）。\n');
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      void handleApi(core, url.pathname.slice(API_PREFIX.length), req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    serveStatic(options.staticDir, url.pathname, res);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://wharf.invalid');
    const verdict = checkRequest(facts(req), auth);
    if (url.pathname !== `${API_PREFIX}events` || !verdict.ok) {
      const status = url.pathname !== `${API_PREFIX}events` ? 404 : verdict.ok ? 200 : verdict.status;
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.send(JSON.stringify({ type: 'engine.state', status: core.connection.status() }));
      const unsubscribe = core.subscribe((event) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
      });
      // Streams (logs…) ride the same socket: the page opens, writes to and closes them by id.
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
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      auth = { token, allowedHosts: allowedHostsFor(options.host, port) };
      const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        server,
        port,
        url: `http://${shownHost}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            for (const ws of sockets) ws.terminate();
            wss.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
