import { create } from 'zustand';
import type { WharfErrorInfo } from '../../../shared/errors';
import type { NetworkList } from '../../../shared/network-list';
import { call } from '../api';

interface NetworksStore {
  list: NetworkList | null;
  listError: WharfErrorInfo | null;
  loading: boolean;
  refresh(): Promise<void>;
}

let listGeneration = 0;

export const useNetworksStore = create<NetworksStore>()((set, get) => ({
  list: null,
  listError: null,
  loading: false,

  async refresh() {
    const mine = ++listGeneration;
    if (get().list === null) set({ loading: true });
    const answer = await call('networks.list', {});
    if (mine !== listGeneration) return;
    set(answer.ok ? { loading: false, list: answer.value, listError: null } : { loading: false, listError: answer.error });
  },
}));
