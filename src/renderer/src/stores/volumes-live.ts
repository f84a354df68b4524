import { onEventStreamConnection, subscribeEvents } from '../api';
import { debounce } from './debounce';
import { useEngineStore } from './engine-store';

const LIST_DEBOUNCE_MS = 300;
const LIST_MAX_WAIT_MS = 700;
/** Container events that change neither what a container mounts, where it is attached, nor its state (shown per container). */
const IGNORED_ACTIONS = /^(exec_|health_status|attach|resize|top|archive-path|extract-to-dir|commit)/;

function isConnected(): boolean {
  return useEngineStore.getState().status?.state === 'connected';
}

/**
 * While a page is shown: list when connected, list again (debounced) on the Docker events of `types`
 * and on container create/destroy, and after the event stream reconnects. No polling. Returns the stop function.
 */
export function startLiveList(types: readonly string[], refresh: () => Promise<void>): () => void {
  const relevant = new Set([...types, 'container']);
  const relist = debounce(() => {
    if (isConnected()) void refresh();
  }, LIST_DEBOUNCE_MS, LIST_MAX_WAIT_MS);

  if (isConnected()) void refresh();
  const unsubscribeEngine = useEngineStore.subscribe((state, previous) => {
    if (state.status?.state === 'connected' && previous.status?.state !== 'connected') void refresh();
  });
  const unsubscribeEvents = subscribeEvents((event) => {
    if (event.type !== 'docker.event' || !relevant.has(event.event.Type)) return;
    if (event.event.Type === 'container' && IGNORED_ACTIONS.test(event.event.Action)) return;
    relist();
  });
  const unsubscribeConnection = onEventStreamConnection((state) => {
    if (state === 'open') relist();
  });
  return () => {
    relist.cancel();
    unsubscribeEngine();
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
