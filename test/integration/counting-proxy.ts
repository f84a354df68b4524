import { createServer, connect, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real unix-socket proxy in front of the private engine that records the request line of every HTTP request
 * passing through, so a test can tell exactly which engine requests Wharf made.
 */
export interface CountingProxy {
  host: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startCountingProxy(targetSocket: string): Promise<CountingProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-proxy-'));
  const path = join(dir, 'p.sock');
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetSocket);
    sockets.add(client).add(upstream);
    let pending = '';
    client.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      let counted = 0;
      for (const m of pending.matchAll(/(?:^|\r\n)((?:GET|POST|HEAD|PUT|DELETE) \S+) HTTP\/1\.[01]\r\n/g)) {
        requests.push(m[1] ?? '');
        counted = m.index + m[0].length;
      }
      // Keep only what follows the last request line counted (a line split across chunks), never a counted one.
      pending = pending.slice(counted).slice(-512);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    host: `unix://${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
