import type { Transport } from './transport';
import { webCall } from './web-call';
import { createEventSocket } from './web-events';

export function createWebTransport(): Transport {
  const events = createEventSocket();
  return {
    kind: 'web',
    call: webCall,
    subscribe: (listener) => events.subscribe(listener),
    eventStreamState: () => events.state(),
    onEventStreamConnection: (listener) => events.onConnection(listener),
    streams: events.streams,
  };
}
