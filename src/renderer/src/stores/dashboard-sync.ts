import { onEventStreamConnection, subscribeEvents } from '../api';
import { useDashboardStore } from './dashboard-store';
import { debounce } from './debounce';
import { useEngineStore } from './engine-store';

/** Docker event types that can change the facts' counts or the disk usage; 'daemon' (a reload) the registry mirrors. */
const RELEVANT_TYPES = new Set(['container', 'image', 'volume', 'network', 'builder', 'daemon']);
const DEBOUNCE_MS = 300;
const MAX_WAIT_MS = 700;

function isConnected(): boolean {
  return useEngineStore.getState().status?.state === 'connected';
}

/**
 * While the Dashboard is shown: load facts and df when the engine is (or becomes) connected, and
 * refetch them, debounced, when Docker reports a change. No polling. Returns the stop function.
 */
export function startDashboardSync(): () => void {
  const refresh = debounce(() => {
    if (isConnected()) void useDashboardStore.getState().refresh();
  }, DEBOUNCE_MS, MAX_WAIT_MS);

  if (isConnected()) void useDashboardStore.getState().refresh();

  const unsubscribeEngine = useEngineStore.subscribe((state, previous) => {
    const now = state.status?.state;
    // A fresh connection may be a different engine or one that changed while away: load at once.
    if (now === 'connected' && previous.status?.state !== 'connected') void useDashboardStore.getState().refresh();
  });
  const unsubscribeEvents = subscribeEvents((event) => {
    if (event.type === 'docker.event' && RELEVANT_TYPES.has(event.event.Type)) refresh();
  });
  const unsubscribeConnection = onEventStreamConnection((state) => {
    if (state === 'open') refresh();
  });

  return () => {
    refresh.cancel();
    unsubscribeEngine();
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
