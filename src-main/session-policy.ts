/**
 * The session's rules and the `app://` handler, as functions of the objects
 * Electron hands us, so they are tested with stand-ins (Electron types only).
 */
import type { Session } from 'electron'
import { readFile } from 'node:fs/promises'
import { resolveAppAsset } from './app-protocol'
import { originOf } from './ipc/sender'

/** Offline means offline: only our own origin, DevTools and in-page data/blob URLs load. */
export function isAllowedRequest(url: string, allowedOrigin: string): boolean {
  const origin = originOf(url)
  // In development the page is served by Vite, whose hot reload talks over a WebSocket to the same host.
  const devSocket = allowedOrigin.startsWith('http://') && origin === allowedOrigin.replace(/^http:/, 'ws:')
  return origin === allowedOrigin || devSocket || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')
}

/**
 * The one permission the app grants: `clipboard-sanitized-write`, which Chromium asks
 * for on `navigator.clipboard.writeText` (a chart table's Copy). Electron names it so
 * (electron/electron#37158); denying it made Copy fail with "Write permission denied".
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** Whether `permission`, asked by a page at `requestingUrl` (a URL or an origin), is granted: only ours, only the clipboard write. */
export function isGrantedPermission(permission: string, requestingUrl: string | undefined, allowedOrigin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && !!requestingUrl && originOf(requestingUrl) === allowedOrigin
}

/**
 * Denies every permission but the clipboard write asked by our own pages, and
 * cancels every request that leaves the app.
 */
export function lockDownSession(ses: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>, allowedOrigin: string): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isGrantedPermission(permission, details?.requestingUrl, allowedOrigin)))
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isGrantedPermission(permission, requestingOrigin, allowedOrigin))
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, allowedOrigin) }))
}

/**
 * The `app://g60` protocol handler: files of the renderer build, with the CSP
 * header, and 404 for anything outside it. Files are read directly rather than
 * through `net.fetch`, so the session's request filter (which cancels every
 * `file:` URL) never stands between the app and its own pages.
 */
export function appProtocolHandler(rendererRoot: string, read: (path: string) => Promise<Uint8Array> = readFile) {
  return async (request: { url: string }): Promise<Response> => {
    const asset = resolveAppAsset(rendererRoot, request.url)
    if (!asset) return new Response('Not found', { status: 404 })
    let body: Uint8Array
    try {
      body = await read(asset.path)
    } catch {
      return new Response('Not found', { status: 404 })
    }
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: asset.headers })
  }
}
