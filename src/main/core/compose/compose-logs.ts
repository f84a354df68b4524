/**
 * The `compose.logs` stream: `docker compose -p NAME logs [-f]` itself, so the lines, their order and the containers
 * followed (also ones started after the stream opened) are compose's. Each line's "web-1  | " prefix becomes its
 * `source`; the page shows it as a column.
 */
import type { LogBatch } from '../../../shared/streams';
import { WharfError } from '../errors';
import { createLogBatcher } from '../streams/log-batcher';
import type { StreamHandler } from '../streams/stream-hub';
import type { ComposeService } from './compose-service';

/** "web-1     | hello" → { source: "web-1", text: "hello" }; a line without a prefix is compose's own. */
export function logLineOf(line: string): LogBatch['lines'][number] {
  const match = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*\| ?(.*)$/.exec(line);
  if (!match) return { stream: 'stderr', text: line };
  return { stream: 'stdout', text: match[2] ?? '', source: match[1] ?? '' };
}

export function composeLogsHandler(compose: () => ComposeService): StreamHandler<'compose.logs'> {
  return async (input, ctx) => {
    const batcher = createLogBatcher(ctx);
    const result = await compose().logs(input, ctx.signal, (line) => batcher.push(logLineOf(line)));
    batcher.flush();
    if (!result.cancelled && !ctx.signal.aborted && result.code !== 0) {
      throw new WharfError('failed', `docker compose logs failed: ${result.tail.at(-1) ?? `exit code ${String(result.code)}`}`, { compose: { output: result.tail.join('\n') } });
    }
  };
}
