import { create } from 'zustand';
import type { WharfErrorInfo } from '../../../shared/errors';
import type { ImageDiskUsage, ImageList, ImageListInput } from '../../../shared/images';
import { call } from '../api';

interface ImagesStore {
  /** The filters of the last list asked for (what `command` describes). */
  input: ImageListInput;
  list: ImageList | null;
  listError: WharfErrorInfo | null;
  /** True while the first answer for the current filters is awaited. */
  loading: boolean;
  diskUsage: ImageDiskUsage | null;
  diskUsageError: WharfErrorInfo | null;
  /** Lists again with the current filters (events, reconnects). */
  refresh(): Promise<void>;
  /** Lists with new filters. */
  apply(input: ImageListInput): Promise<void>;
  loadDiskUsage(): Promise<void>;
}

let listGeneration = 0;
let usageGeneration = 0;

export const EMPTY_INPUT: ImageListInput = { filters: {}, all: false };

export const useImagesStore = create<ImagesStore>()((set, get) => ({
  input: EMPTY_INPUT,
  list: null,
  listError: null,
  loading: false,
  diskUsage: null,
  diskUsageError: null,

  async refresh() {
    // Overlapping lists (events during a filter change): only the newest answer is kept.
    const mine = ++listGeneration;
    const input = get().input;
    if (get().list === null) set({ loading: true });
    const answer = await call('images.list', input);
    if (mine !== listGeneration) return;
    set(answer.ok ? { loading: false, list: answer.value, listError: null } : { loading: false, listError: answer.error });
  },

  async apply(input) {
    set({ input, list: null, listError: null });
    await get().refresh();
  },

  async loadDiskUsage() {
    const mine = ++usageGeneration;
    const answer = await call('images.diskUsage', {});
    if (mine !== usageGeneration) return;
    set(answer.ok ? { diskUsage: answer.value, diskUsageError: null } : { diskUsageError: answer.error });
  },
}));
