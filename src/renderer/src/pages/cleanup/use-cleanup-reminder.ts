import { useEffect, useState } from 'react';
import { onEventStreamConnection, subscribeEvents } from '../../api';
import { useCall } from '../../hooks/use-call';
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
  const watching = on && connected;
  // The first measurement, like every later one, waits for the debounce: at start the app (and Docker) is busy.
  const [armed, setArmed] = useState(false);
  const df = useCall('system.df', {}, { enabled: watching && armed });
  const { refresh } = df;

  useEffect(() => {
    if (!watching) return undefined;
    const measure = debounce(
      () => {
        setArmed(true);
        refresh();
      },
      DEBOUNCE_MS,
      MAX_WAIT_MS,
    );
    measure();
    const stopEvents = subscribeEvents((event) => {
      if (event.type === 'docker.event' && RELEVANT.has(event.event.Type)) measure();
    });
    const stopConnection = onEventStreamConnection((state) => {
      if (state === 'open') measure();
    });
    return () => {
      setArmed(false);
      measure.cancel();
      stopEvents();
      stopConnection();
    };
  }, [watching, refresh]);

  // Kept through a failed measurement, and while the reminder is off (shown again at once when it comes back).
  const reclaimable = df.data ? df.data.rows.reduce((n, r) => n + r.reclaimable, 0) : null;
  return watching ? reclaimable : null;
}
