/** The `containers.logs` stream: `docker logs` as batches of lines, bounded when the page falls behind. */
import type { EngineApi } from '../engine/engine-api';
import { createLogBatcher } from './log-batcher';
import { createLogDecoder } from './log-lines';
import type { StreamHandler } from './stream-hub';

export function containerLogsHandler(engine: EngineApi): StreamHandler<'containers.logs'> {
  return async (input, ctx) => {
    const info = await engine.inspectContainer(input.id);
    const raw = await engine.containerLogs(input.id, { follow: input.follow, tail: input.tail, since: input.since ?? 0, timestamps: input.timestamps }, ctx.signal);

    const batcher = createLogBatcher(ctx);
    const decoder = createLogDecoder(info.Config?.Tty === true, (line) => batcher.push(line));

    if (Buffer.isBuffer(raw)) {
      decoder.push(raw);
      decoder.end();
      batcher.flush();
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
    batcher.flush();
  };
}
