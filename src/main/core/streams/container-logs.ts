/** The `containers.logs` stream: `docker logs` as batches of lines, bounded when the page falls behind. */
import type { LogBatch } from '../../../shared/streams';
import type { EngineApi } from '../engine/engine-api';
import { createLogDecoder, type LogLine } from './log-lines';
import type { StreamHandler } from './stream-hub';

/** Batches go out at most this often … */
export const LOG_FLUSH_MS = 50;
/** … or as soon as this many lines wait. */
export const LOG_BATCH_LINES = 1000;
/** While the page is congested, lines beyond this many waiting are dropped and counted. */
const MAX_WAITING = 5000;

export function containerLogsHandler(engine: EngineApi): StreamHandler<'containers.logs'> {
  return async (input, ctx) => {
    const info = await engine.inspectContainer(input.id);
    const raw = await engine.containerLogs(input.id, { follow: input.follow, tail: input.tail, since: input.since ?? 0, timestamps: input.timestamps }, ctx.signal);

    let waiting: LogLine[] = [];
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
    const decoder = createLogDecoder(info.Config?.Tty === true, (line) => {
      if (waiting.length >= MAX_WAITING && ctx.congested()) {
        dropped += 1;
        return;
      }
      waiting.push(line);
      if (waiting.length >= LOG_BATCH_LINES && !ctx.congested()) flush();
      else timer ??= setTimeout(flush, LOG_FLUSH_MS);
    });

    if (Buffer.isBuffer(raw)) {
      decoder.push(raw);
      decoder.end();
      flush();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stop = (): void => {
        raw.destroy();
        resolve();
      };
      ctx.signal.addEventListener('abort', stop, { once: true });
      raw.on('data', (chunk: Buffer) => decoder.push(chunk));
      raw.on('end', () => {
        decoder.end();
        resolve();
      });
      raw.on('error', (error) => (ctx.signal.aborted ? resolve() : reject(error)));
    });
    flush();
  };
}
