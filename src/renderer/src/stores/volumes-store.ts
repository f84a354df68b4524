import { create } from 'zustand';
import type { WharfErrorInfo } from '../../../shared/errors';
import type { VolumeUsage } from '../../../shared/volume-list';
import { call } from '../api';
import { createListStore } from './list-store';
import { resetOnEngineSwitch } from './engine-scope';
import { newestOnly } from './newest-only';

/** `docker volume ls`, live from volume and container events. Sizes are measured on demand (useVolumeUsageStore). */
export const useVolumesStore = createListStore({ channel: 'volumes.list', input: {}, events: { types: ['volume', 'container'] } });

interface VolumeUsageStore {
  usage: VolumeUsage | null;
  usageError: WharfErrorInfo | null;
  /** Measures every volume's size (the page's button); the old sizes go meanwhile. */
  load(): Promise<void>;
}

const usageTurn = newestOnly();

/** Kept in a store so that sizes measured once stay shown when the user comes back to the page. */
export const useVolumeUsageStore = create<VolumeUsageStore>()((set) => ({
  usage: null,
  usageError: null,

  async load() {
    const isNewest = usageTurn();
    set({ usage: null, usageError: null });
    const answer = await call('volumes.usage', {});
    if (!isNewest()) return;
    set(answer.ok ? { usage: answer.value, usageError: null } : { usageError: answer.error });
  },
}));

resetOnEngineSwitch(() => {
  usageTurn();
  useVolumeUsageStore.setState(useVolumeUsageStore.getInitialState(), true);
});
