/**
 * The bridge: exactly the contract's methods (one per channel) and one event subscription. No ipcRenderer,
 * no process, no require reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX, type WharfApi, type WharfBridge } from '../shared/contract';
import type { WharfEvent } from '../shared/events';

const api = Object.freeze(
  Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + channel, input)])),
) as WharfApi;

const bridge: WharfBridge = {
  api,
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: WharfEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('wharf', bridge);
