import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { e2eEnv } from '../support/e2e-env';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be set to what an attacker's page would send. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { url } = e2eEnv();
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: options.method ?? 'POST', headers: options.headers },
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

function bearer(): Record<string, string> {
  return { Authorization: `Bearer ${e2eEnv().token}`, 'Content-Type': 'application/json' };
}

test.describe('web mode HTTP rules', () => {
  test('a call with the token answers the envelope with the engine facts', async () => {
    const reply = await send('/api/engine.facts', { headers: bearer(), body: '{}' });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: { serverVersion: string; storageDriver: string } };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.storageDriver).toBe('overlay2');
  });

  test('without a token: 401; with a wrong token: 401', async () => {
    expect((await send('/api/engine.facts', { body: '{}' })).status).toBe(401);
    expect((await send('/api/engine.facts', { headers: { Authorization: 'Bearer not-the-token' }, body: '{}' })).status).toBe(401);
    expect((await send('/', { method: 'GET' })).status).toBe(401);
  });

  test('a foreign Host (DNS rebinding) or Origin (CSRF) is refused with 403 even with the token', async () => {
    const port = new URL(e2eEnv().url).port;
    expect((await send('/api/engine.facts', { headers: { ...bearer(), Host: `evil.example:${port}` }, body: '{}' })).status).toBe(403);
    expect((await send('/api/engine.facts', { headers: { ...bearer(), Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await send('/api/engine.facts', { headers: { ...bearer(), Origin: `http://127.0.0.1:${port}` }, body: '{}' })).status).toBe(200);
  });

  test('malformed JSON is a 400; bad input and unknown channels are envelopes with codes', async () => {
    expect((await send('/api/engine.facts', { headers: bearer(), body: '{not json' })).status).toBe(400);
    const invalid = await send('/api/tasks.cancel', { headers: bearer(), body: JSON.stringify({ id: '../../etc/passwd' }) });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await send('/api/images.nuke', { headers: bearer(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('the printed URL trades its token for an HttpOnly cookie and drops it from the address', async () => {
    const { token } = e2eEnv();
    const reply = await send(`/?token=${token}`, { method: 'GET' });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send('/', { method: 'GET', headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  test('the event WebSocket needs the token and sends the engine state first', async () => {
    const { url, token } = e2eEnv();
    const wsUrl = url.replace('http://', 'ws://') + 'api/events';
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(refused).toBe(401);
    const first = await new Promise<{ type: string; status: { state: string } }>((resolve, reject) => {
      const ws = new WebSocket(wsUrl, { headers: { Authorization: `Bearer ${token}` } });
      ws.on('message', (data: Buffer) => {
        resolve(JSON.parse(data.toString()) as { type: string; status: { state: string } });
        ws.close();
      });
      ws.on('error', reject);
    });
    expect(first.type).toBe('engine.state');
    expect(first.status.state).toBe('connected');
  });
});
