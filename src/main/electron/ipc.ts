import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/contract';
import { errorEnvelope } from '../../shared/errors';
import type { Core } from '../core/create-core';
import { isTrustedSender } from './sender-check';

function senderOf(event: IpcMainInvokeEvent): { frameUrl: string | undefined; isTopFrame: boolean } {
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
