/** What every benchmark shares: raw Engine API requests on the private socket, Wharf calls, medians. */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RunningWebMode } from '../test/e2e/support/web-mode';

export interface RawReply {
  status: number;
  text: string;
}

/** One raw Engine API request on a unix socket: the reference every Wharf call is measured against. */
export function engineRequest(socketPath: string, method: string, path: string, body?: Buffer | object): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined || Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const headers = body !== undefined && !Buffer.isBuffer(body) ? { 'Content-Type': 'application/json' } : {};
    const req = request({ socketPath, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** One channel call through web mode, as the browser makes it; fails on an error envelope. */
export async function wharfCall(web: RunningWebMode, channel: string, input: unknown = {}): Promise<void> {
  const res = await fetch(`${web.url}api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: JSON.stringify(input) });
  const envelope = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error?.code}: ${envelope.error?.message}`);
}

/** Waits until a freshly started web mode has connected to its engine (engine.status says so). */
export async function untilConnected(web: RunningWebMode, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${web.url}api/engine.status`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` }, body: '{}' });
    const envelope = (await res.json()) as { ok: boolean; value?: { state: string } };
    if (envelope.value?.state === 'connected') return;
    if (Date.now() > deadline) throw new Error(`web mode did not connect to its engine: ${JSON.stringify(envelope)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Median wall time in ms over `rounds` runs, after one warm-up. */
export async function median(fn: () => Promise<unknown>, rounds: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}
