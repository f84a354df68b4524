/** Pure helpers of the log view: search matches and the downloadable text. */
import type { LogLine } from './use-log-stream';

/** Where `query` occurs in `text`, case-insensitive: [start, end) pairs. */
export function matchRanges(text: string, query: string): Array<[number, number]> {
  if (query === '') return [];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}

/** The lines as `docker logs` would print them (stderr lines marked when asked). */
export function logText(lines: readonly LogLine[], markStderr: boolean): string {
  return lines.map((l) => `${l.source !== undefined ? `${l.source} | ` : ''}${markStderr && l.stream === 'stderr' ? `[stderr] ${l.text}` : l.text}`).join('\n') + (lines.length ? '\n' : '');
}
