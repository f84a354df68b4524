import { create } from 'zustand';
import type { WharfErrorInfo } from '../../../shared/errors';
import type { VolumeList, VolumeUsage } from '../../../shared/volume-list';
import { call } from '../api';

interface VolumesStore {
  list: VolumeList | null;
  listError: WharfErrorInfo | null;
  loading: boolean;
  usage: VolumeUsage | null;
  usageError: WharfErrorInfo | null;
  refresh(): Promise<void>;
  loadUsage(): Promise<void>;
}

let listGeneration = 0;
let usageGeneration = 0;

export const useVolumesStore = create<VolumesStore>()((set, get) => ({
  list: null,
  listError: null,
  loading: false,
  usage: null,
  usageError: null,

  async refresh() {
    // Overlapping lists (a burst of events): only the newest answer is kept.
    const mine = ++listGeneration;
    if (get().list === null) set({ loading: true });
    const answer = await call('volumes.list', {});
    if (mine !== listGeneration) return;
    set(answer.ok ? { loading: false, list: answer.value, listError: null } : { loading: false, listError: answer.error });
  },

  async loadUsage() {
    const mine = ++usageGeneration;
    set({ usage: null, usageError: null });
    const answer = await call('volumes.usage', {});
    if (mine !== usageGeneration) return;
    set(answer.ok ? { usage: answer.value, usageError: null } : { usageError: answer.error });
  },
}));
