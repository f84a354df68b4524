import { useEffect, useState } from 'react';
import { call, onEventStreamConnection, subscribeEvents } from '../../api';
import { debounce } from '../../stores/debounce';
import { useEngineStore } from '../../stores/engine-store';
import { useCleanupSettings } from './cleanup-settings';

/** Docker event types that change what is reclaimable. */
const RELEVANT = new Set(['container', 'image', 'volume', 'builder']);
/** df is expensive: wait for a burst of events to settle, and at most once per 5 s. */
const DEBOUNCE_MS = 2000;
const MAX_WAIT_MS = 5000;

/**
 * Reclaimable bytes (all df rows) while the reminder is on: measured at start and when Docker reports a change
 * (debounced), never on a timer. null while off or unknown.
 */
export function useCleanupReminder(): number | null {
  const on = useCleanupSettings((s) => s.reminderOn);
  const connected = useEngineStore((s) => s.status?.state === 'connected');
  const [reclaimable, setReclaimable] = useState<number | null>(null);

  useEffect(() => {
    if (!on || !connected) return undefined;
    let live = true;
    const measure = debounce(() => {
      void call('system.df', {}).then((answer) => {
        if (live && answer.ok) setReclaimable(answer.value.rows.reduce((n, r) => n + r.reclaimable, 0));
      });
    }, DEBOUNCE_MS, MAX_WAIT_MS);
    measure();
    const stopEvents = subscribeEvents((event) => {
      if (event.type === 'docker.event' && RELEVANT.has(event.event.Type)) measure();
    });
    const stopConnection = onEventStreamConnection((state) => {
      if (state === 'open') measure();
    });
    return () => {
      live = false;
      measure.cancel();
      stopEvents();
      stopConnection();
    };
  }, [on, connected]);

  return on && connected ? reclaimable : null;
}
