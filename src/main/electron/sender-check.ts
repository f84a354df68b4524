/**
 * Which frames may call the IPC contract (after VS Code's validatedIpcMain): only the app's own top-level
 * frame, loaded from the app's own origin. Pure, so it is unit-tested without Electron.
 */
import { isAppSchemeUrl } from './app-scheme';

export interface SenderFacts {
  /** The sending frame's URL, or undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** True when the sending frame is the top-level frame of its window. */
  isTopFrame: boolean;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined; // not a URL: the sender is refused
  }
}

/**
 * The same origin as the app page: `wharf://app` when the app is served from its own scheme, the dev server's
 * http(s) origin under `npm run dev`. Anything else (file://, data:, about:, another scheme) is never the app.
 */
function onAppOrigin(target: URL, app: URL): boolean {
  if (isAppSchemeUrl(app)) return isAppSchemeUrl(target);
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  return false;
}

/** appUrl is wharf://app/index.html, or the dev server's URL under `npm run dev`. */
export function isTrustedSender(sender: SenderFacts, appUrl: string): boolean {
  if (!sender.isTopFrame || !sender.frameUrl) return false;
  const frame = parse(sender.frameUrl);
  const app = parse(appUrl);
  return frame !== undefined && app !== undefined && onAppOrigin(frame, app);
}

/** Navigation stays in the app: the app page itself (any hash) on the app scheme, the same origin for the dev server. */
export function isAppNavigation(targetUrl: string, appUrl: string): boolean {
  const target = parse(targetUrl);
  const app = parse(appUrl);
  if (target === undefined || app === undefined || !onAppOrigin(target, app)) return false;
  return isAppSchemeUrl(app) ? target.pathname === app.pathname : true;
}
