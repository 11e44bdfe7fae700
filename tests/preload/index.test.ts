import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_GLOBAL, type G60Api } from '../../src-shared/preload-api'
import type * as ElectronMock from '../mocks/electron'

let contextBridge: typeof ElectronMock.contextBridge
let ipcRenderer: typeof ElectronMock.ipcRenderer

/** Runs the preload afresh, as each page load does, against the mocked `electron` it sees. */
async function loadPreload(): Promise<G60Api> {
  await import('../../src-preload/index')
  return contextBridge.exposed.get(API_GLOBAL) as G60Api
}

beforeEach(async () => {
  vi.resetModules()
  const electron = (await import('electron')) as unknown as typeof ElectronMock
  electron.resetElectronMock()
  ;({ contextBridge, ipcRenderer } = electron)
})

describe('the preload', () => {
  it('exposes exactly one global, g60, made only of functions', async () => {
    const api = await loadPreload()
    expect([...contextBridge.exposed.keys()]).toEqual(['g60'])
    expect(Object.keys(api).length).toBeGreaterThan(0)
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function')
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer']) expect(api).not.toHaveProperty(generic)
  })

  it("forwards each call to its channel with its arguments, and returns main's result", async () => {
    const api = await loadPreload()
    await expect(api.updateSettings({ theme: 'dark' })).resolves.toEqual({ ok: true, value: { channel: 'settings:update', args: [{ theme: 'dark' }] } })
    await api.dismissNotice('settings-recovered')
    await api.getSettings()
    expect(ipcRenderer.invocations).toEqual([
      ['settings:update', [{ theme: 'dark' }]],
      ['app:dismiss-notice', ['settings-recovered']],
      ['settings:get', []],
    ])
  })

  it("hands listeners the payload only, never Electron's event", async () => {
    const api = await loadPreload()
    const listener = vi.fn()
    api.onSettingsChanged(listener)
    const state = { settings: { theme: 'dark' }, effectiveLang: 'en' }
    ipcRenderer.emit('settings:changed', state)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]).toEqual([state])
  })

  it('stops calling a listener once unsubscribed, leaving others alone', async () => {
    const api = await loadPreload()
    const gone = vi.fn()
    const kept = vi.fn()
    const unsubscribe = api.onMenuCommand(gone)
    api.onMenuCommand(kept)
    unsubscribe()
    ipcRenderer.emit('menu:command', { kind: 'navigate', view: 'cities' })
    expect(gone).not.toHaveBeenCalled()
    expect(kept).toHaveBeenCalledWith({ kind: 'navigate', view: 'cities' })
    expect(ipcRenderer.listeners.get('menu:command')?.size).toBe(1)
  })

  it('listens only on the channel it was asked for', async () => {
    const api = await loadPreload()
    const listener = vi.fn()
    api.onNoticesChanged(listener)
    ipcRenderer.emit('settings:changed', {})
    expect(listener).not.toHaveBeenCalled()
  })
})
