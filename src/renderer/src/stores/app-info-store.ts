import { create } from 'zustand';
import type { AppInfo } from '../../../shared/channels/engine';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api';

interface AppInfoStore {
  info: AppInfo | null;
  error: WharfErrorInfo | null;
  load(): Promise<void>;
}

/** app.info never changes while the app runs: loaded once, on the first visit to Settings. */
export const useAppInfoStore = create<AppInfoStore>()((set, get) => ({
  info: null,
  error: null,
  async load() {
    if (get().info) return;
    const envelope = await call('app.info', {});
    set(envelope.ok ? { info: envelope.value, error: null } : { error: envelope.error });
  },
}));
