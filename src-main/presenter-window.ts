/**
 * Electron glue for a show: full screen, the presenter window and the
 * displays. Thin on purpose; the show's state and rules live in
 * `presentation.ts`, which calls these hooks.
 *
 * Which display shows what: with two or more displays, the slides go full
 * screen on the first display that is not the primary one (the projector
 * beside a laptop) and the presenter view opens on the primary display (the
 * laptop's own screen); *Swap displays* exchanges them. With one display
 * there is no presenter window; *Rehearse* shows the presenter view in the
 * main window instead.
 */
import { BrowserWindow, screen, type Display, type Rectangle } from 'electron'
import type { PresentationHooks } from './presentation'
import { secureWebPreferences } from './window'

/** The main window and where the presenter window loads the app from. */
export interface PresenterGlueOptions {
  /** The main window (it shows the slides), or null when it is gone. */
  mainWindow(): BrowserWindow | null
  preloadPath: string
  entryUrl: string
  /**
   * Called when the user closes the presenter window themselves (its title
   * bar's close button, Alt+F4), not when the show closes it; the show goes
   * on in the audience window.
   */
  onPresenterClosed?(): void
}

/** The hooks for `Presentation`, plus the list of open windows. */
export interface PresenterGlue extends PresentationHooks {
  /** The windows that are open (main and presenter), for sending events and checking senders. */
  windows(): BrowserWindow[]
  /** True while the main window is full screen for a show: its bounds then are the show's, not the user's. */
  showing(): boolean
}

const alive = (w: BrowserWindow | null): w is BrowserWindow => w !== null && !w.isDestroyed()

/** Builds the hooks `Presentation` calls, over Electron's windows and `screen`. */
export function createPresenterGlue(o: PresenterGlueOptions): PresenterGlue {
  let presenter: BrowserWindow | null = null
  let restore: Rectangle | null = null
  let swapped = false

  const primary = (): Display => screen.getPrimaryDisplay()
  const external = (): Display => screen.getAllDisplays().find((d) => d.id !== primary().id) ?? primary()
  const audienceDisplay = () => (swapped ? primary() : external())
  const presenterDisplay = () => (swapped ? external() : primary())

  /** Moves the slides' window to its display and makes it fill it. */
  function placeAudience(win: BrowserWindow): void {
    if (win.isFullScreen()) win.setFullScreen(false)
    win.setBounds(audienceDisplay().bounds)
    win.setFullScreen(true)
  }

  return {
    displayCount: () => screen.getAllDisplays().length,
    setFullScreen(on) {
      const win = o.mainWindow()
      if (!alive(win)) return
      if (on) {
        restore ??= win.getBounds()
        placeAudience(win)
      } else {
        win.setFullScreen(false)
        if (restore) win.setBounds(restore)
        restore = null
        swapped = false
      }
    },
    openPresenter(sw) {
      swapped = sw
      if (alive(presenter)) return
      const area = presenterDisplay().workArea
      const win = new BrowserWindow({
        ...area,
        show: false,
        title: 'G60 Briefing',
        backgroundColor: '#ffffff',
        webPreferences: secureWebPreferences(o.preloadPath),
      })
      win.once('ready-to-show', () => win.show())
      win.on('closed', () => {
        if (presenter !== win) return
        presenter = null
        o.onPresenterClosed?.()
      })
      presenter = win
      void win.loadURL(`${o.entryUrl}#presenter`)
    },
    closePresenter() {
      const win = presenter
      presenter = null
      if (alive(win)) win.close()
    },
    swapDisplays(sw) {
      swapped = sw
      const main = o.mainWindow()
      if (alive(main)) placeAudience(main)
      if (alive(presenter)) presenter.setBounds(presenterDisplay().workArea)
    },
    windows: () => [o.mainWindow(), presenter].filter(alive),
    showing: () => restore !== null,
  }
}
