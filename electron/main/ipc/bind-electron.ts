/**
 * The only place Electron's IPC meets the router: one `ipcMain.handle` for every contract channel.
 * The contract channel travels inside the message, so Electron sees a single name.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE } from '../../contract/channels'
import type { Router, SenderInfo } from './router'

/** The sender as the router sees it; a frame that has gone away has no URL and is not trusted. */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderInfo {
  let url = ''
  try {
    url = event.senderFrame?.url ?? ''
  } catch {
    // A destroyed frame throws on access; an empty URL is refused by the trust check.
  }
  return { id: String(event.sender.id), url }
}

/** Registers the handler; returns a function that removes it. */
export function bindIpc(router: Pick<Router, 'handle'>): () => void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) =>
    router.handle(senderOf(event), channel, input),
  )
  return () => ipcMain.removeHandler(IPC_INVOKE)
}
