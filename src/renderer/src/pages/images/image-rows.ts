/** What the table shows: the CLI's rows (with or without --digests), searched and sorted client-side. */
import type { ImageDiskUsage, ImageRow } from '../../../../shared/images';
import { nextSortBy, searchByWords, stableSort, type SortBy } from '../../components/table/table-logic';
import { shortId } from './cli-text';

export type SortColumn = 'repository' | 'tag' | 'digest' | 'id' | 'created' | 'size' | 'unique' | 'shared' | 'containers';
export type SortState = SortBy<SortColumn>;

/**
 * The core lists rows as `--digests` does (one per digest). Without `--digests` the CLI prints each
 * repository:tag once, so rows differing only in digest collapse into the first.
 */
export function visibleRows(rows: readonly ImageRow[], digests: boolean): ImageRow[] {
  if (digests) return [...rows];
  const seen = new Set<string>();
  const out: ImageRow[] = [];
  for (const row of rows) {
    const key = `${row.id}\0${row.repository}\0${row.tag}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row);
  }
  return out;
}

/** Case-insensitive match on repository, tag, repository:tag or the ID (with or without "sha256:"). */
export function searchRows(rows: readonly ImageRow[], query: string): ImageRow[] {
  return searchByWords(rows, query, (r) => `${r.repository}:${r.tag} ${r.id} ${shortId(r.id)}`);
}

function sortValue(row: ImageRow, column: SortColumn, usage: ImageDiskUsage | null): string | number {
  switch (column) {
    case 'repository':
      return row.repository;
    case 'tag':
      return row.tag;
    case 'digest':
      return row.digest;
    case 'id':
      return row.id;
    case 'created':
      return row.created;
    case 'size':
      return row.size;
    case 'unique':
      return usage?.images[row.id]?.uniqueSize ?? -1;
    case 'shared':
      return usage?.images[row.id]?.sharedSize ?? -1;
    case 'containers':
      return row.containers.running * 1_000_000 + row.containers.other;
  }
}

/** A stable sort: equal values keep the CLI's order. */
export function sortRows(rows: readonly ImageRow[], sort: SortState | null, usage: ImageDiskUsage | null): ImageRow[] {
  return sort ? stableSort(rows, sort.direction, (row) => sortValue(row, sort.column, usage)) : [...rows];
}

const NUMERIC: ReadonlySet<SortColumn> = new Set(['created', 'size', 'unique', 'shared', 'containers']);

/** Clicking a header: first ascending (descending for numbers, biggest/newest first), then flips. */
export function nextSort(current: SortState | null, column: SortColumn): SortState {
  return nextSortBy(current, column, NUMERIC.has(column));
}
