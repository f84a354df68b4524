import { useEffect, useState } from 'react';
import type { ContainerRow } from '../../../../shared/container-list';
import { call } from '../../api';
import { useSettled } from '../../hooks/use-settled';

/** Measured a while after the list stops changing: a burst of new containers costs one measurement. */
const SETTLE_MS = 1_500;

/**
 * Each listed container's log size (bytes; null: its driver keeps no local file), measured through the engine after
 * the list settles and again when containers come or go. Undefined while not measured (or when off).
 */
export function useLogSizes(rows: readonly ContainerRow[] | undefined, on: boolean): ReadonlyMap<string, number | null> | undefined {
  const ids = useSettled(on && rows ? rows.map((r) => r.id).sort().join(',') : '', SETTLE_MS);
  const [sizes, setSizes] = useState<ReadonlyMap<string, number | null> | undefined>(undefined);
  useEffect(() => {
    if (ids === '') return undefined;
    let current = true;
    void call('containers.logUsage', { ids: ids.split(',').slice(0, 5000) }).then((envelope) => {
      if (current && envelope.ok) setSizes(new Map(envelope.value.rows.map((r) => [r.id, r.bytes])));
    });
    return () => {
      current = false;
    };
  }, [ids]);
  return on ? sizes : undefined;
}
