import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { WharfErrorInfo } from '../../../shared/errors';
import { appClient, type Client } from '../api';
import { startLiveList, type ListEvents } from './live-list';
import { resetOnEngineSwitch } from './engine-scope';
import { newestOnly } from './newest-only';
import { useEngineStore } from './engine-store';

export interface ListState<C extends Channel> {
  /** The input of the last list asked for (filters, `-a`): what the page's command line describes. */
  input: ChannelInput<C>;
  list: ChannelOutput<C> | null;
  /** Why the newest list failed; the list before it stays shown. Cleared by the next list that works. */
  listError: WharfErrorInfo | null;
  /** True while the first answer for the current input is awaited. */
  loading: boolean;
  /** Lists again with the current input (events, reconnects, after an action). */
  refresh(): Promise<void>;
  /** Lists with a new input; what was shown for the old one goes. */
  apply(input: ChannelInput<C>): Promise<void>;
}

export interface ListStoreOptions<C extends Channel> {
  channel: C;
  /** The input of the first list. */
  input: ChannelInput<C>;
  /** The Docker events that change the list while its page is shown. */
  events: ListEvents;
  /** The app's client unless given (a test's, over a fake transport). */
  client?: Client;
  /**
   * After its page's first visit, keep following the events while the page is hidden, so that the next visit shows
   * current rows at once (then reconciles with one list). For the lists users come back to (Images, Containers).
   */
  followWhenHidden?: boolean;
}

export type ListStore<C extends Channel> = UseBoundStore<StoreApi<ListState<C>>> & {
  /**
   * While the page is shown: lists now, and again when its events say the list changed (see live-list.ts).
   * `afterList` runs after each of these lists. Returns the stop function (with `followWhenHidden`, the lists
   * go on behind the hidden page, without `afterList`, until the engine is switched).
   */
  startSync(afterList?: () => void): () => void;
};

/**
 * One page's list of engine objects (`docker image ls`, `docker ps`…), live from Docker events. Overlapping lists
 * (events during a filter change) may answer out of order: only the newest answer is kept.
 */
export function createListStore<C extends Channel>({ channel, input, events, client, followWhenHidden = false }: ListStoreOptions<C>): ListStore<C> {
  const turn = newestOnly();
  // Looked up per call: the app's client is wired at startup, after the stores were created.
  const clientOf = (): Client => client ?? appClient();
  const store = create<ListState<C>>()((set, get) => ({
    input,
    list: null,
    listError: null,
    loading: false,

    async refresh() {
      const isNewest = turn();
      if (get().list === null) set({ loading: true });
      const answer = await clientOf().call(channel, get().input);
      if (!isNewest()) return;
      set(answer.ok ? { loading: false, list: answer.value, listError: null } : { loading: false, listError: answer.error });
    },

    async apply(next) {
      set({ input: next, list: null, listError: null });
      await get().refresh();
    },
  }));
  /** The live list (stop function) while it runs; `shown` is the page's afterList while the page is shown. */
  let following: (() => void) | undefined;
  let shown: { afterList?: () => void } | undefined;
  const follow = (): void => {
    following ??= startLiveList({
      ...events,
      client: clientOf(),
      refresh: async () => {
        const page = shown;
        await store.getState().refresh();
        if (page !== undefined && page === shown) page.afterList?.();
      },
    });
  };
  const unfollow = (): void => {
    following?.();
    following = undefined;
  };

  // Another engine: its list is not this one's, and an answer still coming from the old one is dropped.
  resetOnEngineSwitch(() => {
    turn();
    if (shown === undefined) unfollow();
    store.setState(store.getInitialState(), true);
  });

  const startSync = (afterList?: () => void): (() => void) => {
    const page = { afterList };
    shown = page;
    if (following === undefined) follow();
    // Followed while hidden: the rows are current already; one list reconciles them.
    else if (useEngineStore.getState().status?.state === 'connected') {
      void store
        .getState()
        .refresh()
        .then(() => {
          if (shown === page) afterList?.();
        });
    }
    return () => {
      if (shown === page) shown = undefined;
      if (!followWhenHidden) unfollow();
    };
  };
  return Object.assign(store, { startSync });
}
