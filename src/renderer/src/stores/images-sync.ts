import { onEventStreamConnection, subscribeEvents } from '../api';
import { debounce } from './debounce';
import { useEngineStore } from './engine-store';
import { useImagesStore } from './images-store';

/** Images change the rows; containers change the per-image container counts. */
const RELEVANT_TYPES = new Set(['image', 'container']);
/** Container events that cannot change which image a container uses or whether it runs are ignored. */
const IGNORED_ACTIONS = /^(exec_|health_status|attach|resize|top|archive-path|extract-to-dir|commit)/;
const LIST_DEBOUNCE_MS = 300;
const LIST_MAX_WAIT_MS = 700;
/** `/system/df` walks every layer: asked for only after the list settled, and at most every few seconds. */
const USAGE_DEBOUNCE_MS = 1500;
const USAGE_MAX_WAIT_MS = 5000;

function isConnected(): boolean {
  return useEngineStore.getState().status?.state === 'connected';
}

/**
 * While the Images page is shown: list when connected, relist (debounced) on image and container
 * events, and measure disk usage after the list arrived. No polling. Returns the stop function.
 */
export function startImagesSync(): () => void {
  const store = useImagesStore.getState;
  const usage = debounce(() => {
    if (isConnected()) void store().loadDiskUsage();
  }, USAGE_DEBOUNCE_MS, USAGE_MAX_WAIT_MS);
  const list = async (): Promise<void> => {
    await store().refresh();
    if (!store().list) return;
    // The first measurement right after the first list; later ones debounced behind the events.
    if (store().diskUsage === null && store().diskUsageError === null) void store().loadDiskUsage();
    else usage();
  };
  const relist = debounce(() => {
    if (isConnected()) void list();
  }, LIST_DEBOUNCE_MS, LIST_MAX_WAIT_MS);

  if (isConnected()) void list();

  const unsubscribeEngine = useEngineStore.subscribe((state, previous) => {
    if (state.status?.state === 'connected' && previous.status?.state !== 'connected') void list();
  });
  const unsubscribeEvents = subscribeEvents((event) => {
    if (event.type !== 'docker.event' || !RELEVANT_TYPES.has(event.event.Type)) return;
    if (event.event.Type === 'container' && IGNORED_ACTIONS.test(event.event.Action)) return;
    relist();
  });
  const unsubscribeConnection = onEventStreamConnection((state) => {
    if (state === 'open') relist();
  });

  return () => {
    relist.cancel();
    usage.cancel();
    unsubscribeEngine();
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
