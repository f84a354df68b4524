/**
 * The bridge: exactly the contract's methods (one per channel) and one event subscription. No ipcRenderer,
 * no process, no require reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX, type WharfApi, type WharfBridge } from '../shared/contract';
import type { WharfEvent } from '../shared/events';
import { STREAM_IPC, type StreamServerMessage } from '../shared/streams';

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
  streams: {
    open: (sid, name, input) => ipcRenderer.send(STREAM_IPC.open, sid, name, input),
    write: (sid, data) => ipcRenderer.send(STREAM_IPC.write, sid, data),
    close: (sid) => ipcRenderer.send(STREAM_IPC.close, sid),
    onMessage(listener) {
      const handler = (_event: IpcRendererEvent, message: StreamServerMessage): void => listener(message);
      ipcRenderer.on(STREAM_IPC.event, handler);
      return () => {
        ipcRenderer.removeListener(STREAM_IPC.event, handler);
      };
    },
  },
};

contextBridge.exposeInMainWorld('wharf', bridge);
