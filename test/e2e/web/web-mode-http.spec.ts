/**
 * Web mode's HTTP rules against the real built server (`node out/main/serve.js`) and the e2e suite's private engine:
 * who may call (Bearer token, page session, single-use tickets), Host/Origin, the rate limit on wrong credentials,
 * the request limits (body size, slow headers, connection count), where the token comes from, and TLS.
 * Tests that trip a limit start a server of their own, so the shared one stays usable for the other specs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { MAX_CONNECTIONS } from '../../../src/main/web/server';
import { e2eEnv } from '../support/e2e-env';
import { SERVE_ENTRY, startWebMode, type RunningWebMode } from '../support/web-mode';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The client's own address (loopback has all of 127/8): the rate limit counts per address. */
  localAddress?: string;
  /** Trust this certificate (HTTPS). */
  ca?: Buffer;
}

/** A raw HTTP(S) request, so Host, Origin and the client address can be what the test needs. */
function send(base: string, path: string, options: SendOptions = {}): Promise<Reply> {
  const target = new URL(path, base);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'POST',
        headers: options.headers,
        localAddress: options.localAddress,
        // A connection per request: no idle keep-alive sockets left to count against the connection limit.
        agent: false,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function shared(path: string, options: SendOptions = {}): Promise<Reply> {
  return send(e2eEnv().url, path, options);
}

function bearer(token = e2eEnv().token): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
}

/** The status a WebSocket opening gets: 101 when it opens, else the HTTP refusal. */
function wsOpening(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => undefined);
  });
}

/** The first message of an opened event socket. */
function firstMessage(url: string, headers: Record<string, string> = {}): Promise<{ type: string; status: { state: string } }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('message', (data: Buffer) => {
      resolve(JSON.parse(data.toString()) as { type: string; status: { state: string } });
      ws.close();
    });
    ws.on('error', reject);
  });
}

function wsUrl(base: string, ticket?: string): string {
  return `${base.replace(/^http/, 'ws')}api/events${ticket === undefined ? '' : `?ticket=${encodeURIComponent(ticket)}`}`;
}

async function eventsTicket(headers: Record<string, string>): Promise<string> {
  const reply = await shared('/api/events-ticket', { headers });
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { ticket: string }).ticket;
}

/** A new login ticket from the shared server (Bearer), as the page would find it in the printed URL. */
async function loginTicket(): Promise<string> {
  const reply = await shared('/api/login-ticket', { headers: bearer() });
  expect(reply.status).toBe(200);
  return new URL((JSON.parse(reply.body) as { url: string }).url).searchParams.get('ticket') ?? '';
}

/** Runs serve.js to its end (for the refusals, which exit before binding). */
function serveRefusal(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [SERVE_ENTRY, '--port', '0', '--docker-host', e2eEnv().dockerHost, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test.describe('who may call', () => {
  test('a script with the master token (Authorization: Bearer) gets the envelope with the engine facts', async () => {
    const reply = await shared('/api/engine.facts', { headers: bearer(), body: '{}' });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: { serverVersion: string; storageDriver: string } };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.storageDriver).toBe('overlay2');
  });

  test('without a credential: 401; with a wrong token: 401; the old token cookie is not a credential', async () => {
    expect((await shared('/api/engine.facts', { body: '{}' })).status).toBe(401);
    expect((await shared('/api/engine.facts', { headers: { Authorization: 'Bearer not-the-token' }, body: '{}' })).status).toBe(401);
    expect((await shared('/api/engine.facts', { headers: { Cookie: `wharf_token=${e2eEnv().token}` }, body: '{}' })).status).toBe(401);
  });

  test('the page itself is public (it holds no secret) and sets no cookie', async () => {
    const page = await shared('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  test('a login ticket buys one session; the session calls the API and opens the event socket with a single-use ticket', async () => {
    const ticket = await loginTicket();
    const exchange = await shared('/api/session', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ticket }) });
    expect(exchange.status).toBe(200);
    expect(exchange.headers['set-cookie']).toBeUndefined();
    const session = (JSON.parse(exchange.body) as { session: string }).session;
    expect(session).not.toContain(e2eEnv().token);
    // The same ticket again: refused.
    expect((await shared('/api/session', { body: JSON.stringify({ ticket }) })).status).toBe(401);

    const call = await shared('/api/engine.facts', { headers: { 'X-Wharf-Session': session }, body: '{}' });
    expect(call.status).toBe(200);
    expect(JSON.parse(call.body)).toMatchObject({ ok: true });

    const socketTicket = await eventsTicket({ 'X-Wharf-Session': session });
    const first = await firstMessage(wsUrl(e2eEnv().url, socketTicket));
    expect(first.type).toBe('engine.state');
    expect(first.status.state).toBe('connected');
    // A session cannot mint login URLs for other browsers: only the master token can.
    expect((await shared('/api/login-ticket', { headers: { 'X-Wharf-Session': session } })).status).toBe(403);
  });

  test('the event socket: refused without a ticket, refused with a used one; scripts may use Bearer', async () => {
    const base = e2eEnv().url;
    expect(await wsOpening(wsUrl(base))).toBe(401);
    expect((await shared('/api/events-ticket', {})).status).toBe(401);
    const ticket = await eventsTicket(bearer());
    expect(await wsOpening(wsUrl(base, ticket))).toBe(101);
    expect(await wsOpening(wsUrl(base, ticket))).toBe(401);
    const first = await firstMessage(wsUrl(base), { Authorization: `Bearer ${e2eEnv().token}` });
    expect(first.status.state).toBe('connected');
  });

  test('a foreign Host (DNS rebinding) or Origin (CSRF) is refused with 403 even with the token', async () => {
    const port = new URL(e2eEnv().url).port;
    expect((await shared('/api/engine.facts', { headers: { ...bearer(), Host: `evil.example:${port}` }, body: '{}' })).status).toBe(403);
    expect((await shared('/api/engine.facts', { headers: { ...bearer(), Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await shared('/api/engine.facts', { headers: { ...bearer(), Origin: `http://127.0.0.1:${port}` }, body: '{}' })).status).toBe(200);
    expect((await shared('/', { method: 'GET', headers: { Host: `evil.example:${port}` } })).status).toBe(403);
  });

  test('malformed JSON is a 400; bad input and unknown channels are envelopes with codes', async () => {
    expect((await shared('/api/engine.facts', { headers: bearer(), body: '{not json' })).status).toBe(400);
    const invalid = await shared('/api/tasks.cancel', { headers: bearer(), body: JSON.stringify({ id: '../../etc/passwd' }) });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await shared('/api/images.nuke', { headers: bearer(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

/** The status line a raw request gets (the request as written, so its target can be what no client library sends). */
function rawStatusLine(port: number, raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let answer = '';
    const done = (): void => resolve(answer.split('\r\n')[0] || '(no answer)');
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('close', done);
    socket.on('error', done);
    setTimeout(() => socket.destroy(), 3_000).unref();
  });
}

test.describe('limits', () => {
  test('a 2 MiB body gets a 413 the client reads (not a reset socket), and the server keeps serving', async () => {
    const reply = await shared('/api/engine.facts', { headers: bearer(), body: Buffer.alloc(2 * 1024 * 1024, 'a') });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'too-large' });
    expect((await shared('/api/engine.facts', { headers: bearer(), body: '{}' })).status).toBe(200);
  });

  test('headers must arrive within 10 s: a client that stops halfway is cut off', async () => {
    test.setTimeout(40_000);
    const { url } = e2eEnv();
    const closedAfter = await slowHeadersClosedAfterMs(Number(new URL(url).port));
    expect(closedAfter).toBeGreaterThanOrEqual(9_500);
    expect(closedAfter).toBeLessThan(14_000);
  });

  test.describe('on a server of its own', () => {
    let web: RunningWebMode | undefined;
    const token = randomBytes(16).toString('hex');

    test.beforeAll(async () => {
      web = await startWebMode({ dockerHost: e2eEnv().dockerHost, token, tokenVia: 'flag', extraArgs: ['--headers-timeout', '2'] });
    });
    test.afterAll(async () => {
      await web?.stop();
    });

    test('--token works, with a warning that every local user can read it in /proc/PID/cmdline', async () => {
      expect((await send(web!.url, '/api/engine.facts', { headers: bearer(token), body: '{}' })).status).toBe(200);
      expect(web!.output()).toMatch(/WARNING: --token .*\/proc\/PID\/cmdline/);
    });

    test('a request target that is not a path (`GET http://[`) is a 400; the server logs no exception and keeps serving', async () => {
      for (const target of ['http://[', 'http://a:b@[::1/x', '//evil.example/x', '*']) {
        for (const method of ['GET', 'POST']) {
          const answer = await rawStatusLine(web!.port, `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${web!.port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
          expect(answer, `${method} ${target}`).toBe('HTTP/1.1 400 Bad Request');
        }
      }
      expect((await send(web!.url, '/api/engine.facts', { headers: bearer(token), body: '{}' })).status).toBe(200);
      expect(web!.process.exitCode).toBeNull();
      expect(web!.output()).not.toContain('uncaught');
    });

    test('--headers-timeout: the cut comes after that many seconds', async () => {
      const closedAfter = await slowHeadersClosedAfterMs(web!.port);
      expect(closedAfter).toBeGreaterThanOrEqual(1_500);
      expect(closedAfter).toBeLessThan(5_000);
    });

    test(`at most ${MAX_CONNECTIONS} connections at once; the ones open keep working, and a freed slot is usable again`, async () => {
      const sockets: Socket[] = [];
      try {
        for (let i = 0; i < MAX_CONNECTIONS; i++) sockets.push(await openSocket(web!.port));
        const extra = await openSocket(web!.port);
        expect(await closedWithin(extra, 3_000)).toBe(true);
        // One of the open ones still answers.
        const first = sockets[0]!;
        first.write(`POST /api/engine.status HTTP/1.1\r\nHost: 127.0.0.1:${web!.port}\r\nAuthorization: Bearer ${token}\r\nContent-Length: 2\r\n\r\n{}`);
        expect(await firstLine(first)).toMatch(/^HTTP\/1\.1 200/);
      } finally {
        for (const s of sockets) s.destroy();
      }
      await expect.poll(async () => (await send(web!.url, '/api/engine.facts', { headers: bearer(token), body: '{}' }).catch(() => ({ status: 0 }))).status).toBe(200);
    });

    test('wrong tokens, sessions and tickets are rate-limited per address: 429 with Retry-After, even for the right token', async () => {
      const base = web!.url;
      for (let i = 0; i < 4; i++) expect((await send(base, '/api/engine.facts', { headers: bearer(`wrong-token-${i}`), body: '{}' })).status).toBe(401);
      for (let i = 0; i < 3; i++) expect((await send(base, '/api/engine.facts', { headers: { 'X-Wharf-Session': `forged.${i}` }, body: '{}' })).status).toBe(401);
      for (let i = 0; i < 2; i++) expect((await send(base, '/api/session', { body: JSON.stringify({ ticket: `guessed-${i}` }) })).status).toBe(401);
      expect(await wsOpening(wsUrl(base, 'guessed-socket-ticket'))).toBe(401);
      // The eleventh wrong guess within the minute, and after it the right token too, from this address.
      const limited = await send(base, '/api/engine.facts', { headers: bearer('wrong-token-again'), body: '{}' });
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await send(base, '/api/engine.facts', { headers: bearer(token), body: '{}' })).status).toBe(429);
      expect(await wsOpening(wsUrl(base), { Authorization: `Bearer ${token}` })).toBe(429);
      // Another address is not blocked.
      expect((await send(base, '/api/engine.facts', { headers: bearer(token), body: '{}', localAddress: '127.0.0.2' })).status).toBe(200);
      // No credential at all is not a guess: it never leads to 429.
      for (let i = 0; i < 12; i++) expect((await send(base, '/api/engine.facts', { body: '{}', localAddress: '127.0.0.3' })).status).toBe(401);
    });
  });
});

test.describe('where the token comes from', () => {
  let dir = '';
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wharf-token-file-'));
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function tokenFile(name: string, mode: number, token: string): string {
    const path = join(dir, name);
    writeFileSync(path, `${token}\n`);
    chmodSync(path, mode);
    return path;
  }

  test('--token-file: a 0600 file of the user running Wharf gives the token scripts use', async () => {
    const token = randomBytes(16).toString('hex');
    const web = await startWebMode({ dockerHost: e2eEnv().dockerHost, token, tokenVia: 'none', extraArgs: ['--token-file', tokenFile('good', 0o600, token)] });
    try {
      expect((await send(web.url, '/api/engine.facts', { headers: bearer(token), body: '{}' })).status).toBe(200);
      expect(web.output()).not.toContain('WARNING');
      expect(web.output()).not.toContain(token);
    } finally {
      await web.stop();
    }
  });

  test('--token-file with mode 0644 is refused with the fix; nothing starts', () => {
    const path = tokenFile('world-readable', 0o644, randomBytes(16).toString('hex'));
    const run = serveRefusal(['--token-file', path]);
    expect(run.status).toBe(2);
    expect(run.output).toContain('0644');
    expect(run.output).toContain(`chmod 600 ${path}`);
    expect(run.output).not.toContain('serving on');
  });

  test('--token-file owned by another user is refused, even with mode 0600', () => {
    const path = tokenFile('foreign', 0o600, randomBytes(16).toString('hex'));
    // A throwaway uid that owns nothing else; we are root, so the file is still readable: only the check refuses it.
    chownSync(path, 65533, 65533);
    const run = serveRefusal(['--token-file', path]);
    expect(run.status).toBe(2);
    expect(run.output).toContain('owned by uid 65533');
    expect(run.output).not.toContain('serving on');
  });

  test('the login URL printed at start carries a single-use ticket, never the token', async () => {
    const token = randomBytes(16).toString('hex');
    const web = await startWebMode({ dockerHost: e2eEnv().dockerHost, token });
    try {
      expect(web.output()).not.toContain(token);
      const printed = new URL(web.printedLoginUrl);
      expect([...printed.searchParams.keys()]).toEqual(['ticket']);
      const ticket = printed.searchParams.get('ticket') ?? '';
      expect((await send(web.url, '/api/session', { body: JSON.stringify({ ticket }) })).status).toBe(200);
      expect((await send(web.url, '/api/session', { body: JSON.stringify({ ticket }) })).status).toBe(401);
    } finally {
      await web.stop();
    }
  });
});

test.describe('off loopback', () => {
  test('plain HTTP on 0.0.0.0 without --tls-cert or --insecure-bind: refused before binding, saying what to do', () => {
    const run = serveRefusal(['--host', '0.0.0.0'], { WHARF_TOKEN: randomBytes(16).toString('hex') });
    expect(run.status).toBe(2);
    expect(run.output).toContain('refusing to serve plain HTTP on 0.0.0.0');
    expect(run.output).toContain('--tls-cert');
    expect(run.output).toContain('--insecure-bind');
    expect(run.output).not.toContain('serving on');
  });

  test('--tls-cert/--tls-key serve HTTPS: the API and the event socket over TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
      stdio: 'ignore',
    });
    const token = randomBytes(16).toString('hex');
    const web = await startWebMode({ dockerHost: e2eEnv().dockerHost, token, extraArgs: ['--tls-cert', cert, '--tls-key', key] });
    try {
      expect(web.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      expect(web.printedLoginUrl.startsWith(web.url)).toBe(true);
      const ca = readFileSync(cert);
      const reply = await send(web.url, '/api/engine.facts', { headers: bearer(token), body: '{}', ca });
      expect(reply.status).toBe(200);
      const ticket = (JSON.parse((await send(web.url, '/api/events-ticket', { headers: bearer(token), ca })).body) as { ticket: string }).ticket;
      const first = await new Promise<{ type: string }>((resolve, reject) => {
        const ws = new WebSocket(wsUrl(web.url, ticket), { ca });
        ws.on('message', (data: Buffer) => {
          resolve(JSON.parse(data.toString()) as { type: string });
          ws.close();
        });
        ws.on('error', reject);
      });
      expect(first.type).toBe('engine.state');
      // Plain HTTP to the TLS port is not served.
      const plain = await send(web.url.replace('https:', 'http:'), '/api/engine.facts', { headers: bearer(token), body: '{}' }).then(
        (r) => r.status,
        () => 0,
      );
      expect(plain).not.toBe(200);
    } finally {
      await web.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.on('error', reject);
  });
}

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.on('error', () => undefined);
    // Read (and drop) what comes, so the server's end of the connection is seen.
    socket.resume();
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function firstLine(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString();
      const end = text.indexOf('\r\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    socket.once('close', () => reject(new Error(`closed before a status line: ${text}`)));
  });
}

/** Sends half a request's headers and never the rest; how long until the server closes the connection. */
async function slowHeadersClosedAfterMs(port: number): Promise<number> {
  const socket = await openSocket(port);
  const started = Date.now();
  socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
  const closed = await closedWithin(socket, 30_000);
  socket.destroy();
  expect(closed, 'the server never closed the connection').toBe(true);
  return Date.now() - started;
}
