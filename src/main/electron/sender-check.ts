/**
 * Which frames may call the IPC contract (after VS Code's validatedIpcMain): only the app's own top-level
 * frame, loaded from the app's own origin. Pure, so it is unit-tested without Electron.
 */
export interface SenderFacts {
  /** The sending frame's URL, or undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** True when the sending frame is the top-level frame of its window. */
  isTopFrame: boolean;
}

/** appUrl is the dev server URL or the file:// URL of out/renderer/index.html. */
export function isTrustedSender(sender: SenderFacts, appUrl: string): boolean {
  if (!sender.isTopFrame || !sender.frameUrl) return false;
  let frame: URL;
  let app: URL;
  try {
    frame = new URL(sender.frameUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === app.pathname;
  return frame.origin === app.origin;
}

/** Navigation stays in the app: the same index.html (any hash) when packaged, the same origin for the dev server. */
export function isAppNavigation(targetUrl: string, appUrl: string): boolean {
  try {
    const target = new URL(targetUrl);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}
