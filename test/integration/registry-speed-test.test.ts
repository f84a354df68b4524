/**
 * The mirror speed test as a task: the private registry (ok, with latency and throughput), a closed loopback
 * port (unreachable), tiny loopback servers answering 403 and 429, a token-flow registry (a bearer-token gate in
 * front of the private registry), one whose token service refuses, and an allow-list that refuses the image.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { MirrorSpeed, SpeedTestResult } from '../../src/shared/registry-access';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, importRandomImage, pushToRegistry } from '../support/fixtures';
import { freeLoopbackPort } from '../support/free-port';
import { makeRegistryAccessCore } from '../support/registry-access-core';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { startThrottleProxy } from '../support/throttle-proxy';
import { call } from './make-core';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, base: string) => void;

async function serve(handler: Handler): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  let base = '';
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res, base);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const answer = (status: number, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ errors: [{ code: String(status), message: `status ${status}` }] }));
};

/** Passes requests on to the registry (buffered, fine for busybox). */
function forward(target: PrivateRegistry, req: http.IncomingMessage, res: http.ServerResponse): void {
  const upstream = http.request({ host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers: { accept: req.headers.accept ?? '*/*' } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  upstream.end();
}

describe('registryAccess.speedTest', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let core: Core;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startPrivateEngine({ name: 'speed' }), startPrivateRegistry()]);
    await importBusybox(engine, 'wharf-src/busybox:1');
    await pushToRegistry(engine, registry, 'wharf-src/busybox:1', 'library/busybox:latest');
    await pushToRegistry(engine, registry, 'wharf-src/busybox:1', 'acme/tool:1');
    core = makeRegistryAccessCore(engine.host, { speedLimits: { pingMs: 2_000, stepMs: 4_000 } });
    await core.start();
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all([engine?.destroy(), registry?.destroy()]);
  });

  const run = async (mirrors: string[], image?: string): Promise<SpeedTestResult> => {
    const task = await call(core, 'registryAccess.speedTest', { mirrors, ...(image ? { image } : {}) });
    expect(task.kind).toBe('registry-speed-test');
    const done = await core.tasks.settled(task.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.detail).toEqual({ kind: 'items', items: expect.any(Array) });
    return done.result as SpeedTestResult;
  };
  const row = (result: SpeedTestResult, url: string): MirrorSpeed => {
    const found = result.mirrors.find((m) => m.url === url);
    if (!found) throw new Error(`no row for ${url}`);
    return found;
  };

  it('classifies ok, unreachable, 403, 429 and a silent server, and ranks the working mirror first', async () => {
    const forbidden = await serve(answer(403));
    const limited = await serve(answer(429, { 'Retry-After': '60' }));
    const silent = await serve(() => undefined); // accepts, never answers
    servers.push(forbidden, limited, silent);
    const closed = `http://127.0.0.1:${await freeLoopbackPort()}`;

    const result = await run([closed, forbidden.url, limited.url, silent.url, registry.url]);
    expect(result.image).toBe('library/busybox:latest');

    const ok = row(result, registry.url);
    expect(ok).toMatchObject({ outcome: 'ok', status: 200, rank: 1, tokenFlow: false });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    expect(ok.manifestMs).toBeGreaterThanOrEqual(0);
    // The sample is the image's (only) layer, read in full: its size is what the registry stores.
    const manifest = JSON.parse((await engine.cliOk(['manifest', 'inspect', '--insecure', `${registry.address}/library/busybox:latest`])).stdout) as { layers: { digest: string; size: number }[] };
    expect(ok.blob?.digest).toBe(manifest.layers[0]?.digest);
    expect(ok.blob?.bytes).toBe(manifest.layers[0]?.size);
    expect(ok.blob?.bytesPerSecond).toBeGreaterThan(0);

    expect(row(result, closed)).toMatchObject({ outcome: 'unreachable', failedStep: 'ping' });
    expect(row(result, forbidden.url)).toMatchObject({ outcome: 'forbidden', failedStep: 'ping', status: 403 });
    expect(row(result, limited.url)).toMatchObject({ outcome: 'rate-limited', failedStep: 'ping', status: 429 });
    expect(row(result, silent.url)).toMatchObject({ outcome: 'timeout', failedStep: 'ping' });
    expect(result.mirrors.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(result.mirrors[0]?.url).toBe(registry.url);
  });

  it('each mirror is also asked for a non-official image: one that serves library/* and refuses it (403 "不在白名单") serves an allow-list', async () => {
    const allowList = await serve((req, res, base) => {
      if (req.url === '/v2/' || req.url?.startsWith('/v2/library/')) return forward(registry, req, res);
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: '不在白名单' }] }));
      void base;
    });
    servers.push(allowList);
    const task = await call(core, 'registryAccess.speedTest', { mirrors: [allowList.url, registry.url], nonOfficialImage: 'acme/tool:1' });
    const result = (await core.tasks.settled(task.id)).result as SpeedTestResult;
    expect(result.nonOfficialImage).toBe('acme/tool:1');
    expect(row(result, allowList.url)).toMatchObject({ outcome: 'ok', allowList: true, nonOfficial: { image: 'acme/tool:1', outcome: 'forbidden', status: 403 } });
    expect(row(result, registry.url)).toMatchObject({ outcome: 'ok', allowList: false, nonOfficial: { image: 'acme/tool:1', outcome: 'ok' } });
    expect(allowList.requests).toContainEqual('HEAD /v2/acme/tool/manifests/1');
  });

  it('follows the token flow on 401, and tells a refused token and an allow-list apart', async () => {
    const TOKEN = 'anonymous-token-1';
    const tokenQueries: URLSearchParams[] = [];
    const gate = await serve((req, res, base) => {
      if (req.url?.startsWith('/token')) {
        tokenQueries.push(new URL(req.url, base).searchParams);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ token: TOKEN }));
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        return answer(401, { 'WWW-Authenticate': `Bearer realm="${base}/token",service="wharf-gate",scope="repository:library/busybox:pull"` })(req, res, base);
      }
      forward(registry, req, res);
    });
    const refusing = await serve((req, res, base) =>
      req.url?.startsWith('/token') ? answer(401)(req, res, base) : answer(401, { 'WWW-Authenticate': `Bearer realm="${base}/token",service="x"` })(req, res, base),
    );
    const allowList = await serve((req, res, base) => (req.url === '/v2/' ? forward(registry, req, res) : answer(403)(req, res, base)));
    servers.push(gate, refusing, allowList);

    const result = await run([refusing.url, allowList.url, gate.url]);
    expect(row(result, gate.url)).toMatchObject({ outcome: 'ok', tokenFlow: true, rank: 1 });
    expect(row(result, gate.url).blob?.bytes).toBeGreaterThan(0);
    expect(tokenQueries.length).toBeGreaterThan(0);
    expect(tokenQueries.map((q) => [q.get('service'), q.get('scope')])).toContainEqual(['wharf-gate', 'repository:library/busybox:pull']);
    expect(row(result, refusing.url)).toMatchObject({ outcome: 'unauthorized', failedStep: 'token', status: 401 });
    expect(row(result, allowList.url)).toMatchObject({ outcome: 'forbidden', failedStep: 'manifest', status: 403 });
  });

  it('ranks a direct mirror above one behind a 1 MB/s link, and measures that link within ±30%', async () => {
    const MB = 1_000_000;
    // A 3 MB layer of random bytes (it does not compress): long enough at 1 MB/s to measure a rate.
    await importRandomImage(engine, 'wharf-src/sample:1', 3 * MB);
    await pushToRegistry(engine, registry, 'wharf-src/sample:1', 'wharf/sample:1');
    const slow = await startThrottleProxy({ host: '127.0.0.1', port: registry.port }, MB);
    servers.push(slow);
    const slowUrl = `http://${slow.address}`;

    // The slow one first: the order given must not be the order ranked.
    const result = await run([slowUrl, registry.url], 'wharf/sample:1');
    expect(result.mirrors.map((m) => [m.url, m.outcome, m.rank])).toEqual([
      [registry.url, 'ok', 1],
      [slowUrl, 'ok', 2],
    ]);
    const manifest = JSON.parse((await engine.cliOk(['manifest', 'inspect', '--insecure', `${registry.address}/wharf/sample:1`])).stdout) as { layers: { size: number }[] };
    const throttled = row(result, slowUrl).blob;
    expect(throttled?.bytes, 'the whole layer was read').toBe(manifest.layers[0]?.size);
    expect(throttled?.bytesPerSecond).toBeGreaterThanOrEqual(0.7 * MB);
    expect(throttled?.bytesPerSecond).toBeLessThanOrEqual(1.3 * MB);
    expect(row(result, registry.url).blob?.bytesPerSecond).toBeGreaterThan(2 * (throttled?.bytesPerSecond ?? 0));
  }, 60_000);

  it('refuses a mirror without a scheme before starting', async () => {
    const envelope = await core.invoke('registryAccess.speedTest', { mirrors: ['docker.m.daocloud.io'] });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('invalid-input');
  });
});
