import { useEffect, useRef, useState } from 'react';
import type { WharfErrorInfo } from '../../../../shared/errors';
import type { LogBatch } from '../../../../shared/streams';
import { openStream } from '../../api';
import type { StreamListener } from '../../api/streams';

export type LogLine = LogBatch['lines'][number] & { n: number };

/** Whose log: one container's (`docker logs`), or a Compose project's, merged or of some services. */
export type LogTarget = { kind: 'container'; id: string } | { kind: 'compose'; project: string; services?: string[] };

export interface LogOptions {
  target: LogTarget;
  follow: boolean;
  tail: number | 'all';
  /** Unix seconds, or undefined for all. */
  since?: number;
  timestamps: boolean;
}

export interface LogStreamState {
  lines: readonly LogLine[];
  /** Lines dropped: by the core when the page fell behind, or here beyond MAX_LINES. */
  dropped: number;
  state: 'streaming' | 'ended' | 'failed';
  error: WharfErrorInfo | null;
}

/** Lines kept in memory; older ones go (the view says how many). */
export const MAX_LINES = 50_000;

/**
 * A container's log as a stream: lines arrive in batches and are drawn at most once per frame, so a
 * container printing thousands of lines a second does not re-render thousands of times; memory is bounded.
 */
export function useLogStream(options: LogOptions, generation: number): LogStreamState {
  const { target, follow, tail, since, timestamps } = options;
  // A stable key: a new target object with the same contents does not reopen the stream.
  const targetKey = JSON.stringify(target);
  const [view, setView] = useState<LogStreamState>({ lines: [], dropped: 0, state: 'streaming', error: null });
  const buffer = useRef<{ lines: LogLine[]; dropped: number; next: number }>({ lines: [], dropped: 0, next: 0 });

  useEffect(() => {
    const buf = { lines: [] as LogLine[], dropped: 0, next: 0 };
    buffer.current = buf;
    let frame: number | undefined;
    let state: LogStreamState['state'] = 'streaming';
    let error: WharfErrorInfo | null = null;
    const draw = (): void => {
      frame = undefined;
      setView({ lines: buf.lines.slice(), dropped: buf.dropped, state, error });
    };
    const schedule = (): void => {
      frame ??= requestAnimationFrame(draw);
    };
    schedule();
    const sink: StreamListener<'containers.logs'> & StreamListener<'compose.logs'> = {
      data(batch) {
          for (const line of batch.lines) buf.lines.push({ ...line, n: buf.next++ });
          buf.dropped += batch.dropped ?? 0;
          const excess = buf.lines.length - MAX_LINES;
          if (excess > 0) {
            buf.lines.splice(0, excess);
            buf.dropped += excess;
          }
          schedule();
        },
        end(err) {
          state = err ? 'failed' : 'ended';
          error = err ?? null;
          schedule();
        },
    };
    const opened = JSON.parse(targetKey) as LogTarget;
    const common = { follow, tail, timestamps, ...(since !== undefined ? { since } : {}) };
    const handle =
      opened.kind === 'container'
        ? openStream('containers.logs', { id: opened.id, ...common }, sink)
        : openStream('compose.logs', { project: opened.project, ...(opened.services ? { services: opened.services } : {}), ...common }, sink);
    return () => {
      handle.close();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [targetKey, follow, tail, since, timestamps, generation]);

  return view;
}
