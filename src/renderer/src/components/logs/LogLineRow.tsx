import type { ReactElement, ReactNode } from 'react';
import { matchRanges } from './log-text';
import type { LogLine } from './use-log-stream';

/** One line; stderr is marked, search matches are highlighted. */
export function LogLineRow({ line, query }: { line: LogLine; query: string }): ReactElement {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(line.text, query)) {
    if (start > at) parts.push(line.text.slice(at, start));
    parts.push(<mark key={start}>{line.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(line.text.slice(at));
  return (
    <div className={line.stream === 'stderr' ? 'log-line log-line--stderr' : 'log-line'} data-stream={line.stream} data-source={line.source} data-testid="log-line">
      {line.source !== undefined ? (
        <span className="log-line__source" translate="no">
          {line.source}
        </span>
      ) : null}
      {parts}
    </div>
  );
}
