import { create } from 'zustand';
import type { WharfErrorInfo } from '../../../shared/errors';
import type { ImageDiskUsage, ImageListInput } from '../../../shared/images';
import { call } from '../api';
import { createListStore } from './list-store';
import { resetOnEngineSwitch } from './engine-scope';
import { newestOnly } from './newest-only';

export const EMPTY_INPUT: ImageListInput = { filters: {}, all: false };

/**
 * `docker image ls` with the filters of the last `apply`; image events and container ones (they change the per-image
 * container counts), followed behind the hidden page after a first visit (disk usage only while shown).
 */
export const useImagesStore = createListStore({ channel: 'images.list', input: EMPTY_INPUT, events: { types: ['image', 'container'] }, followWhenHidden: true });

interface ImageUsageStore {
  diskUsage: ImageDiskUsage | null;
  diskUsageError: WharfErrorInfo | null;
  /** Measures again; the last measurement stays shown meanwhile. */
  load(): Promise<void>;
}

const usageTurn = newestOnly();

/** Unique and shared size per image (`/system/df`): measured after the list, see images-sync.ts. */
export const useImageUsageStore = create<ImageUsageStore>()((set) => ({
  diskUsage: null,
  diskUsageError: null,

  async load() {
    const isNewest = usageTurn();
    const answer = await call('images.diskUsage', {});
    if (!isNewest()) return;
    set(answer.ok ? { diskUsage: answer.value, diskUsageError: null } : { diskUsageError: answer.error });
  },
}));

resetOnEngineSwitch(() => {
  usageTurn();
  useImageUsageStore.setState(useImageUsageStore.getInitialState(), true);
});
