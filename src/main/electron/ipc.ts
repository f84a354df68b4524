import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { STREAM_IPC } from '../../shared/streams';
import type { StreamConnection } from '../core/streams/stream-hub';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/contract';
import { errorEnvelope } from '../../shared/errors';
import type { Core } from '../core/create-core';
import { isTrustedSender } from './sender-check';

function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): { frameUrl: string | undefined; isTopFrame: boolean } {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url, isTopFrame: frame !== null && frame !== undefined && frame.parent === null };
}

/** One handler per contract channel; each checks the sender frame before the core validates the input. */
export function registerIpc(ipcMain: IpcMain, core: Core, appUrl: string): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event, input: unknown) => {
      if (!isTrustedSender(senderOf(event), appUrl)) return errorEnvelope('permission-denied', 'IPC call from an untrusted frame');
      return core.invoke(channel, input ?? {});
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}

/** Core events go to the app window only, over the one event channel. */
export function forwardEvents(core: Core, window: BrowserWindow): () => void {
  return core.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}

/**
 * Streams (logs…) for the app window: open, write and close arrive as one-way IPC messages from the trusted
 * frame, data goes back on STREAM_IPC.event to the window that opened the stream. A window that goes away
 * closes its streams.
 */
export function registerStreams(ipcMain: IpcMain, core: Core, appUrl: string): () => void {
  const connections = new Map<WebContents, StreamConnection>();
  const connectionOf = (event: IpcMainEvent): StreamConnection | undefined => {
    if (!isTrustedSender(senderOf(event), appUrl)) return undefined;
    const contents = event.sender;
    let connection = connections.get(contents);
    if (!connection) {
      const created = core.connectStreams({
        send: (message) => {
          if (!contents.isDestroyed()) contents.send(STREAM_IPC.event, message);
        },
        // IPC has no send buffer to watch; the renderer batches on its side.
        congested: () => false,
      });
      connections.set(contents, created);
      contents.once('destroyed', () => {
        created.closeAll();
        connections.delete(contents);
      });
      connection = created;
    }
    return connection;
  };
  const onOpen = (event: IpcMainEvent, sid: unknown, name: unknown, input: unknown): void => connectionOf(event)?.open(sid, name, input);
  const onWrite = (event: IpcMainEvent, sid: unknown, data: unknown): void => connectionOf(event)?.write(sid, data);
  const onClose = (event: IpcMainEvent, sid: unknown): void => connectionOf(event)?.close(sid);
  ipcMain.on(STREAM_IPC.open, onOpen);
  ipcMain.on(STREAM_IPC.write, onWrite);
  ipcMain.on(STREAM_IPC.close, onClose);
  return () => {
    ipcMain.removeListener(STREAM_IPC.open, onOpen);
    ipcMain.removeListener(STREAM_IPC.write, onWrite);
    ipcMain.removeListener(STREAM_IPC.close, onClose);
    for (const connection of connections.values()) connection.closeAll();
    connections.clear();
  };
}
