/**
 * Bridges a Chromium page to the real service container, as Electron's IPC would: the built
 * preload bundle (out/preload/index.cjs) runs in the page unchanged, with `require('electron')`
 * answered by a shim whose ipcRenderer.invoke goes to `page.exposeBinding`. Only the transport is
 * swapped; the preload's api factory, the router, the services and the database are the real ones.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { Router } from '../../../electron/main/ipc/router'

export const BINDING = '__stationInvoke'

/** The init script: the preload bundle wrapped in a CommonJS scope with the electron shim. */
export function preloadInitScript(preloadFile: string): string {
  const code = readFileSync(preloadFile, 'utf8')
  return `(() => {
  const electronShim = {
    contextBridge: {
      exposeInMainWorld(key, value) {
        Object.defineProperty(window, key, { value: Object.freeze(value), enumerable: true })
      },
    },
    ipcRenderer: {
      invoke(_ipcChannel, channel, input) {
        return window.${BINDING}(channel, input)
      },
    },
  }
  const module = { exports: {} }
  const exports = module.exports
  const require = (name) => {
    if (name === 'electron') return electronShim
    throw new Error('the preload may require only electron, not ' + name)
  }
  ${code}
})()`
}

/** Installs the binding and the preload; call before the first navigation. */
export async function bridgePage(page: Page, router: Router, preloadFile: string, senderId = 'e2e-main-window') {
  await page.exposeBinding(BINDING, (source, channel: unknown, input: unknown) =>
    router.handle({ id: senderId, url: source.frame.url() }, channel, input),
  )
  await page.addInitScript({ content: preloadInitScript(preloadFile) })
}
