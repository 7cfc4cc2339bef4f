/**
 * The session the hidden print windows run in. It is not the app's session: a print page gets no
 * cookies or storage of the app's, no permission, and no request except the document being
 * printed and the shipped font files. The page's own CSP says the same; this is the second lock.
 */
import { isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { session as electronSession, type Session } from 'electron'

/** Not `persist:`: nothing a print page could store outlives the app. */
export const PRINT_PARTITION = 'print'

function normalised(path: string): string {
  const full = resolve(path)
  // Windows paths compare case-insensitively; a file URL may spell the drive or folders otherwise.
  return process.platform === 'win32' ? full.toLowerCase() : full
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(normalised(folder), path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** Whether a print page may load `url`: one of the documents being printed, or a shipped font file. */
export function isAllowedPrintUrl(url: string, documents: ReadonlySet<string>, fontDirs: readonly string[]): boolean {
  if (!/^file:/i.test(url)) return false
  let path: string
  try {
    path = normalised(fileURLToPath(url))
  } catch {
    return false
  }
  if (documents.has(path)) return true
  return fontDirs.some((dir) => isInside(dir, path))
}

export interface PrintSession {
  readonly partition: string
  /** Lets the page at `path` load until `forgetDocument`. */
  allowDocument(path: string): void
  forgetDocument(path: string): void
  /**
   * Resolves once no allowed request has been under way for `quietMs` (font files a page asks for
   * while it is laid out), or after `maxMs` whatever is still loading.
   */
  settled(options: { quietMs: number; maxMs: number }): Promise<void>
}

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

export function createPrintSession(fontDirs: readonly string[], partition = PRINT_PARTITION): PrintSession {
  const documents = new Set<string>()
  const inFlight = new Set<number>()
  let configured: Session | null = null

  // The session exists only once the app is ready, so it is set up at the first job, not at import.
  const configure = (): void => {
    if (configured) return
    const session = electronSession.fromPartition(partition)
    session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.setPermissionCheckHandler(() => false)
    session.webRequest.onBeforeRequest((details, callback) => {
      const allowed = isAllowedPrintUrl(details.url, documents, fontDirs)
      if (allowed) inFlight.add(details.id)
      callback({ cancel: !allowed })
    })
    session.webRequest.onCompleted((details) => void inFlight.delete(details.id))
    session.webRequest.onErrorOccurred((details) => void inFlight.delete(details.id))
    configured = session
  }

  return {
    partition,
    allowDocument(path) {
      configure()
      documents.add(normalised(path))
    },
    forgetDocument(path) {
      documents.delete(normalised(path))
      // Jobs run one at a time: with no page open, nothing still counts as loading.
      if (documents.size === 0) inFlight.clear()
    },
    async settled({ quietMs, maxMs }) {
      const deadline = Date.now() + maxMs
      let quietSince = inFlight.size === 0 ? Date.now() : null
      while (Date.now() < deadline) {
        if (inFlight.size > 0) quietSince = null
        else if (quietSince === null) quietSince = Date.now()
        if (quietSince !== null && Date.now() - quietSince >= quietMs) return
        await delay(Math.min(25, Math.max(1, quietMs)))
      }
    },
  }
}
