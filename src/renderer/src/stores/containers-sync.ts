import { onEventStreamConnection, subscribeEvents } from '../api';
import { debounce } from './debounce';
import { useContainersStore } from './containers-store';
import { useEngineStore } from './engine-store';

/** Container events that change no column of the list (health_status does: the status shows it). */
const IGNORED_ACTIONS = /^(exec_|attach|resize|top|archive-path|extract-to-dir|commit|copy|export)/;
const LIST_DEBOUNCE_MS = 250;
const LIST_MAX_WAIT_MS = 600;

function isConnected(): boolean {
  return useEngineStore.getState().status?.state === 'connected';
}

/**
 * While the Containers page is shown: list when connected, relist (debounced) on container events and when the
 * event stream (re)opens. No polling. Returns the stop function.
 */
export function startContainersSync(): () => void {
  const store = useContainersStore.getState;
  const relist = debounce(() => {
    if (isConnected()) void store().refresh();
  }, LIST_DEBOUNCE_MS, LIST_MAX_WAIT_MS);

  if (isConnected()) void store().refresh();

  const unsubscribeEngine = useEngineStore.subscribe((state, previous) => {
    if (state.status?.state === 'connected' && previous.status?.state !== 'connected') void store().refresh();
  });
  const unsubscribeEvents = subscribeEvents((event) => {
    if (event.type !== 'docker.event' || event.event.Type !== 'container' || IGNORED_ACTIONS.test(event.event.Action)) return;
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
