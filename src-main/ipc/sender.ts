/**
 * Who sent an IPC message, reduced to what the trust check needs. Electron's
 * glue and the browser-test harness both build one of these.
 */
export interface SenderInfo {
  /** The id of the sending WebContents. */
  webContentsId: number
  /** True when the message came from the top frame, not an iframe. */
  isMainFrame: boolean
  /** The URL of the sending frame. */
  url: string
}

/** What a sender must match to be trusted: one of our windows, and an origin we serve. */
export interface TrustPolicy {
  /** Whether the WebContents belongs to one of our windows. */
  isKnownWebContents(id: number): boolean
  /** Origins our pages are served from, e.g. `app://g60`. */
  allowedOrigins: readonly string[]
}

/**
 * `URL.origin` is "null" for schemes Node does not know (like `app:`), so the
 * origin is rebuilt from protocol and host.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.host ? `${u.protocol}//${u.host}` : null
  } catch {
    return null
  }
}

/** Checks an IPC sender against `policy`: a known window, its main frame, an allowed origin. Returns the first reason it fails, for the log. */
export function checkSender(sender: SenderInfo, policy: TrustPolicy): { ok: true } | { ok: false; reason: string } {
  if (!policy.isKnownWebContents(sender.webContentsId)) return { ok: false, reason: 'sender is not one of our windows' }
  if (!sender.isMainFrame) return { ok: false, reason: 'sender is not the main frame' }
  const origin = originOf(sender.url)
  if (origin === null || !policy.allowedOrigins.includes(origin)) {
    return { ok: false, reason: `sender origin ${origin ?? '(none)'} is not allowed` }
  }
  return { ok: true }
}
