import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';

/** Headers on every answer of web mode. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // The login URL carries a ticket: no page may learn it from a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/** Retry-After in whole seconds, never 0. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export function sendTooManyFailures(res: ServerResponse, retryAfterMs: number): void {
  const seconds = retryAfterSeconds(retryAfterMs);
  sendJson(res, 429, { error: 'too many failed attempts from this address', code: 'rate-limited', retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
}

/** The status line of a raw HTTP answer on a socket that is not upgraded (WebSocket refusals). */
export function rawRefusal(status: 401 | 403 | 404 | 429, extraHeaders = ''): string {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[status];
  return `HTTP/1.1 ${status} ${text}\r\n${extraHeaders}Content-Length: 0\r\nConnection: close\r\n\r\n`;
}
