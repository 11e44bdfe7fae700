import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY, APP_ORIGIN, CONTENT_SECURITY_POLICY, resolveAppAsset } from '../../src-main/app-protocol'

const root = '/opt/g60/out/renderer'

describe('resolveAppAsset', () => {
  it('serves index.html at the root of app://g60', () => {
    expect(APP_ORIGIN).toBe('app://g60')
    expect(APP_ENTRY).toBe('app://g60/index.html')
    for (const url of ['app://g60/', 'app://g60', 'app://g60/index.html']) {
      expect(resolveAppAsset(root, url)?.path).toBe(join(root, 'index.html'))
    }
  })

  it('maps assets under the build folder, ignoring query and hash', () => {
    expect(resolveAppAsset(root, 'app://g60/assets/index-abc.js?v=1#x')?.path).toBe(join(root, 'assets/index-abc.js'))
    expect(resolveAppAsset(root, 'app://g60/assets/a%20b.css')?.path).toBe(join(root, 'assets/a b.css'))
  })

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/main.js', 'text/javascript; charset=utf-8'],
    ['assets/main.mjs', 'text/javascript; charset=utf-8'],
    ['assets/main.css', 'text/css; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.PNG', 'image/png'],
    ['fonts/noto.woff2', 'font/woff2'],
    ['fonts/noto.woff', 'font/woff'],
    ['fonts/noto.ttf', 'font/ttf'],
    ['favicon.ico', 'image/x-icon'],
    ['blob.bin', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('gives %s the type %s', (path, type) => {
    const asset = resolveAppAsset(root, `app://g60/${path}`)
    expect(asset?.mimeType).toBe(type)
    expect(asset?.headers['content-type']).toBe(type)
  })

  it.each([
    ['a parent folder', 'app://g60/../secret.txt'],
    ['an encoded parent folder', 'app://g60/%2e%2e/secret.txt'],
    ['a mixed-case encoded parent', 'app://g60/assets/%2E%2E/%2e%2E/etc/passwd'],
    ['an encoded slash and parent', 'app://g60/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded backslash and parent', 'app://g60/..%5c..%5csecret.txt'],
    ['a NUL byte', 'app://g60/index.html%00.png'],
    ['a broken escape', 'app://g60/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'https://g60/index.html'],
    ['file://', 'file:///opt/g60/out/renderer/index.html'],
    ['an unparsable URL', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppAsset(root, url)).toBeNull()
  })

  it('never resolves outside the root, whatever the path', () => {
    for (const url of ['app://g60/a/../../b', 'app://g60//etc/passwd', 'app://g60/./../x', 'app://g60/%2e%2e%2f%2e%2e%2fx']) {
      const asset = resolveAppAsset(root, url)
      if (asset) expect(asset.path.startsWith(root + '/')).toBe(true)
    }
  })

  it('serves another origin when asked to, as the browser-test harness does', () => {
    expect(resolveAppAsset(root, 'https://g60.test/index.html', 'https://g60.test')?.path).toBe(join(root, 'index.html'))
    expect(resolveAppAsset(root, 'app://g60/index.html', 'https://g60.test')).toBeNull()
  })

  it('sends the CSP and nosniff with every asset', () => {
    const headers = resolveAppAsset(root, 'app://g60/assets/main.js')?.headers
    expect(headers?.['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(headers?.['x-content-type-options']).toBe('nosniff')
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    }),
  )

  it("allows scripts from 'self' only, with no eval or inline script", () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval')
  })

  it('denies by default and allows nothing from the network', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('font-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })

  it('allows inline styles only (ECharts tooltips), never inline scripts', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })

  it('matches the meta tag in the renderer page, apart from frame-ancestors (ignored in a meta tag)', async () => {
    const { readFile } = await import('node:fs/promises')
    const html = await readFile(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'))
    expect(meta?.split('; ').sort()).toEqual(header.sort())
  })
})
