/**
 * The desktop window's own origin: the built renderer is served from `wharf://app/`, a privileged custom scheme,
 * instead of file://, so the page has a real origin of its own (file:// pages share one origin with every local
 * file) and every response carries the app's CSP. Electron-free, so the sender checks are unit-tested.
 */
export const APP_SCHEME = 'wharf';
export const APP_HOST = 'app';
/** The page the window loads; routes are hashes on it (#/images). */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged: standard (relative URLs, storage, a real origin), secure
 * (a secure context like https), fetch for the page's own module scripts. Not corsEnabled: other origins must
 * not read the app's files. No service workers, no bypassing the CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

/**
 * True for URLs on the app's own origin: exactly `wharf://app` (no port, no credentials). The origin of a
 * non-special scheme is "null" for the URL parser, so origins cannot be compared as strings: scheme and host are.
 */
export function isAppSchemeUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
