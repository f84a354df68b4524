/** Pure helpers the sortable, searchable tables share. */
export type SortDirection = 'ascending' | 'descending';

export interface SortBy<C extends string> {
  column: C;
  direction: SortDirection;
}

/** Case-insensitive; every word of the query must appear in the row's text. */
export function searchByWords<R>(rows: readonly R[], query: string, text: (row: R) => string): R[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = text(r).toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** A stable sort: numbers by value, text in natural order ("web-2" before "web-10"); equal values keep their order. */
export function stableSort<R>(rows: readonly R[], direction: SortDirection, value: (row: R) => string | number): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true });
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      const c = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return c !== 0 ? c * sign : a.index - b.index;
    })
    .map((x) => x.row);
}

/** Clicking a header: a new column starts ascending (descending where biggest/newest first is wanted), then flips. */
export function nextSortBy<C extends string>(current: SortBy<C> | null, column: C, descendingFirst: boolean): SortBy<C> {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: descendingFirst ? 'descending' : 'ascending' };
}
