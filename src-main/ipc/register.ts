import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNELS } from '../../src-shared/ipc-contract'
import type { Gateway } from './gateway'
import type { SenderInfo } from './sender'

/** Reduces Electron's event to what the gateway's trust check needs. */
export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame
  return {
    webContentsId: event.sender.id,
    isMainFrame: frame !== null && frame.parent === null,
    url: frame?.url ?? '',
  }
}

/** Registers every contract channel with `ipcMain`, all through the gateway. */
export function registerIpc(ipcMain: IpcMain, gateway: Gateway): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => gateway.handle(channel, senderOf(event), args))
  }
}
