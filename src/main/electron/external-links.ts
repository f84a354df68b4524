/**
 * What the desktop does with a link the page asks to open outside the app (a published container port, a
 * Docker docs page). Pure, so every case is unit-tested: only http(s) ever reaches the system browser, a
 * loopback address opens at once, any other host only after the user confirms the exact URL.
 */
export type ExternalOpenDecision =
  | { verdict: 'open'; url: string }
  | { verdict: 'confirm'; url: string }
  | { verdict: 'refuse'; reason: 'not-a-url' | 'not-http' | 'credentials' | 'too-long' };

/** Longer than any link Wharf makes; a dialog cannot show more in a readable way. */
const MAX_URL_LENGTH = 2048;

/** localhost, 127.0.0.0/8 and ::1: a service on this machine (the URL parser has already made 0x7f.1 and 2130706433 into 127.0.0.1). */
function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export function decideExternalOpen(input: string): ExternalOpenDecision {
  if (input.length > MAX_URL_LENGTH) return { verdict: 'refuse', reason: 'too-long' };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { verdict: 'refuse', reason: 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { verdict: 'refuse', reason: 'not-http' };
  // user:pass@ hides the real host from a reader (http://127.0.0.1:8080@evil.example/); Wharf never makes such links.
  if (url.username !== '' || url.password !== '') return { verdict: 'refuse', reason: 'credentials' };
  // The browser gets the parsed form: the same text the user confirmed.
  if (url.href.length > MAX_URL_LENGTH) return { verdict: 'refuse', reason: 'too-long' };
  return isLoopbackHost(url.hostname) ? { verdict: 'open', url: url.href } : { verdict: 'confirm', url: url.href };
}
