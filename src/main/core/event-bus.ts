import type { WharfEvent } from '../../shared/events';

export type EventListener = (event: WharfEvent) => void;

export interface EventBus {
  emit(event: WharfEvent): void;
  subscribe(listener: EventListener): () => void;
}

/** A tiny synchronous fan-out; a throwing listener never stops the others. */
export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A broken transport must not break the core; it unsubscribes itself on close.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
