/** What the table shows: the CLI's rows (with or without --digests), searched and sorted client-side. */
import type { ImageDiskUsage, ImageRow } from '../../../../shared/images';
import { shortId } from './cli-text';

export type SortColumn = 'repository' | 'tag' | 'digest' | 'id' | 'created' | 'size' | 'unique' | 'shared' | 'containers';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

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
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = `${r.repository}:${r.tag} ${r.id} ${shortId(r.id)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
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
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true });
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.column, usage) }))
    .sort((a, b) => {
      const c = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return c !== 0 ? c * sign : a.index - b.index;
    })
    .map((x) => x.row);
}

/** Clicking a header: first ascending (descending for numbers, biggest/newest first), then flips. */
export function nextSort(current: SortState | null, column: SortColumn): SortState {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const numeric = column === 'created' || column === 'size' || column === 'unique' || column === 'shared' || column === 'containers';
  return { column, direction: numeric ? 'descending' : 'ascending' };
}
