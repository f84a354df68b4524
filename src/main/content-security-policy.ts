/**
 * The one Content-Security-Policy of the renderer, for both the desktop window and web mode's pages. Scripts only
 * from the app itself, no eval, no plugins, no framing; `connect-src 'self'` covers web mode's same-origin
 * WebSocket (CSP 3), so no `ws:`/`wss:` wildcard that would let a page talk to any socket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
