import http from 'node:http';

export interface ProbeTarget {
  /** Unix socket to talk to (Docker API), or host+port (registry). */
  socketPath?: string;
  host?: string;
  port?: number;
  path: string;
}

export interface ProbeResult {
  status: number;
  body: string;
}

/** One GET; resolves with status and body, or undefined if the connection failed or timed out. */
export function probe(target: ProbeTarget, timeoutMs = 2_000): Promise<ProbeResult | undefined> {
  return new Promise((resolve) => {
    const request = http.get(
      {
        ...(target.socketPath !== undefined
          ? { socketPath: target.socketPath }
          : { host: target.host ?? '127.0.0.1', port: target.port }),
        path: target.path,
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', () => resolve(undefined));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `ready()` is true. `failed()` may return a reason to stop early (e.g. the process died).
 * Throws a message built by `describe()` on timeout or failure.
 */
export async function waitFor(options: {
  ready: () => Promise<boolean>;
  failed?: () => string | undefined;
  timeoutMs: number;
  intervalMs?: number;
  describe: (reason: string) => Promise<string> | string;
}): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await options.ready()) return;
    const failure = options.failed?.();
    if (failure !== undefined) throw new Error(await options.describe(failure));
    if (Date.now() > deadline) throw new Error(await options.describe(`not ready after ${options.timeoutMs} ms`));
    await sleep(options.intervalMs ?? 50);
  }
}
