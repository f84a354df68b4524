/**
 * Web mode's sign-in and event-socket rules against the real built server (`node out/main/serve.js`) on a private
 * engine, over real HTTP and a real WebSocket client: the login ticket works once and expires, the token is never in
 * its URL; the event socket opens only with a fresh ticket and the server's own Host and Origin, and says why not
 * with the HTTP status of its refusal; a valid session from a foreign Host or Origin is refused.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../src/shared/engine';
import { startWebMode, type RunningWebMode } from '../e2e/support/web-mode';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { eventsSocketUrl, openEventSocket, webRequest, type WebReply } from '../support/web-client';

const FOREIGN_ORIGIN = 'http://evil.example';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function waitConnected(web: RunningWebMode): Promise<void> {
  // The first attempt may still be running right after start: ask until it has a verdict.
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${web.url}api/engine.status`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: '{}' });
    const status = ((await res.json()) as { value: EngineStatus }).value;
    if (status.state === 'connected') return;
    if (status.state !== 'connecting') throw new Error(`engine state ${status.state}: ${status.detail ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('engine state stayed "connecting"');
}

function ticketOf(loginUrl: string): string {
  return new URL(loginUrl).searchParams.get('ticket') ?? '';
}

/** POST /api/session with a login ticket, as the page does with the ticket it took from its address bar. */
function exchange(web: RunningWebMode, ticket: string): Promise<WebReply> {
  return webRequest(web.url, '/api/session', { headers: JSON_HEADERS, body: JSON.stringify({ ticket }) });
}

async function newSession(web: RunningWebMode): Promise<string> {
  const reply = await exchange(web, ticketOf(await web.newLoginUrl()));
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { session: string }).session;
}

/** A single-use events ticket, asked with a page session and the server's own Origin, as the page does. */
async function eventsTicket(web: RunningWebMode, session: string): Promise<string> {
  const reply = await webRequest(web.url, '/api/events-ticket', { headers: { 'X-Wharf-Session': session, Origin: ownOrigin(web) } });
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { ticket: string }).ticket;
}

function ownOrigin(web: RunningWebMode): string {
  return `http://127.0.0.1:${web.port}`;
}

describe('web mode sign-in and event socket, live', () => {
  const token = randomBytes(16).toString('hex');
  let engine: PrivateEngine;
  let web: RunningWebMode;
  const servers: RunningWebMode[] = [];

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'webauth' });
    web = await startWebMode({ dockerHost: engine.host, token });
    servers.push(web);
    await waitConnected(web);
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    await engine?.destroy();
  });

  describe('the login ticket', () => {
    it('the printed /?ticket= URL holds no token, buys one session, and answers 401 when used again', async () => {
      const printed = new URL(web.printedLoginUrl);
      expect(printed.pathname).toBe('/');
      expect([...printed.searchParams.keys()]).toEqual(['ticket']);
      expect(web.printedLoginUrl).not.toContain(token);
      expect(web.output()).not.toContain(token);

      const first = await exchange(web, ticketOf(web.printedLoginUrl));
      expect(first.status).toBe(200);
      const session = (JSON.parse(first.body) as { session: string }).session;
      expect(session).not.toContain(token);
      // The session works: the page calls the API with it.
      const call = await webRequest(web.url, '/api/engine.facts', { headers: { 'X-Wharf-Session': session }, body: '{}' });
      expect(call.status).toBe(200);
      expect(JSON.parse(call.body)).toMatchObject({ ok: true });

      const again = await exchange(web, ticketOf(web.printedLoginUrl));
      expect(again.status).toBe(401);
      expect(JSON.parse(again.body)).not.toHaveProperty('session');
    });

    it('a login URL a script asks for (POST /api/login-ticket) holds no token either, and works once', async () => {
      const url = await web.newLoginUrl();
      expect(url).not.toContain(token);
      expect(new URL(url).origin).toBe(new URL(web.url).origin);
      expect((await exchange(web, ticketOf(url))).status).toBe(200);
      expect((await exchange(web, ticketOf(url))).status).toBe(401);
    });

    it('with --login-ttl 1, a ticket older than 1 s answers 401; a fresh one from the same server still works', async () => {
      const short = await startWebMode({ dockerHost: engine.host, token: randomBytes(16).toString('hex'), extraArgs: ['--login-ttl', '1'] });
      servers.push(short);
      const stale = await short.newLoginUrl();
      // The lifetime itself is what is ruled out: wait past it.
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await exchange(short, ticketOf(stale))).status).toBe(401);
      expect((await exchange(short, ticketOf(short.printedLoginUrl))).status).toBe(401);
      const fresh = await short.newLoginUrl();
      expect((await exchange(short, ticketOf(fresh))).status).toBe(200);
    });
  });

  describe('the event socket', () => {
    it('with a ticket from a session and the server’s own Host and Origin, it opens and gets the engine’s events', async () => {
      const session = await newSession(web);
      const opening = await openEventSocket(eventsSocketUrl(web.url, await eventsTicket(web, session)), { Origin: ownOrigin(web) });
      expect(opening.status).toBe(101);
      const socket = opening.socket!;
      try {
        const state = await socket.waitFor((e) => e.type === 'engine.state', 10_000);
        expect(state).toMatchObject({ type: 'engine.state', status: { state: 'connected' } });
        const name = `webauth-${randomBytes(4).toString('hex')}`;
        await engine.cliOk(['volume', 'create', name]);
        const created = await socket.waitFor((e) => e.type === 'docker.event' && e.event.Type === 'volume' && e.event.Actor.ID === name, 15_000);
        expect(created).toMatchObject({ type: 'docker.event', event: { Type: 'volume', Action: 'create', Actor: { ID: name } } });
      } finally {
        socket.close();
      }
    });

    it('a valid ticket with a foreign Origin (CSRF) is refused with 403', async () => {
      const ticket = await eventsTicket(web, await newSession(web));
      const opening = await openEventSocket(eventsSocketUrl(web.url, ticket), { Origin: FOREIGN_ORIGIN });
      opening.socket?.close();
      expect(opening.status).toBe(403);
    });

    it('a valid ticket with a foreign Host (DNS rebinding) is refused with 403', async () => {
      const ticket = await eventsTicket(web, await newSession(web));
      const opening = await openEventSocket(eventsSocketUrl(web.url, ticket), { Host: `evil.example:${web.port}` });
      opening.socket?.close();
      expect(opening.status).toBe(403);
    });

    it('no ticket, a wrong ticket and a used ticket are refused with 401', async () => {
      const own = { Origin: ownOrigin(web) };
      const none = await openEventSocket(eventsSocketUrl(web.url), own);
      none.socket?.close();
      expect(none.status).toBe(401);

      const wrong = await openEventSocket(eventsSocketUrl(web.url, randomBytes(24).toString('base64url')), own);
      wrong.socket?.close();
      expect(wrong.status).toBe(401);

      const ticket = await eventsTicket(web, await newSession(web));
      const first = await openEventSocket(eventsSocketUrl(web.url, ticket), own);
      first.socket?.close();
      expect(first.status).toBe(101);
      const reused = await openEventSocket(eventsSocketUrl(web.url, ticket), own);
      reused.socket?.close();
      expect(reused.status).toBe(401);
    });
  });

  describe('an API call with a valid session', () => {
    it('from the server’s own Origin answers 200; from a foreign Origin or Host, 403 (an events ticket too)', async () => {
      const session = await newSession(web);
      const call = (headers: Record<string, string>): Promise<WebReply> =>
        webRequest(web.url, '/api/engine.facts', { headers: { 'X-Wharf-Session': session, ...JSON_HEADERS, ...headers }, body: '{}' });
      expect((await call({ Origin: ownOrigin(web) })).status).toBe(200);
      expect((await call({ Origin: FOREIGN_ORIGIN })).status).toBe(403);
      expect((await call({ Host: `evil.example:${web.port}` })).status).toBe(403);
      // Nor can a foreign page mint itself a socket ticket with the session.
      const minted = await webRequest(web.url, '/api/events-ticket', { headers: { 'X-Wharf-Session': session, Origin: FOREIGN_ORIGIN } });
      expect(minted.status).toBe(403);
      expect(minted.body).not.toContain('ticket');
    });
  });
});
