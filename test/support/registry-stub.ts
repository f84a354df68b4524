/**
 * A registry stand-in on 127.0.0.1 that answers GET /v2/ like a registry and refuses everything else the way public
 * mirrors do in 2026: 403 with an allow-list body (DaoCloud's "不在白名单"), or 429 with Retry-After. It is not a
 * Docker API mock: the real engine talks to it as it talks to any registry.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubAnswer = 'forbidden-allow-list' | 'rate-limited';

export interface RegistryStub {
  /** '127.0.0.1:PORT' */
  address: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRegistryStub(answer: StubAnswer): Promise<RegistryStub> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    if (req.url === '/v2/') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Docker-Distribution-API-Version': 'registry/2.0' });
      res.end('{}');
    } else if (answer === 'forbidden-allow-list') {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: '不在白名单内 (not in the allow-list)' }] }));
    } else {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '60' });
      res.end(JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'You have reached your pull rate limit.' }] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
