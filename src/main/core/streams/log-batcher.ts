/**
 * Log lines → batches for a page: sent every LOG_FLUSH_MS or once LOG_BATCH_LINES wait; while the page's connection
 * is backed up, lines beyond MAX_WAITING are dropped and the next batch says how many.
 */
import type { LogBatch } from '../../../shared/streams';

/** Batches go out at most this often … */
export const LOG_FLUSH_MS = 50;
/** … or as soon as this many lines wait. */
export const LOG_BATCH_LINES = 1000;
/** While the page is congested, lines beyond this many waiting are dropped and counted. */
const MAX_WAITING = 5000;

type Line = LogBatch['lines'][number];

export interface LogBatcher {
  push(line: Line): void;
  /** Sends what waits now (call it once the source has ended). */
  flush(): void;
}

export function createLogBatcher(ctx: { send(batch: LogBatch): void; congested(): boolean }): LogBatcher {
  let waiting: Line[] = [];
  let dropped = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0 && dropped === 0) return;
    const batch: LogBatch = dropped > 0 ? { lines: waiting, dropped } : { lines: waiting };
    waiting = [];
    dropped = 0;
    ctx.send(batch);
  };
  return {
    push(line) {
      if (waiting.length >= MAX_WAITING && ctx.congested()) {
        dropped += 1;
        return;
      }
      waiting.push(line);
      if (waiting.length >= LOG_BATCH_LINES && !ctx.congested()) flush();
      else timer ??= setTimeout(flush, LOG_FLUSH_MS);
    },
    flush,
  };
}
