import { onEventStreamConnection, subscribeEvents } from '../api';
import { debounce } from './debounce';
import { useEngineStore } from './engine-store';

/** Container events that change no list's columns: what a container mounts, where it is attached, its image or state. */
export const QUIET_CONTAINER_ACTIONS = /^(exec_|health_status|attach|resize|top|archive-path|extract-to-dir|commit|copy|export)/;

export interface LiveListOptions {
  /** The Docker event types that change the list. */
  types: readonly string[];
  /** Container events with these actions are ignored (default: QUIET_CONTAINER_ACTIONS). */
  quietContainerActions?: RegExp;
  refresh(): Promise<void>;
  waitMs?: number;
  maxWaitMs?: number;
}

function isConnected(): boolean {
  return useEngineStore.getState().status?.state === 'connected';
}

/**
 * While a page is shown: list when connected, list again (debounced) on the Docker events of `types`, and after the
 * engine reconnects or the event stream reopens. No polling. Returns the stop function.
 */
export function startLiveList({ types, quietContainerActions = QUIET_CONTAINER_ACTIONS, refresh, waitMs = 300, maxWaitMs = 700 }: LiveListOptions): () => void {
  const relevant = new Set(types);
  const relist = debounce(
    () => {
      if (isConnected()) void refresh();
    },
    waitMs,
    maxWaitMs,
  );

  if (isConnected()) void refresh();
  const unsubscribeEngine = useEngineStore.subscribe((state, previous) => {
    if (state.status?.state === 'connected' && previous.status?.state !== 'connected') void refresh();
  });
  const unsubscribeEvents = subscribeEvents((event) => {
    if (event.type !== 'docker.event' || !relevant.has(event.event.Type)) return;
    if (event.event.Type === 'container' && quietContainerActions.test(event.event.Action)) return;
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
