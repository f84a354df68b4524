/** The `containers.logs` stream: `docker logs` as batches of lines, bounded when the page falls behind. */
import type { EngineApi, LogsQuery } from '../engine/engine-api';
import { createLogBatcher } from './log-batcher';
import { createLogDecoder, type LogLine } from './log-lines';
import type { StreamHandler } from './stream-hub';

/**
 * One container's log, line by line, until it ends (not following: the whole answer; following: the container
 * stopped) or the signal aborts. Demultiplexed unless the container has a TTY.
 */
export async function readContainerLog(engine: EngineApi, id: string, query: LogsQuery, signal: AbortSignal, onLine: (line: LogLine) => void): Promise<void> {
  const info = await engine.inspectContainer(id);
  const raw = await engine.containerLogs(id, query, signal);
  const decoder = createLogDecoder(info.Config?.Tty === true, onLine);
  if (Buffer.isBuffer(raw)) {
    decoder.push(raw);
    decoder.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stop = (): void => {
      raw.destroy();
      resolve();
    };
    signal.addEventListener('abort', stop, { once: true });
    raw.on('data', (chunk: Buffer) => decoder.push(chunk));
    raw.on('end', () => {
      decoder.end();
      signal.removeEventListener('abort', stop);
      resolve();
    });
    raw.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
  });
}

export function containerLogsHandler(engine: EngineApi): StreamHandler<'containers.logs'> {
  return async (input, ctx) => {
    const batcher = createLogBatcher(ctx);
    await readContainerLog(engine, input.id, { follow: input.follow, tail: input.tail, since: input.since ?? 0, timestamps: input.timestamps }, ctx.signal, (line) => batcher.push(line));
    batcher.flush();
  };
}
