import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Core } from '../core/create-core';
import { silentLogger, type Logger } from '../core/log';
import { hostChecker, machineAddresses, type AddressesProvider } from './allowed-hosts';
import { bearerOf, checkRequest, checkSite, sameSecret, type RequestFacts } from './auth';
import { EVENTS_TICKET_PATH, LOGIN_TICKET_PATH, SESSION_PATH, handleEventsTicket, handleLoginTicket, handleSessionExchange, type SignIn } from './auth-routes';
import { createEventsSockets } from './events-socket';
import { createFailureLimiter, type FailureLimiter } from './failure-limiter';
import { SECURITY_HEADERS, rawRefusal, retryAfterSeconds, sendJson, sendText, sendTooManyFailures } from './http-replies';
import { readBody } from './request-body';
import { SESSION_HEADER } from './sessions';
import { serveStatic } from './static-files';
import { createTicketStore } from './tickets';

export interface WebServerOptions {
  core: Core;
  /** The master token: `Authorization: Bearer` for scripts, and the key that signs page sessions. */
  token: string;
  host: string;
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** HTTPS (PEM); plain HTTP without. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** How long a login URL works (default 60 s). */
  loginTtlMs?: number;
  /** How long a client may take to send its request headers (default 10 s). */
  headersTimeoutMs?: number;
  /** This machine's addresses, read on each request when bound off loopback. */
  addresses?: AddressesProvider;
  log?: Logger;
}

export interface WebServer {
  server: Server;
  /** The page's address, e.g. http://127.0.0.1:7370/ (no credential in it). */
  url: string;
  port: number;
  /** The page's address with a new single-use login ticket: what `npm run serve` prints. */
  loginUrl(): string;
  close(): Promise<void>;
}

export const DEFAULT_LOGIN_TTL_MS = 60_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** A WebSocket ticket is fetched right before the socket opens. */
const EVENTS_TICKET_TTL_MS = 30_000;
/** Whole requests (headers and body) must arrive within this. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * Open connections at most, WebSockets included. A page uses a handful (Chromium keeps ≤ 6 per host, plus its
 * WebSocket); idle keep-alive connections close after 5 s.
 */
export const MAX_CONNECTIONS = 64;
const API_PREFIX = '/api/';

/**
 * The request target as a URL, or undefined when it is not a path: Node's parser passes absolute-form targets
 * (`GET http://[ HTTP/1.1`) that `new URL` throws on, and a throw here is outside any call's envelope.
 */
function requestTarget(raw: string | undefined): URL | undefined {
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//')) return undefined;
  try {
    return new URL(raw, 'http://wharf.invalid');
  } catch {
    return undefined; // the callers refuse the request (400, or 404 on an upgrade)
  }
}

function facts(req: IncomingMessage): RequestFacts {
  const session = req.headers[SESSION_HEADER];
  return { host: req.headers.host, origin: req.headers.origin, authorization: req.headers.authorization, session: typeof session === 'string' ? session : undefined };
}

function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

async function handleApi(core: Core, channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req, res);
  if (text === undefined) return;
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

/**
 * Web mode: the built renderer (public: it holds no secret), the sign-in endpoints, POST /api/<channel> answering
 * the envelope, and the event WebSocket at /api/events. Every request passes the Host and Origin checks; every API
 * request needs the master token (Bearer) or a page session (X-Wharf-Session); the WebSocket needs a single-use
 * ticket (or Bearer). Wrong credentials are rate-limited per address.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, token } = options;
  const log = options.log ?? silentLogger;
  const addresses = options.addresses ?? machineAddresses;
  let hostAllowed: (host: string) => boolean = () => false;
  let baseUrl = '';
  const counted = createFailureLimiter();
  const limiter: FailureLimiter = {
    retryAfterMs: (address) => counted.retryAfterMs(address),
    recordFailure(address) {
      counted.recordFailure(address);
      // Logged once, when the address becomes blocked (never the credential it tried).
      const wait = counted.retryAfterMs(address);
      if (wait > 0) log.warn('web mode: too many wrong credentials; address blocked for a while', { address, retryAfterSeconds: retryAfterSeconds(wait) });
    },
  };
  const signIn: SignIn = {
    token,
    loginTickets: createTicketStore({ ttlMs: options.loginTtlMs ?? DEFAULT_LOGIN_TTL_MS }),
    eventTickets: createTicketStore({ ttlMs: EVENTS_TICKET_TTL_MS }),
    limiter,
    loginUrl: (ticket) => `${baseUrl}?ticket=${encodeURIComponent(ticket)}`,
  };
  const events = createEventsSockets(core);

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = requestTarget(req.url);
    if (url === undefined) {
      sendText(res, 400, 'bad request target');
      return;
    }
    const site = checkSite(facts(req), hostAllowed);
    if (!site.ok) {
      sendText(res, 403, site.reason);
      return;
    }
    if (!url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
        return;
      }
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      serveStatic(options.staticDir, url.pathname, res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' }).end();
      return;
    }
    const address = remoteAddress(req);
    const wait = limiter.retryAfterMs(address);
    if (wait > 0) {
      sendTooManyFailures(res, wait);
      return;
    }
    if (url.pathname === SESSION_PATH) {
      void handleSessionExchange(req, res, signIn, address).catch((error: unknown) => {
        log.error('web mode: the session exchange failed', { error });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      });
      return;
    }
    const verdict = checkRequest(facts(req), { token, hostAllowed });
    if (!verdict.ok) {
      if (verdict.status === 401 && verdict.presented) limiter.recordFailure(address);
      sendJson(res, verdict.status, { error: verdict.reason });
      return;
    }
    if (url.pathname === EVENTS_TICKET_PATH) handleEventsTicket(res, signIn);
    else if (url.pathname === LOGIN_TICKET_PATH) handleLoginTicket(res, signIn, verdict.via);
    else {
      void handleApi(core, url.pathname.slice(API_PREFIX.length), req, res).catch((error: unknown) => {
        log.error('web mode: a call failed outside its envelope', { error });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      });
    }
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = requestTarget(req.url);
    if (url === undefined) return void socket.end(rawRefusal(404));
    const site = checkSite(facts(req), hostAllowed);
    if (!site.ok) return void socket.end(rawRefusal(403));
    if (url.pathname !== `${API_PREFIX}events`) return void socket.end(rawRefusal(404));
    const address = remoteAddress(req);
    const wait = limiter.retryAfterMs(address);
    if (wait > 0) return void socket.end(rawRefusal(429, `Retry-After: ${retryAfterSeconds(wait)}\r\n`));
    const ticket = url.searchParams.get('ticket') ?? undefined;
    const bearer = bearerOf(req.headers.authorization);
    // A browser's socket brings a single-use ticket; a script may bring the master token instead.
    const ok = ticket !== undefined ? signIn.eventTickets.consume(ticket) : sameSecret(bearer, token);
    if (!ok) {
      if (ticket !== undefined || req.headers.authorization !== undefined) limiter.recordFailure(address);
      return void socket.end(rawRefusal(401));
    }
    events.accept(req, socket, head);
  };

  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const serverOptions: ServerOptions = {
    headersTimeout,
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeout),
    // Node checks those timeouts every connectionsCheckingInterval (30 s by default): check often enough to keep them.
    connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(headersTimeout / 4))),
  };
  const server: Server = options.tls ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, handle) : createServer(serverOptions, handle);
  server.maxConnections = MAX_CONNECTIONS;
  server.on('upgrade', upgrade);
  // Malformed requests and header timeouts: Node's own clientError answer (400, 408, 431) and close.

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      hostAllowed = hostChecker(options.host, port, addresses);
      const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
      baseUrl = `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/`;
      resolve({
        server,
        port,
        url: baseUrl,
        loginUrl: () => signIn.loginUrl(signIn.loginTickets.issue()),
        close: () =>
          new Promise<void>((done) => {
            events.closeAll();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
