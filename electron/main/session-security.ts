import type { Session } from 'electron'

/**
 * The CSP sent with http(s) responses, i.e. the dev server's pages (the built index.html carries
 * its own meta CSP for file://). Element Plus sets inline styles, hence 'unsafe-inline' for
 * styles only; Vite's hot reload needs its websocket.
 */
export function contentSecurityPolicy(appUrl: string): string {
  let socket = ''
  try {
    const url = new URL(appUrl)
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      socket = ` ${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`
    }
  } catch {
    // Not a URL: no extra connect source.
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${socket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** No camera, location, notifications or anything else: the app asks for no permission. */
export function applySessionSecurity(session: Session, appUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  const policy = contentSecurityPolicy(appUrl)
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!/^https?:/i.test(details.url)) return callback({})
    const headers = { ...details.responseHeaders }
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name]
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } })
  })
}
