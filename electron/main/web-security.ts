/**
 * Hardening shared by every window: secure webPreferences, and web contents that cannot navigate
 * away, open windows or attach webviews.
 */
import type { WebContents, WebPreferences } from 'electron'

/** No Node in any renderer; the preload runs sandboxed and talks only through contextBridge. */
export function secureWebPreferences(preload?: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Red squiggles under pinyin and names help no one at a service counter.
    spellcheck: false,
    ...(preload ? { preload } : {}),
  }
}

export interface NavigationPolicy {
  /** Navigations to these URLs go ahead; every other one is cancelled. */
  allow: (url: string) => boolean
  /** Told about each cancelled navigation (the startup-error window turns its links into actions). */
  onRefused?: (url: string) => void
}

export function hardenWebContents(contents: WebContents, policy: NavigationPolicy): void {
  const guard = (event: { preventDefault(): void; url?: string }, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? ''
    if (policy.allow(url)) return
    event.preventDefault()
    policy.onRefused?.(url)
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
