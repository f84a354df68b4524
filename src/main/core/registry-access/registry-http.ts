/** A small HTTP(S) client for registries: per-request timeouts, cancellation, redirects, bounded bodies. */
import http from 'node:http';
import https from 'node:https';

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body (JSON answers), up to maxBodyBytes; empty for HEAD and for sampled downloads. */
  body: Buffer;
  /** Sampled downloads: bytes read and the time spent reading them (after the headers). */
  sampled?: { bytes: number; ms: number };
  /** The URL that answered (after redirects). */
  url: string;
}

export interface HttpOptions {
  method?: 'GET' | 'HEAD' | 'DELETE';
  headers?: Record<string, string>;
  /** Until the response headers; also bounds reading a normal body. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Read at most this many bytes or this long, then stop: for throughput samples. */
  sample?: { maxBytes: number; maxMs: number };
  maxBodyBytes?: number;
}

/** A failure before any HTTP status: refused, TLS, timeout. `code` is Node's (ECONNREFUSED, EPROTO…) or TIMEOUT. */
export class NetError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NetError';
  }
}

const MAX_REDIRECTS = 5;

function once(url: URL, options: HttpOptions): Promise<HttpResult> {
  const lib = url.protocol === 'https:' ? https : http;
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const req = lib.request(url, { method: options.method ?? 'GET', headers: { 'User-Agent': 'wharf', ...options.headers }, agent: false });
    const timer = setTimeout(() => {
      finish(() => reject(new NetError('TIMEOUT', `no answer from ${url.host} within ${options.timeoutMs} ms`)));
      req.destroy();
    }, options.timeoutMs);
    const onAbort = (): void => {
      const error = new Error('cancelled');
      error.name = 'AbortError';
      finish(() => reject(error));
      req.destroy();
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    req.on('error', (error: NodeJS.ErrnoException) => finish(() => reject(new NetError(error.code ?? 'EUNKNOWN', error.message))));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const base = { status, headers: res.headers, url: url.toString() };
      if (options.sample && status >= 200 && status < 300) {
        clearTimeout(timer);
        const started = performance.now();
        let bytes = 0;
        const done = (): void => {
          finish(() => resolve({ ...base, body: Buffer.alloc(0), sampled: { bytes, ms: Math.max(1, performance.now() - started) } }));
          res.destroy();
        };
        const cap = setTimeout(done, options.sample.maxMs);
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes >= (options.sample?.maxBytes ?? 0)) {
            clearTimeout(cap);
            done();
          }
        });
        res.on('end', () => {
          clearTimeout(cap);
          done();
        });
        res.on('error', () => {
          clearTimeout(cap);
          done();
        });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBody) chunks.push(chunk);
      });
      res.on('end', () => finish(() => resolve({ ...base, body: Buffer.concat(chunks) })));
      res.on('error', (error: NodeJS.ErrnoException) => finish(() => reject(new NetError(error.code ?? 'EUNKNOWN', error.message))));
    });
    req.end();
  });
}

/** One request, following redirects (Authorization is dropped when the host changes, as registries' CDNs expect). */
export async function httpRequest(target: string, options: HttpOptions): Promise<HttpResult> {
  let url = new URL(target);
  let headers = { ...options.headers };
  for (let hop = 0; ; hop += 1) {
    const result = await once(url, { ...options, headers });
    const location = result.headers.location;
    const redirect = [301, 302, 303, 307, 308].includes(result.status) && location && (options.method ?? 'GET') !== 'DELETE';
    if (!redirect || hop >= MAX_REDIRECTS) return result;
    const next = new URL(location, url);
    if (next.host !== url.host) {
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
    }
    url = next;
  }
}

export function header(result: HttpResult, name: string): string | undefined {
  const value = result.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
