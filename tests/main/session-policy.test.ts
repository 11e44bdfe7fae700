import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { appProtocolHandler, isAllowedRequest, lockDownSession } from '../../src-main/session-policy'

type Callback = (response: { cancel: boolean }) => void

function fakeSession() {
  let onRequest: ((details: { url: string }, cb: Callback) => void) | undefined
  let onPermission: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl?: string }) => void) | undefined
  let onCheck: ((wc: unknown, permission: string, requestingOrigin: string) => boolean) | undefined
  const ses = {
    setPermissionRequestHandler: vi.fn((h) => (onPermission = h)),
    setPermissionCheckHandler: vi.fn((h) => (onCheck = h)),
    webRequest: { onBeforeRequest: vi.fn((h) => (onRequest = h)) },
  }
  return {
    ses,
    request(url: string): boolean {
      let cancel: boolean | undefined
      onRequest!({ url }, (r) => (cancel = r.cancel))
      return cancel!
    },
    permission(name: string, requestingUrl = 'app://g60/index.html'): boolean {
      let granted: boolean | undefined
      onPermission!({}, name, (g) => (granted = g), { requestingUrl })
      return granted!
    },
    check: (name: string, requestingOrigin = 'app://g60') => onCheck!({}, name, requestingOrigin),
  }
}

describe('session policy', () => {
  it('lets our own origin, DevTools and in-page data through and cancels everything else', () => {
    const s = fakeSession()
    lockDownSession(s.ses as never, 'app://g60')
    expect(s.request('app://g60/index.html')).toBe(false)
    expect(s.request('app://g60/assets/x.woff2')).toBe(false)
    expect(s.request('devtools://devtools/bundled/inspector.html')).toBe(false)
    expect(s.request('data:image/png;base64,AAAA')).toBe(false)
    expect(s.request('https://example.com/tracker.js')).toBe(true)
    expect(s.request('http://127.0.0.1:8080/')).toBe(true)
    expect(s.request('app://other/index.html')).toBe(true)
    expect(s.request('file:///etc/passwd')).toBe(true)
  })

  it('denies every permission request and check but the clipboard write of our own pages (a table\'s Copy)', () => {
    const s = fakeSession()
    lockDownSession(s.ses as never, 'app://g60')
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(s.permission(p)).toBe(false)
      expect(s.check(p)).toBe(false)
    }
    // navigator.clipboard.writeText asks for this one; denied, Copy failed with "Write permission denied".
    expect(s.permission('clipboard-sanitized-write')).toBe(true)
    expect(s.check('clipboard-sanitized-write')).toBe(true)
    // Not for another origin, nor with no origin at all.
    expect(s.permission('clipboard-sanitized-write', 'https://example.com/')).toBe(false)
    expect(s.check('clipboard-sanitized-write', 'https://example.com')).toBe(false)
    expect(s.check('clipboard-sanitized-write', '')).toBe(false)
  })

  it('allows the dev server origin only when it is the allowed one', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', 'app://g60')).toBe(false)
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', 'app://g60')).toBe(false)
    expect(isAllowedRequest('ws://evil.test/', 'http://localhost:5173')).toBe(false)
  })
})

describe('app:// protocol handler', () => {
  it('serves a file of the renderer build with the CSP header, and 404 outside it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'g60-renderer-'))
    await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>')
    const handler = appProtocolHandler(root)
    const ok = await handler({ url: 'app://g60/' })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8')
    await expect(ok.text()).resolves.toBe('<!doctype html><title>t</title>')

    expect((await handler({ url: 'app://g60/../../etc/passwd' })).status).toBe(404)
    expect((await handler({ url: 'app://evil/index.html' })).status).toBe(404)
  })

  it('answers 404 when the file is missing and reads nothing outside the build', async () => {
    const read = vi.fn(async (path: string) => {
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
    })
    const handler = appProtocolHandler('/nonexistent-root', read)
    expect((await handler({ url: 'app://g60/missing.js' })).status).toBe(404)
    expect(read).toHaveBeenCalledWith('/nonexistent-root/missing.js')
    expect((await handler({ url: 'app://g60/%2e%2e/secret' })).status).toBe(404)
    expect(read).toHaveBeenCalledTimes(1)
  })
})
