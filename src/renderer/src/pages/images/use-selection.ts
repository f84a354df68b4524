import { useCallback, useMemo, useState } from 'react';
import type { ImageRow } from '../../../../shared/images';

export interface Selection {
  selected: ReadonlySet<string>;
  select(key: string, checked: boolean): void;
  selectAll(checked: boolean): void;
  clear(): void;
  /** Check the rows of this image (a build that just finished), also once the list shows them. */
  selectWhenListed(id: string): void;
}

/**
 * Checked rows by key; rows that left the list (removed, filtered out) drop out of the selection.
 * An image asked for by ID stays selected-to-be until the user changes the selection.
 */
export function useSelection(rows: readonly ImageRow[]): Selection {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [pendingId, setPendingId] = useState<string | null>(null);
  const selected = useMemo(() => {
    const listed = new Set(rows.map((r) => r.key));
    const s = new Set([...checked].filter((k) => listed.has(k)));
    for (const r of rows) if (r.id === pendingId) s.add(r.key);
    return s;
  }, [rows, checked, pendingId]);

  const select = useCallback(
    (key: string, on: boolean) => {
      const next = new Set(selected);
      if (on) next.add(key);
      else next.delete(key);
      setChecked(next);
      setPendingId(null);
    },
    [selected],
  );
  const selectAll = useCallback(
    (on: boolean) => {
      setChecked(on ? new Set(rows.map((r) => r.key)) : new Set());
      setPendingId(null);
    },
    [rows],
  );
  const clear = useCallback(() => {
    setChecked(new Set());
    setPendingId(null);
  }, []);
  const selectWhenListed = useCallback((id: string) => {
    setChecked(new Set());
    setPendingId(id);
  }, []);
  return { selected, select, selectAll, clear, selectWhenListed };
}
