/**
 * Electron's entry point, run against the recording stand-in for `electron`
 * with the core replaced: the order of start-up, and what happens when it fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MainCore } from '../../src-main/core'
import { DEFAULT_SETTINGS } from '../../src-shared/settings'

type ElectronMock = typeof import('../mocks/electron')

/** Lets every pending promise callback run. */
const settle = () => new Promise((r) => setTimeout(r, 0))

let createMainCore: ReturnType<typeof vi.fn>
let loadData: ReturnType<typeof vi.fn>
let steps: string[]
/** The stand-in `electron` that index.ts sees. */
let E: ElectronMock

function fakeCore(): MainCore {
  return {
    handlers: {},
    settings: { current: { ...DEFAULT_SETTINGS } },
    // The menu and main's dialogs ask for the language in use.
    settingsState: () => ({ settings: { ...DEFAULT_SETTINGS }, effectiveLang: 'en' }),
    saveWindowBounds: async () => true,
    datasets: { close: () => undefined },
    onSettingsChanged: () => undefined,
    loadData,
  } as unknown as MainCore
}

beforeEach(async () => {
  vi.resetModules()
  // Whatever index.ts will get for `electron` (tests/setup-main.ts maps it to the stand-in).
  E = (await import('electron')) as unknown as ElectronMock
  E.resetElectronMock()
  steps = []
  // A data folder on a network share that does not answer.
  loadData = vi.fn(() => {
    steps.push(`loadData with ${E.BrowserWindow.created.length} window open`)
    return new Promise<void>(() => undefined)
  })
  createMainCore = vi.fn(async () => fakeCore())
  vi.doMock('../../src-main/core', () => ({ createMainCore }))
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.doUnmock('../../src-main/core')
  vi.restoreAllMocks()
})

async function start(): Promise<void> {
  await import('../../src-main/index')
  E.app.becomeReady()
  await settle()
}

describe('src-main/index.ts', () => {
  it('registers app:// as privileged with the code cache on', async () => {
    await start()
    expect(E.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
  })

  it('opens the window before loading data, so a data folder that never answers does not hold it back', async () => {
    await start()
    expect(steps).toEqual(['loadData with 1 window open'])
    expect(E.BrowserWindow.created).toHaveLength(1)
    expect(E.BrowserWindow.created[0].loadedUrl).toBe('app://g60/index.html')
    // IPC and the app:// handler are in place before the page can ask for anything.
    expect(E.ipcMain.handlers.has('datasets:get')).toBe(true)
    expect(E.protocol.handlers.has('app')).toBe(true)
    expect(E.app.exitCode).toBeNull()
  })

  it('shows why start-up failed, frees the single-instance lock and exits', async () => {
    createMainCore.mockRejectedValueOnce(new Error("EACCES: permission denied, open '/home/u/.config/G60 Briefing/settings.json'"))
    await start()
    expect(E.dialog.errorBoxes).toEqual([
      {
        title: 'G60 Briefing could not start',
        content: expect.stringMatching(/^EACCES: permission denied, open '\/home\/u\/\.config\/G60 Briefing\/settings\.json'\n\nThe app will quit\./),
      },
    ])
    expect(E.app.lockReleased).toBe(true)
    expect(E.app.exitCode).toBe(1)
    expect(E.BrowserWindow.created).toEqual([])
  })

  it('says it in Chinese on a Chinese system', async () => {
    E.app.locale = 'zh-CN'
    createMainCore.mockRejectedValueOnce(new Error('disk full'))
    await start()
    expect(E.dialog.errorBoxes).toEqual([{ title: 'G60 Briefing 无法启动', content: expect.stringMatching(/^disk full\n\n程序将退出。/) }])
    expect(E.app.exitCode).toBe(1)
  })

  it('quits at once as a second instance, without starting', async () => {
    E.app.hasLock = false
    await start()
    expect(E.app.quitCalled).toBe(true)
    expect(createMainCore).not.toHaveBeenCalled()
    expect(E.app.exitCode).toBeNull()
  })
})
