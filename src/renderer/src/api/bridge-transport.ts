import type { Channel, ChannelInput, ChannelOutput, WharfBridge } from '../../../shared/contract';
import { errorEnvelope, type Envelope } from '../../../shared/errors';
import type { Transport } from './transport';

/** The preload's bridge, if this page runs inside the Electron window. */
export function findBridge(): WharfBridge | undefined {
  const candidate: unknown = Reflect.get(window, 'wharf');
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const api: unknown = Reflect.get(candidate, 'api');
  const onEvent: unknown = Reflect.get(candidate, 'onEvent');
  const streams: unknown = Reflect.get(candidate, 'streams');
  if (typeof api !== 'object' || api === null || typeof onEvent !== 'function' || typeof streams !== 'object' || streams === null) return undefined;
  return candidate as WharfBridge;
}

export function createBridgeTransport(bridge: WharfBridge): Transport {
  return {
    kind: 'bridge',
    // The window is the app's own: nothing to sign in to.
    signIn: () => Promise.resolve({ kind: 'signed-in' }),
    onSessionChange: () => () => undefined,
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
      try {
        return await bridge.api[channel](input);
      } catch (error) {
        // IPC itself failed (main crashed or refused the sender): not an answer from a handler.
        return errorEnvelope('failed', error instanceof Error ? error.message : String(error));
      }
    },
    subscribe(listener) {
      return bridge.onEvent(listener);
    },
    // IPC events cannot drop while the window lives.
    eventStreamState: () => 'open',
    onEventStreamConnection: () => () => undefined,
    streams: bridge.streams,
  };
}
