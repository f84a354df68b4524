import { create } from 'zustand';
import type { EngineStatus } from '../../../shared/engine';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api';

interface EngineStore {
  status: EngineStatus | null;
  /** Why engine.status itself failed (e.g. the Wharf server is down), not the engine's own state. */
  loadError: WharfErrorInfo | null;
  retrying: boolean;
  applyStatus(status: EngineStatus): void;
  load(): Promise<void>;
  reconnect(): Promise<void>;
}

/** A status answered by a call may race an engine.state event: the later state change wins. */
function isNewer(next: EngineStatus, current: EngineStatus | null): boolean {
  return current === null || next.since >= current.since;
}

export const useEngineStore = create<EngineStore>()((set, get) => ({
  status: null,
  loadError: null,
  retrying: false,

  applyStatus(status) {
    if (isNewer(status, get().status)) set({ status, loadError: null });
  },

  async load() {
    const envelope = await call('engine.status', {});
    if (envelope.ok) get().applyStatus(envelope.value);
    else set({ loadError: envelope.error });
  },

  async reconnect() {
    if (get().retrying) return;
    set({ retrying: true });
    try {
      const envelope = await call('engine.reconnect', {});
      if (envelope.ok) get().applyStatus(envelope.value);
      else set({ loadError: envelope.error });
    } finally {
      set({ retrying: false });
    }
  },
}));
