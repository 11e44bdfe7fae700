import { describe, expect, it, vi } from 'vitest'
import { createGateway, HandlerError, type Handlers } from '../../../src-main/ipc/gateway'
import type { SenderInfo, TrustPolicy } from '../../../src-main/ipc/sender'

const policy: TrustPolicy = { isKnownWebContents: (id) => id === 1, allowedOrigins: ['app://g60'] }
const ours: SenderInfo = { webContentsId: 1, isMainFrame: true, url: 'app://g60/index.html' }

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test')
  }
  return {
    'app:get-info': unused,
    'app:get-notices': () => [],
    'app:dismiss-notice': unused,
    'settings:get': unused,
    'settings:update': unused,
    'datasets:get': unused,
    'datasets:choose-folder': unused,
    'datasets:add-files': unused,
    'datasets:reveal': unused,
    ...overrides,
  } as Handlers
}

describe('the IPC gateway', () => {
  it('runs the handler for a trusted sender and wraps its value', async () => {
    const dismiss = vi.fn(async (id: string) => [{ id: `${id}-left`, level: 'info' as const, message: 'm', details: [] }])
    const gateway = createGateway(makeHandlers({ 'app:dismiss-notice': dismiss }), policy)
    await expect(gateway.handle('app:dismiss-notice', ours, ['a'])).resolves.toEqual({
      ok: true,
      value: [{ id: 'a-left', level: 'info', message: 'm', details: [] }],
    })
    expect(dismiss).toHaveBeenCalledWith('a')
  })

  it.each([
    ['an unknown WebContents', { ...ours, webContentsId: 2 }],
    ['a sub-frame', { ...ours, isMainFrame: false }],
    ['another origin', { ...ours, url: 'https://example.com/' }],
    ['an unparsable URL', { ...ours, url: 'not a url' }],
  ])('refuses %s with forbidden, without running the handler', async (_name, sender) => {
    const handler = vi.fn(() => [])
    const log = vi.fn()
    const gateway = createGateway(makeHandlers({ 'app:get-notices': handler }), policy, log)
    const result = await gateway.handle('app:get-notices', sender, [])
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(handler).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused app:get-notices'))
  })

  it('checks the sender before the channel, so strangers learn nothing about channels', async () => {
    const gateway = createGateway(makeHandlers(), policy)
    await expect(gateway.handle('no:such-channel', { ...ours, webContentsId: 9 }, [])).resolves.toMatchObject({ error: { code: 'forbidden' } })
  })

  it('answers not-found for a channel outside the contract, even one that names an object property', async () => {
    const gateway = createGateway(makeHandlers(), policy)
    for (const channel of ['no:such-channel', 'constructor', '__proto__', 'toString']) {
      await expect(gateway.handle(channel, ours, [])).resolves.toEqual({
        ok: false,
        error: { code: 'not-found', message: `unknown channel ${channel}` },
      })
    }
  })

  it('refuses arguments that are not a list', async () => {
    const gateway = createGateway(makeHandlers(), policy)
    await expect(gateway.handle('app:get-notices', ours, 'x' as unknown as unknown[])).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it("turns a HandlerError into its code and message", async () => {
    const gateway = createGateway(
      makeHandlers({
        'settings:update': () => {
          throw new HandlerError('bad-request', 'setting "theme": expected one of light, dark, projector')
        },
      }),
      policy,
    )
    await expect(gateway.handle('settings:update', ours, [{ theme: 'neon' }])).resolves.toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'setting "theme": expected one of light, dark, projector' },
    })
  })

  it('turns any other throw, sync or async, into internal and logs it', async () => {
    const log = vi.fn()
    const gateway = createGateway(
      makeHandlers({
        'settings:get': () => {
          throw new TypeError('boom')
        },
        'app:get-info': async () => Promise.reject(new Error('late boom')),
      }),
      policy,
      log,
    )
    await expect(gateway.handle('settings:get', ours, [])).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'boom' } })
    await expect(gateway.handle('app:get-info', ours, [])).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'late boom' } })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('handler settings:get failed'))
  })

  it('handles app://g60 as an origin, with any path, and nothing else on that scheme', async () => {
    const gateway = createGateway(makeHandlers(), policy)
    await expect(gateway.handle('app:get-notices', { ...ours, url: 'app://g60/' }, [])).resolves.toEqual({ ok: true, value: [] })
    await expect(gateway.handle('app:get-notices', { ...ours, url: 'app://g60/deep/page.html?q#h' }, [])).resolves.toEqual({ ok: true, value: [] })
    await expect(gateway.handle('app:get-notices', { ...ours, url: 'app://other/index.html' }, [])).resolves.toMatchObject({ error: { code: 'forbidden' } })
    await expect(gateway.handle('app:get-notices', { ...ours, url: 'file:///index.html' }, [])).resolves.toMatchObject({ error: { code: 'forbidden' } })
  })
})
