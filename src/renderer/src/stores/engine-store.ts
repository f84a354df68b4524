import { create } from 'zustand';
import type { EngineStatus } from '../../../shared/engine';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api';

interface EngineStore {
  status: EngineStatus | null;
  /** Counts engine switches: pages keyed by it start afresh on the new engine. */
  generation: number;
  /** The last switch, until the user dismisses its notice. */
  lastSwitch: { from: string; to: string; closedStreams: number } | null;
  dismissSwitch(): void;
  /** Why engine.status itself failed (e.g. the Wharf server is down), not the engine's own state. */
  loadError: WharfErrorInfo | null;
  retrying: boolean;
  applyStatus(status: EngineStatus): void;
  /** Wharf now uses another engine: its first state replaces the old engine's, whatever their times. */
  switched(status: EngineStatus, from: string, closedStreams: number): void;
  load(): Promise<void>;
  reconnect(): Promise<void>;
}

/** The name of the engine a status is about (the docker context Wharf uses). */
export function engineNameOf(status: EngineStatus | null): string | undefined {
  return status?.endpoint.contextName;
}

/** A status answered by a call may race an engine.state event: the later state change wins. */
function isNewer(next: EngineStatus, current: EngineStatus | null): boolean {
  return current === null || next.since >= current.since;
}

export const useEngineStore = create<EngineStore>()((set, get) => ({
  status: null,
  generation: 0,
  lastSwitch: null,
  loadError: null,
  retrying: false,

  applyStatus(status) {
    if (isNewer(status, get().status)) set({ status, loadError: null });
  },

  switched(status, from, closedStreams) {
    const to = engineNameOf(status) ?? '';
    set({ status, loadError: null, generation: get().generation + 1, lastSwitch: { from, to, closedStreams } });
  },

  dismissSwitch() {
    set({ lastSwitch: null });
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
