import { appClient, type Client } from '../api';
import { debounce } from './debounce';
import { useEngineStore } from './engine-store';

/** Container events that change no list's columns: what a container mounts, where it is attached, its image or state. */
export const QUIET_CONTAINER_ACTIONS = /^(exec_|health_status|attach|resize|top|archive-path|extract-to-dir|commit|copy|export)/;

/** Which Docker events change a list, and how long a burst of them is waited out. */
export interface ListEvents {
  /** The Docker event types that change the list. */
  types: readonly string[];
  /** Container events with these actions are ignored (default: QUIET_CONTAINER_ACTIONS). */
  quietContainerActions?: RegExp;
  waitMs?: number;
  maxWaitMs?: number;
}

export interface LiveListOptions extends ListEvents {
  refresh(): Promise<void>;
  /** The app's client unless given (a test's, over a fake transport). */
  client?: Client;
}

function isConnected(): boolean {
  return useEngineStore.getState().status?.state === 'connected';
}

/** How long a list waits for the event stream to open before it goes ahead without it. */
const STREAM_WAIT_MS = 1500;

/**
 * While a page is shown: list when connected, list again (debounced) on the Docker events of `types`, when the engine
 * reconnects, and when the event stream (re)opens. A list waits for the stream to be open (briefly), so that no event
 * falls between the list and the stream, and a list started while the stream is open is not repeated when it opens.
 * No polling. Returns the stop function.
 */
export function startLiveList({ types, quietContainerActions = QUIET_CONTAINER_ACTIONS, refresh, waitMs = 300, maxWaitMs = 700, client = appClient() }: LiveListOptions): () => void {
  const relevant = new Set(types);
  /** Counts the event stream's openings; a list made while the stream was open at opening N saw every event since. */
  let opening = 0;
  let listedAtOpening = -1;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    clearTimeout(waiting);
    waiting = undefined;
    if (!isConnected()) return;
    listedAtOpening = client.eventStreamState() === 'open' ? opening : -1;
    void refresh();
  };
  const list = (): void => {
    if (!isConnected()) return;
    if (client.eventStreamState() === 'open') run();
    else waiting ??= setTimeout(run, STREAM_WAIT_MS);
  };
  const relist = debounce(list, waitMs, maxWaitMs);

  list();
  const unsubscribeEngine = useEngineStore.subscribe((state, previous) => {
    if (state.status?.state === 'connected' && previous.status?.state !== 'connected') list();
  });
  const unsubscribeEvents = client.subscribeEvents((event) => {
    if (event.type !== 'docker.event' || !relevant.has(event.event.Type)) return;
    if (event.event.Type === 'container' && quietContainerActions.test(event.event.Action)) return;
    relist();
  });
  // Events may have been missed while the stream was down or before it first opened.
  const unsubscribeConnection = client.onEventStreamConnection((state) => {
    if (state !== 'open') return;
    opening += 1;
    if (listedAtOpening !== opening) run();
  });
  return () => {
    clearTimeout(waiting);
    relist.cancel();
    unsubscribeEngine();
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
