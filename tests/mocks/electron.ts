/**
 * A stand-in for the `electron` module, enough for the glue modules: records
 * what they ask Electron to do, so tests can assert on it.
 */
import { EventEmitter } from 'node:events'

type Listener = (...args: unknown[]) => unknown

export class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  sent: [string, unknown][] = []
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  shown = false
  maximized = false
  loadedUrl: string | null = null
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.created.push(this)
  }
  show(): void {
    this.shown = true
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isMinimized(): boolean {
    return false
  }
  isFullScreen(): boolean {
    return false
  }
  isDestroyed(): boolean {
    return false
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1300, height: 800 }
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url
  }
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, listener: Listener): void {
    this.handlers.set(channel, listener)
  },
}

export const app = { isPackaged: false, getPath: () => '/tmp', getLocale: () => 'en-US' }

export default { BrowserWindow, ipcMain, app }
