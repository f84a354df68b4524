import { create } from 'zustand';
import { eventStreamState, type EventStreamState } from '../api';

interface EventStreamStore {
  state: EventStreamState;
  setState(state: EventStreamState): void;
}

/** Whether main's events reach us (always open in the desktop app; web mode reconnects). */
export const useEventStreamStore = create<EventStreamStore>()((set) => ({
  state: eventStreamState(),
  setState: (state) => set({ state }),
}));
