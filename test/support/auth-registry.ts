/**
 * A loopback stand-in for a registry that wants credentials for everything: what Docker Hub answers a push
 * without `docker login`. Only the refusal is real here; it stores nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AuthRegistry {
  /** '127.0.0.1:PORT' */
  readonly address: string;
  close(): Promise<void>;
}

export async function startAuthRegistry(): Promise<AuthRegistry> {
  const server = http.createServer((_req, res) => {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="wharf-test"', 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
