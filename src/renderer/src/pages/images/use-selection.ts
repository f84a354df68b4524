import { useCallback, useMemo, useState } from 'react';
import type { ImageRow } from '../../../../shared/images';
import { useChecked, type Checked } from '../../hooks/use-checked';

export interface Selection extends Checked {
  /** Check the rows of this image (a build that just finished), also once the list shows them. */
  selectWhenListed(id: string): void;
}

/** The checked image rows; an image asked for by ID stays selected-to-be until the user changes the selection. */
export function useSelection(rows: readonly ImageRow[]): Selection {
  const [pendingId, setPendingId] = useState<string | null>(null);
  const keys = useMemo(() => rows.map((r) => r.key), [rows]);
  const pinned = useMemo(() => new Set(rows.filter((r) => r.id === pendingId).map((r) => r.key)), [rows, pendingId]);
  const checked = useChecked(keys, pinned);
  const { select: checkOne, selectAll: checkAll, clear: uncheck } = checked;
  const select = useCallback(
    (key: string, on: boolean) => {
      checkOne(key, on);
      setPendingId(null);
    },
    [checkOne],
  );
  const selectAll = useCallback(
    (on: boolean) => {
      checkAll(on);
      setPendingId(null);
    },
    [checkAll],
  );
  const clear = useCallback(() => {
    uncheck();
    setPendingId(null);
  }, [uncheck]);
  const selectWhenListed = useCallback(
    (id: string) => {
      uncheck();
      setPendingId(id);
    },
    [uncheck],
  );
  return { selected: checked.selected, select, selectAll, clear, selectWhenListed };
}
