import { describe, expect, it } from 'vitest'
import { checkSender, originOf, type TrustPolicy } from '../../../src-main/ipc/sender'

const policy: TrustPolicy = { isKnownWebContents: (id) => id === 7, allowedOrigins: ['app://g60'] }
const trusted = { webContentsId: 7, isMainFrame: true, url: 'app://g60/index.html#/overview' }

describe('originOf', () => {
  it('rebuilds the origin for custom schemes, where URL.origin is "null"', () => {
    expect(originOf('app://g60/index.html')).toBe('app://g60')
    expect(originOf('app://g60/x?y#z')).toBe('app://g60')
    expect(originOf('http://localhost:5173/src/main.ts')).toBe('http://localhost:5173')
    expect(originOf('https://g60.test/index.html')).toBe('https://g60.test')
  })
  it('has no origin for unparsable or host-less URLs', () => {
    expect(originOf('not a url')).toBeNull()
    expect(originOf('')).toBeNull()
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('data:text/html,hi')).toBeNull()
    expect(originOf('file:///etc/passwd')).toBeNull()
  })
})

describe('checkSender', () => {
  it('accepts our window, its main frame, our origin', () => {
    expect(checkSender(trusted, policy)).toEqual({ ok: true })
  })
  it('refuses an unknown WebContents', () => {
    expect(checkSender({ ...trusted, webContentsId: 8 }, policy)).toEqual({ ok: false, reason: 'sender is not one of our windows' })
  })
  it('refuses a sub-frame of our window', () => {
    expect(checkSender({ ...trusted, isMainFrame: false }, policy)).toEqual({ ok: false, reason: 'sender is not the main frame' })
  })
  it('refuses another origin, including a look-alike host', () => {
    expect(checkSender({ ...trusted, url: 'https://example.com/' }, policy)).toEqual({ ok: false, reason: 'sender origin https://example.com is not allowed' })
    expect(checkSender({ ...trusted, url: 'app://g60.evil/index.html' }, policy)).toMatchObject({ ok: false })
    expect(checkSender({ ...trusted, url: 'app://g60:8080/index.html' }, policy)).toMatchObject({ ok: false })
    // Node keeps the case of a custom scheme's host; Chromium already lower-cases a standard
    // scheme's, so a mixed-case host can only come from elsewhere and is refused.
    expect(checkSender({ ...trusted, url: 'app://G60/index.html' }, policy)).toMatchObject({ ok: false })
  })
  it('refuses a URL with no origin', () => {
    expect(checkSender({ ...trusted, url: '::nonsense' }, policy)).toEqual({ ok: false, reason: 'sender origin (none) is not allowed' })
    expect(checkSender({ ...trusted, url: 'about:blank' }, policy)).toMatchObject({ ok: false })
  })
})
