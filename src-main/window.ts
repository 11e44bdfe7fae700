import { BrowserWindow, screen, type WebContents, type WebPreferences } from 'electron'
import type { WindowBounds } from '../src-shared/settings'
import { originOf } from './ipc/sender'
import { placeWindow, type Rect } from './window-placement'

/** What the main window needs from the app. */
export interface WindowOptions {
  /** The built preload (`out/preload/index.cjs`). */
  preloadPath: string
  /** The page to load: `app://g60/index.html`, or the dev server in development. */
  entryUrl: string
  /** The saved bounds and state, or `null` on a first start. */
  bounds: WindowBounds | null
  /** Called 400 ms after the last move, resize or state change, with what to save. */
  onBoundsChange(bounds: WindowBounds): void
  /**
   * True while a show has the window full screen (on the projector, perhaps):
   * those bounds are not saved, so quitting during a show does not reopen the
   * app full screen on a display that may be gone.
   */
  isShowing?(): boolean
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

/**
 * The one application window, hidden until its first paint is ready. It opens
 * where it was, if a display is still there (see `window-placement.ts`), and
 * maximised or full screen if it was.
 */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const placement = placeWindow(
    options.bounds,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  )
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'G60 Briefing',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize()
    if (placement.fullScreen) win.setFullScreen(true)
    win.show()
  })
  lockDownContents(win.webContents, originOf(options.entryUrl) ?? '')

  // The normal bounds to save while full screen, where some platforms report the screen's instead.
  let normal: Rect = placement.bounds
  let timer: NodeJS.Timeout | undefined
  const saveBounds = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (win.isDestroyed() || win.isMinimized() || options.isShowing?.()) return
      const fullScreen = win.isFullScreen()
      if (!fullScreen) normal = win.getNormalBounds()
      options.onBoundsChange({ ...normal, maximized: win.isMaximized(), fullScreen })
    }, 400)
  }
  win.on('resize', saveBounds)
  win.on('move', saveBounds)
  win.on('maximize', saveBounds)
  win.on('unmaximize', saveBounds)
  win.on('enter-full-screen', saveBounds)
  win.on('leave-full-screen', saveBounds)

  void win.loadURL(options.entryUrl)
  return win
}
