/**
 * A loopback TCP proxy that limits the bandwidth towards the client, so a pull from a local registry
 * takes long enough to watch its progress or cancel it midway. Counts bytes and open connections so a
 * test can see a transfer stop.
 */
import net from 'node:net';

export interface ThrottleProxy {
  /** '127.0.0.1:PORT': use it as the registry part of a reference. */
  readonly address: string;
  readonly port: number;
  /** Bytes sent to clients so far. */
  readonly bytesDown: number;
  /** Client connections currently open. */
  readonly openConnections: number;
  /** Changes the limit (bytes per second, towards the client) for what is sent from now on. */
  setRate(bytesPerSecond: number): void;
  close(): Promise<void>;
}

export async function startThrottleProxy(target: { host: string; port: number }, bytesPerSecond: number): Promise<ThrottleProxy> {
  let rate = bytesPerSecond;
  let bytesDown = 0;
  /** When the shared link is free again (ms since epoch): all connections share one budget. */
  let nextFree = 0;
  const sockets = new Set<net.Socket>();
  const clients = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    clients.add(client);
    const closeBoth = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
      clients.delete(client);
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      bytesDown += chunk.length;
      client.write(chunk);
      const now = Date.now();
      nextFree = Math.max(now, nextFree) + (chunk.length / rate) * 1000;
      const wait = nextFree - now;
      if (wait > 1) {
        upstream.pause();
        setTimeout(() => {
          if (!upstream.destroyed) upstream.resume();
        }, wait);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    address: `127.0.0.1:${port}`,
    port,
    get bytesDown() {
      return bytesDown;
    },
    get openConnections() {
      return clients.size;
    },
    setRate(next) {
      rate = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      clients.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
