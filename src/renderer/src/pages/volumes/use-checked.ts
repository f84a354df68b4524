import { useCallback, useMemo, useState } from 'react';

export interface Checked {
  selected: ReadonlySet<string>;
  select(key: string, on: boolean): void;
  selectAll(on: boolean): void;
  clear(): void;
}

/** Checked rows by key; keys that left the list (removed, searched away) drop out of the selection. */
export function useChecked(keys: readonly string[]): Checked {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(() => {
    const listed = new Set(keys);
    return new Set([...checked].filter((k) => listed.has(k)));
  }, [keys, checked]);
  const select = useCallback(
    (key: string, on: boolean) => {
      const next = new Set(selected);
      if (on) next.add(key);
      else next.delete(key);
      setChecked(next);
    },
    [selected],
  );
  const selectAll = useCallback((on: boolean) => setChecked(on ? new Set(keys) : new Set()), [keys]);
  const clear = useCallback(() => setChecked(new Set()), []);
  return { selected, select, selectAll, clear };
}
