/**
 * Sandboxed preload: exposes exactly one object, `window.station`, built by the contract's api
 * factory over Electron's IPC. It may use only contextBridge and ipcRenderer: the end-to-end
 * harness runs this very bundle in plain Chromium with a shim for those two.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createBridgeApi, type BridgeApi, type Transport } from '../contract/api'
import { IPC_INVOKE } from '../contract/channels'

const transport: Transport = (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input)

const api = createBridgeApi(transport) satisfies BridgeApi

contextBridge.exposeInMainWorld('station', api)
