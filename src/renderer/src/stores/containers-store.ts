import { create } from 'zustand';
import type { ContainerList } from '../../../shared/container-list';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api';

interface ContainersStore {
  /** `-a`: stopped containers too. */
  all: boolean;
  list: ContainerList | null;
  listError: WharfErrorInfo | null;
  /** True while the first answer for the current `all` is awaited. */
  loading: boolean;
  /** Lists again (events, reconnects). */
  refresh(): Promise<void>;
  setAll(all: boolean): Promise<void>;
}

let generation = 0;

export const useContainersStore = create<ContainersStore>()((set, get) => ({
  all: false,
  list: null,
  listError: null,
  loading: false,

  async refresh() {
    // Overlapping lists (events during a toggle): only the newest answer is kept.
    const mine = ++generation;
    if (get().list === null) set({ loading: true });
    const answer = await call('containers.list', { all: get().all });
    if (mine !== generation) return;
    set(answer.ok ? { loading: false, list: answer.value, listError: null } : { loading: false, listError: answer.error });
  },

  async setAll(all) {
    set({ all, list: null, listError: null });
    await get().refresh();
  },
}));
