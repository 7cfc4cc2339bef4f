import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

type Env = Readonly<Record<string, string | undefined>>

/**
 * The URL of the app's own renderer: electron-vite's dev server in development, the built
 * out/renderer/index.html otherwise. A packaged app ignores the dev variable, so an environment
 * variable can never point the trusted window at another page.
 */
export function rendererUrl(options: { env: Env; isPackaged: boolean; mainDir: string }): string {
  const dev = options.env.ELECTRON_RENDERER_URL?.trim()
  if (dev && !options.isPackaged) return dev
  return pathToFileURL(join(options.mainDir, '../renderer/index.html')).href
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Percent-encoding and a Windows drive letter's case vary between Node and Chromium. */
function filePath(url: URL): string {
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    path = url.pathname
  }
  return path.replace(/^\/([a-z]):/i, (_, drive: string) => `/${drive.toLowerCase()}:`)
}

/**
 * Whether `candidate` is a page of the app itself. For the built file the document must be that
 * very file (the query and the router's hash may vary); for the dev server, its origin.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  const target = parse(candidate)
  const app = parse(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && filePath(target) === filePath(app)
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin
  return false
}
