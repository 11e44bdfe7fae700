import { BrowserWindow, type WebContents, type WebPreferences } from 'electron'
import type { WindowBounds } from '../src-shared/settings'
import { originOf } from './ipc/sender'

/** What the main window is created with: preload path, entry URL, saved bounds and a callback for bounds changes. */
export interface WindowOptions {
  preloadPath: string
  entryUrl: string
  bounds: WindowBounds | null
  onBoundsChange(bounds: WindowBounds): void
}

/** Refuses every new window and every navigation away from our own pages. */
export function lockDownContents(contents: WebContents, allowedOrigin: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (originOf(url) !== allowedOrigin) event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** The security settings every window of the app gets (the main window and the presenter view). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Offline: Chromium's spellchecker would download dictionaries.
    spellcheck: false,
    // A middle click on a link would otherwise try to open it; new windows are denied anyway.
    disableBlinkFeatures: 'Auxclick',
  }
}

/** The one application window, hidden until its first paint is ready. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const b = options.bounds
  const win = new BrowserWindow({
    ...(b ? { x: b.x, y: b.y, width: b.width, height: b.height } : { width: 1440, height: 900 }),
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'G60 Briefing',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  win.once('ready-to-show', () => {
    if (b?.maximized) win.maximize()
    win.show()
  })
  lockDownContents(win.webContents, originOf(options.entryUrl) ?? '')

  let timer: NodeJS.Timeout | undefined
  const saveBounds = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return
      const normal = win.getNormalBounds()
      options.onBoundsChange({ ...normal, maximized: win.isMaximized() })
    }, 400)
  }
  win.on('resize', saveBounds)
  win.on('move', saveBounds)
  win.on('maximize', saveBounds)
  win.on('unmaximize', saveBounds)

  void win.loadURL(options.entryUrl)
  return win
}
