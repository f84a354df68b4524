/**
 * A loopback TCP proxy that limits the bandwidth (each direction), so a pull from or push to a local
 * registry takes long enough to watch its progress or cancel it midway. Counts bytes and open connections so a
 * test can see a transfer stop.
 */
import net from 'node:net';

export interface ThrottleProxy {
  /** '127.0.0.1:PORT': use it as the registry part of a reference. */
  readonly address: string;
  readonly port: number;
  /** Bytes sent to clients so far. */
  readonly bytesDown: number;
  /** Bytes sent by clients so far (a push's upload). */
  readonly bytesUp: number;
  /** Client connections currently open. */
  readonly openConnections: number;
  /** Changes the limit (bytes per second, each direction) for what is sent from now on. */
  setRate(bytesPerSecond: number): void;
  close(): Promise<void>;
}

export async function startThrottleProxy(target: { host: string; port: number }, bytesPerSecond: number): Promise<ThrottleProxy> {
  let rate = bytesPerSecond;
  let bytesDown = 0;
  let bytesUp = 0;
  /** When each direction of the shared link is free again (ms since epoch): all connections share one budget. */
  const nextFree = { down: 0, up: 0 };
  const sockets = new Set<net.Socket>();
  const clients = new Set<net.Socket>();

  /** Forwards from → to at the rate, pausing `from` while over budget. */
  const forward = (from: net.Socket, to: net.Socket, direction: 'down' | 'up'): void => {
    from.on('data', (chunk: Buffer) => {
      if (direction === 'down') bytesDown += chunk.length;
      else bytesUp += chunk.length;
      to.write(chunk);
      const now = Date.now();
      nextFree[direction] = Math.max(now, nextFree[direction]) + (chunk.length / rate) * 1000;
      const wait = nextFree[direction] - now;
      if (wait > 1) {
        from.pause();
        setTimeout(() => {
          if (!from.destroyed) from.resume();
        }, wait);
      }
    });
  };

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
    forward(client, upstream, 'up');
    forward(upstream, client, 'down');
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
    get bytesUp() {
      return bytesUp;
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
