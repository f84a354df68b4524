import { useCallback, useMemo, useState } from 'react';

export interface Checked {
  selected: ReadonlySet<string>;
  select(key: string, on: boolean): void;
  selectAll(on: boolean): void;
  clear(): void;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Checked rows by key; keys that left the list (removed, searched away) drop out of the selection.
 * `pinned` keys count as checked while listed (a row the app selected for the user), until the user changes the selection.
 */
export function useChecked(keys: readonly string[], pinned: ReadonlySet<string> = NONE): Checked {
  const [checked, setChecked] = useState<ReadonlySet<string>>(NONE);
  const selected = useMemo(() => new Set(keys.filter((k) => checked.has(k) || pinned.has(k))), [keys, checked, pinned]);
  const select = useCallback(
    (key: string, on: boolean) => {
      const next = new Set(selected);
      if (on) next.add(key);
      else next.delete(key);
      setChecked(next);
    },
    [selected],
  );
  const selectAll = useCallback((on: boolean) => setChecked(on ? new Set(keys) : NONE), [keys]);
  const clear = useCallback(() => setChecked(NONE), []);
  return { selected, select, selectAll, clear };
}
