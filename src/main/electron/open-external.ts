/**
 * Hands a link from the page to the system browser, under decideExternalOpen's rules: loopback http(s) opens,
 * any other http(s) host opens only after the user confirms the exact URL in a native dialog (default: cancel),
 * everything else is refused and logged.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Logger } from '../core/log';
import { desktopLocale, desktopMessages, fillMessage } from './desktop-messages';
import { decideExternalOpen } from './external-links';

/** One question at a time: a page that asks again and again cannot stack dialogs. */
let asking = false;

async function pageLanguage(win: BrowserWindow): Promise<string | undefined> {
  try {
    const lang: unknown = await win.webContents.executeJavaScript('document.documentElement.lang', false);
    return typeof lang === 'string' ? lang : undefined;
  } catch {
    return undefined; // the page is gone or busy: the dialog falls back to the app's language
  }
}

async function confirmOpen(win: BrowserWindow, url: string, fallbackLanguage: string): Promise<boolean> {
  const text = desktopMessages(desktopLocale((await pageLanguage(win)) ?? fallbackLanguage)).openLink;
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    title: text.title,
    message: text.message,
    detail: fillMessage(text.detail, { url }),
    buttons: [text.cancel, text.open],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}

export async function openExternalLink(win: BrowserWindow, requested: string, log: Logger, fallbackLanguage: string): Promise<void> {
  const decision = decideExternalOpen(requested);
  if (decision.verdict === 'refuse') {
    // The URL itself is not logged: it may carry credentials.
    log.warn('refused to open a link outside the app', { reason: decision.reason });
    return;
  }
  if (decision.verdict === 'confirm') {
    if (asking || win.isDestroyed()) return;
    asking = true;
    try {
      if (!(await confirmOpen(win, decision.url, fallbackLanguage))) return;
    } finally {
      asking = false;
    }
  }
  // Only an http(s) URL that decideExternalOpen parsed (and, off loopback, the user confirmed) gets here.
  await shell.openExternal(decision.url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
