/**
 * How the app's own pages are served: `app://g60/<path>` maps to a file in the
 * renderer build, never outside it. Used by Electron's protocol handler and by
 * the browser-test harness, so both serve the same files with the same headers.
 */
import { extname, join, normalize, sep } from 'node:path'

/** The privileged scheme the app's pages are served from (`app://g60/…`), registered before `ready`. */
export const APP_SCHEME = 'app'
/** The one host under `app:`; a request for any other host is refused. */
export const APP_HOST = 'g60'
/** The pages' origin, `app://g60`: the only origin IPC senders and navigations may have. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The URL the main window loads. */
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * The page's Content Security Policy. Scripts only from our origin, no eval.
 * `style-src 'unsafe-inline'` is needed because ECharts writes its tooltips as
 * HTML strings with inline `style` attributes; styles cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
}

/** A request mapped to a file of the renderer build: its absolute path, MIME type and response headers (CSP included for HTML). */
export interface ResolvedAsset {
  path: string
  mimeType: string
  headers: Record<string, string>
}

/** A `..` segment, plain or percent-encoded, in a raw URL. */
const DOT_DOT_SEGMENT = /(^|[/\\])(\.|%2e){2}([/\\?#]|$)/i

/** Maps a request URL to a file under `root`, or `null` if it must be refused. */
export function resolveAppAsset(root: string, requestUrl: string, origin = APP_ORIGIN): ResolvedAsset | null {
  // The URL parser would quietly collapse `..` to the root; a page of ours never asks for one, so refuse it.
  if (DOT_DOT_SEGMENT.test(requestUrl)) return null
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (`${url.protocol}//${url.host}` !== origin) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.split(/[/\\]/).includes('..')) return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const rel = normalize(pathname).replace(/^([/\\])+/, '')
  if (rel.startsWith('..') || rel.split(/[/\\]/).includes('..')) return null
  const full = join(root, rel)
  const rootWithSep = root.endsWith(sep) ? root : root + sep
  if (!full.startsWith(rootWithSep)) return null
  const mimeType = MIME[extname(full).toLowerCase()] ?? 'application/octet-stream'
  return {
    path: full,
    mimeType,
    headers: {
      'content-type': mimeType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  }
}
