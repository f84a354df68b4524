import type { Logger } from './core/log';

/**
 * The last line of defence: an exception thrown inside a library callback (outside any call's promise chain)
 * or a rejected promise nobody awaited must not end the server or the desktop's main process — it is logged and
 * the process keeps serving. The root causes are closed where they are (names checked before they reach a URL,
 * no redirects followed); this catches the class.
 */
export function installProcessGuard(log: Logger): void {
  process.on('uncaughtException', (error, origin) => {
    log.error('uncaught exception; Wharf keeps running', { origin, error });
  });
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled promise rejection; Wharf keeps running', { error: reason });
  });
}
