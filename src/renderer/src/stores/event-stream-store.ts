import { create } from 'zustand';
import type { EventStreamState } from '../api';

interface EventStreamStore {
  state: EventStreamState;
  setState(state: EventStreamState): void;
}

/** Whether main's events reach us (always open in the desktop app; web mode reconnects). Set by startAppSync. */
export const useEventStreamStore = create<EventStreamStore>()((set) => ({
  state: 'connecting',
  setState: (state) => set({ state }),
}));
