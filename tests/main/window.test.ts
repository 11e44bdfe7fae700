import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainWindow, lockDownContents, type WindowOptions } from '../../src-main/window'
import { BrowserWindow, fakeEvent, FakeWebContents, laptopDisplay, resetElectronMock, screen } from '../mocks/electron'

const entryUrl = 'app://g60/index.html'

function open(overrides: Partial<WindowOptions> = {}) {
  const onBoundsChange = vi.fn()
  const win = createMainWindow({ preloadPath: '/app/out/preload/index.cjs', entryUrl, bounds: null, onBoundsChange, ...overrides }) as unknown as BrowserWindow
  return { win, onBoundsChange }
}

beforeEach(() => {
  resetElectronMock()
  // The window tests' own laptop panel (1920×1080, task bar at the bottom).
  screen.displays = [laptopDisplay()]
})
afterEach(() => vi.useRealTimers())

describe('createMainWindow', () => {
  it('writes out every security-relevant web preference', () => {
    const { win } = open()
    expect(BrowserWindow.created).toEqual([win])
    expect(win.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
  })

  it('loads the entry page but shows the window only on ready-to-show', () => {
    const { win } = open()
    expect(win.options.show).toBe(false)
    expect(win.loadedUrl).toBe(entryUrl)
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
    expect(win.maximized).toBe(false)
  })

  it('opens at the saved bounds, maximised if it was', () => {
    const { win } = open({ bounds: { x: 5, y: 6, width: 1500, height: 950, maximized: true, fullScreen: false } })
    expect(win.options).toMatchObject({ x: 5, y: 6, width: 1500, height: 950 })
    win.emit('ready-to-show')
    expect(win.maximized).toBe(true)
    expect(win.fullScreen).toBe(false)
  })

  it('opens full screen if it was', () => {
    const { win } = open({ bounds: { x: 5, y: 6, width: 1500, height: 950, maximized: false, fullScreen: true } })
    win.emit('ready-to-show')
    expect(win.fullScreen).toBe(true)
    expect(win.shown).toBe(true)
  })

  it('opens on the primary display when the display it was saved on is no longer there', () => {
    // Saved on a projector right of the laptop; the projector has since been unplugged.
    const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 }, workArea: { x: 1920, y: 0, width: 1280, height: 800 } }
    screen.displays = [laptopDisplay(), projector]
    const onProjector = { x: 2000, y: 50, width: 1100, height: 720, maximized: false, fullScreen: false }
    expect(open({ bounds: onProjector }).win.options).toMatchObject({ x: 2000, y: 50, width: 1100, height: 720 })

    screen.displays = [laptopDisplay()]
    expect(open({ bounds: onProjector }).win.options).toMatchObject({ x: (1920 - 1100) / 2, y: (1040 - 720) / 2, width: 1100, height: 720 })
  })

  it('opens at the default size, centred on the primary display, without saved bounds', () => {
    const { win } = open()
    expect(win.options).toMatchObject({ x: 240, y: 70, width: 1440, height: 900 })
  })

  it('denies window.open and webviews, and navigation away from our origin', () => {
    const { win } = open()
    const contents = win.webContents
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'app://g60/index.html' })).toEqual({ action: 'deny' })

    const away = fakeEvent()
    contents.emit('will-navigate', away, 'https://example.com/')
    expect(away.defaultPrevented).toBe(true)

    const home = fakeEvent()
    contents.emit('will-navigate', home, 'app://g60/index.html#/cities')
    expect(home.defaultPrevented).toBe(false)

    const webview = fakeEvent()
    contents.emit('will-attach-webview', webview, {}, {})
    expect(webview.defaultPrevented).toBe(true)
  })

  it('saves the bounds once, 400 ms after the last move or resize', () => {
    vi.useFakeTimers()
    const { win, onBoundsChange } = open()
    win.emit('resize')
    vi.advanceTimersByTime(300)
    win.emit('move')
    win.emit('resize')
    vi.advanceTimersByTime(399)
    expect(onBoundsChange).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onBoundsChange).toHaveBeenCalledTimes(1)
    expect(onBoundsChange).toHaveBeenCalledWith({ x: 10, y: 20, width: 1300, height: 800, maximized: false, fullScreen: false })

    win.maximized = true
    win.emit('maximize')
    vi.advanceTimersByTime(400)
    expect(onBoundsChange).toHaveBeenLastCalledWith({ x: 10, y: 20, width: 1300, height: 800, maximized: true, fullScreen: false })
  })

  it('remembers full screen with the normal bounds from before it', () => {
    vi.useFakeTimers()
    const { win, onBoundsChange } = open()
    win.emit('resize')
    vi.advanceTimersByTime(400)
    win.fullScreen = true
    // What some platforms report for a full-screen window: the screen, not the normal bounds.
    win.normalBounds = { x: 0, y: 0, width: 1920, height: 1080 }
    win.emit('enter-full-screen')
    vi.advanceTimersByTime(400)
    expect(onBoundsChange).toHaveBeenLastCalledWith({ x: 10, y: 20, width: 1300, height: 800, maximized: false, fullScreen: true })

    win.fullScreen = false
    win.normalBounds = { x: 10, y: 20, width: 1300, height: 800 }
    win.emit('leave-full-screen')
    vi.advanceTimersByTime(400)
    expect(onBoundsChange).toHaveBeenLastCalledWith({ x: 10, y: 20, width: 1300, height: 800, maximized: false, fullScreen: false })
  })

  it("does not save a show's full screen: quitting during a show reopens the window as it was before", () => {
    vi.useFakeTimers()
    let showing = false
    const { win, onBoundsChange } = open({ isShowing: () => showing })
    showing = true
    win.fullScreen = true
    win.bounds = { x: 1440, y: 0, width: 1024, height: 768 }
    win.emit('move')
    win.emit('enter-full-screen')
    vi.advanceTimersByTime(400)
    expect(onBoundsChange).not.toHaveBeenCalled()
    showing = false
    win.fullScreen = false
    win.bounds = { x: 10, y: 20, width: 1300, height: 800 }
    win.emit('leave-full-screen')
    vi.advanceTimersByTime(400)
    expect(onBoundsChange).toHaveBeenCalledExactlyOnceWith({ x: 10, y: 20, width: 1300, height: 800, maximized: false, fullScreen: false })
  })

  it('does not save the bounds of a minimised or destroyed window', () => {
    vi.useFakeTimers()
    const { win, onBoundsChange } = open()
    for (const state of ['minimized', 'destroyed'] as const) {
      win[state] = true
      win.emit('resize')
      vi.advanceTimersByTime(400)
      win[state] = false
    }
    expect(onBoundsChange).not.toHaveBeenCalled()
  })
})

describe('lockDownContents', () => {
  it('guards redirects as well as navigations, and allows the dev server origin it is given', () => {
    const contents = new FakeWebContents()
    lockDownContents(contents as never, 'http://localhost:5173')
    const redirect = fakeEvent()
    contents.emit('will-redirect', redirect, 'https://example.com/')
    expect(redirect.defaultPrevented).toBe(true)
    const dev = fakeEvent()
    contents.emit('will-navigate', dev, 'http://localhost:5173/index.html')
    expect(dev.defaultPrevented).toBe(false)
    for (const url of ['http://localhost:5174/', 'app://g60/index.html', 'file:///etc/passwd', 'not a url']) {
      const e = fakeEvent()
      contents.emit('will-navigate', e, url)
      expect(e.defaultPrevented, url).toBe(true)
    }
  })
})
