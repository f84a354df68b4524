import { create } from 'zustand';
import type { DiskUsageSummary } from '../../../shared/disk-usage';
import type { EngineFacts } from '../../../shared/engine';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api';
import { resetOnEngineSwitch } from './engine-scope';
import { newestOnly } from './newest-only';

interface DashboardStore {
  facts: EngineFacts | null;
  df: DiskUsageSummary | null;
  factsError: WharfErrorInfo | null;
  dfError: WharfErrorInfo | null;
  /** True until the first answer of each kind arrived. */
  loading: boolean;
  refresh(): Promise<void>;
}

const turn = newestOnly();

export const useDashboardStore = create<DashboardStore>()((set, get) => ({
  facts: null,
  df: null,
  factsError: null,
  dfError: null,
  loading: false,

  async refresh() {
    // Overlapping refreshes: only the answers of the newest one are kept.
    const isNewest = turn();
    if (get().facts === null && get().df === null) set({ loading: true });
    const [facts, df] = await Promise.all([call('engine.facts', {}), call('system.df', {})]);
    if (!isNewest()) return;
    set({
      loading: false,
      ...(facts.ok ? { facts: facts.value, factsError: null } : { factsError: facts.error }),
      ...(df.ok ? { df: df.value, dfError: null } : { dfError: df.error }),
    });
  },
}));

resetOnEngineSwitch(() => {
  turn();
  useDashboardStore.setState(useDashboardStore.getInitialState(), true);
});
