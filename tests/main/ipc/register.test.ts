import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ipcMain as electronIpcMain, type IpcMain } from 'electron'
import { createGateway, type Handlers } from '../../../src-main/ipc/gateway'
import { registerIpc, senderOf } from '../../../src-main/ipc/register'
import { INVOKE_CHANNELS } from '../../../src-shared/ipc-contract'
import { ipcMain, resetElectronMock } from '../../mocks/electron'

const WINDOW_ID = 3
const mainFrame = { url: 'app://g60/index.html', parent: null }

function invokeEvent(frame: { url: string; parent: unknown } | null, senderId = WINDOW_ID) {
  return { sender: { id: senderId }, senderFrame: frame }
}

beforeEach(() => resetElectronMock())

describe('registerIpc', () => {
  const getNotices = vi.fn(() => [])
  const handlers = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, vi.fn()])) as unknown as Handlers
  handlers['app:get-notices'] = getNotices

  function register() {
    const gateway = createGateway(handlers, { isKnownWebContents: (id) => id === WINDOW_ID, allowedOrigins: ['app://g60'] })
    registerIpc(electronIpcMain as IpcMain, gateway)
    return (channel: string, event: unknown, ...args: unknown[]) => ipcMain.handlers.get(channel)!(event, ...args)
  }

  it('registers every contract channel and nothing else', () => {
    register()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('routes a call from our main frame to its handler', async () => {
    const call = register()
    await expect(call('app:get-notices', invokeEvent(mainFrame))).resolves.toEqual({ ok: true, value: [] })
    expect(getNotices).toHaveBeenCalledOnce()
    await call('app:dismiss-notice', invokeEvent(mainFrame), 'settings-recovered')
    expect(handlers['app:dismiss-notice']).toHaveBeenCalledWith('settings-recovered')
  })

  it.each([
    ['a sub-frame', invokeEvent({ url: 'app://g60/index.html', parent: mainFrame })],
    ['a destroyed frame', invokeEvent(null)],
    ['another window', invokeEvent(mainFrame, WINDOW_ID + 1)],
    ['a page from elsewhere', invokeEvent({ url: 'https://example.com/', parent: null })],
  ])('answers a call from %s with forbidden', async (_name, event) => {
    getNotices.mockClear()
    const call = register()
    await expect(call('app:get-notices', event)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(getNotices).not.toHaveBeenCalled()
  })
})

describe('senderOf', () => {
  it('reduces the event to window id, main-frame flag and URL', () => {
    expect(senderOf(invokeEvent(mainFrame) as never)).toEqual({ webContentsId: WINDOW_ID, isMainFrame: true, url: 'app://g60/index.html' })
    expect(senderOf(invokeEvent({ url: 'app://g60/x', parent: mainFrame }) as never)).toEqual({ webContentsId: WINDOW_ID, isMainFrame: false, url: 'app://g60/x' })
    expect(senderOf(invokeEvent(null) as never)).toEqual({ webContentsId: WINDOW_ID, isMainFrame: false, url: '' })
  })
})
