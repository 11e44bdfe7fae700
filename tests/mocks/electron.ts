/**
 * A stand-in for the `electron` module, enough for the glue modules: records
 * what they ask Electron to do, so tests can assert on it. `resetElectronMock()`
 * clears every record between tests.
 */
import { EventEmitter } from 'node:events'

type Listener = (...args: unknown[]) => unknown

/** What Electron hands to `will-navigate` and similar listeners. */
export function fakeEvent(): { preventDefault(): void; defaultPrevented: boolean } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

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
  minimized = false
  fullScreen = false
  destroyed = false
  normalBounds = { x: 10, y: 20, width: 1300, height: 800 }
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
    return this.minimized
  }
  isFullScreen(): boolean {
    return this.fullScreen
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getNormalBounds() {
    return { ...this.normalBounds }
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url
  }
  bounds = { x: 10, y: 20, width: 1300, height: 800 }
  setBounds(b: { x: number; y: number; width: number; height: number }): void {
    this.bounds = { ...b }
  }
  getBounds() {
    return { ...this.bounds }
  }
  setFullScreen(on: boolean): void {
    this.fullScreen = on
  }
  close(): void {
    this.destroyed = true
    this.emit('closed')
  }
}

/** Displays as `screen` reports them; tests set `screen.displays` (the first is the primary one). */
export const screen = {
  displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } }] as {
    id: number
    bounds: { x: number; y: number; width: number; height: number }
    workArea: { x: number; y: number; width: number; height: number }
  }[],
  getAllDisplays() {
    return this.displays
  },
  getPrimaryDisplay() {
    return this.displays[0]!
  },
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  },
}

/** The renderer side: `invoke` calls are recorded; `emit` plays main's `webContents.send`. */
export const ipcRenderer = {
  invocations: [] as [string, unknown[]][],
  listeners: new Map<string, Set<Listener>>(),
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push([channel, args])
    return Promise.resolve({ ok: true, value: { channel, args } })
  },
  on(channel: string, listener: Listener) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set())
    this.listeners.get(channel)!.add(listener)
    return this
  },
  removeListener(channel: string, listener: Listener) {
    this.listeners.get(channel)?.delete(listener)
    return this
  },
  emit(channel: string, payload: unknown): void {
    const event = { sender: this, senderId: 0 }
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload)
  },
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`)
    this.exposed.set(key, api)
  },
}

export const webUtils = {
  getPathForFile: (file: { name: string }) => `/dropped/${file.name}`,
}

/**
 * Electron's `app`, enough for `index.ts` and `startup.ts`: `ready` is a
 * promise the test resolves with `becomeReady()`; `exitCode` and
 * `lockReleased` record how it ended.
 */
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  locale: 'en-US',
  hasLock: true,
  lockReleased: false,
  exitCode: null as number | null,
  quitCalled: false,
  becomeReady: () => undefined as void,
  ready: Promise.resolve(),
  getPath: (_name?: string): string => '/tmp',
  getLocale(): string {
    return this.locale
  },
  getName: () => 'G60 Briefing',
  getVersion: () => '0.0.0-test',
  getAppPath: (): string => '/app',
  whenReady(): Promise<void> {
    return this.ready
  },
  requestSingleInstanceLock(): boolean {
    return this.hasLock
  },
  releaseSingleInstanceLock(): void {
    this.lockReleased = true
  },
  quit(): void {
    this.quitCalled = true
  },
  exit(code = 0): void {
    this.exitCode = code
  },
})

function resetApp(): void {
  app.removeAllListeners()
  Object.assign(app, { isPackaged: false, locale: 'en-US', hasLock: true, lockReleased: false, exitCode: null, quitCalled: false })
  app.ready = new Promise<void>((resolve) => (app.becomeReady = resolve))
}

/** Electron's `dialog`: error boxes are recorded; the file dialogs answer what `answers` says. */
export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  answers: { open: { canceled: true, filePaths: [] as string[] }, save: { canceled: true, filePath: '' } },
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content })
  },
  async showOpenDialog() {
    return this.answers.open
  },
  async showSaveDialog() {
    return this.answers.save
  },
  async showMessageBox() {
    return { response: 0, checkboxChecked: false }
  },
}

/** Electron's `protocol`: what was registered and which handlers were installed. */
export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, Listener>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes)
  },
  handle(scheme: string, handler: Listener): void {
    this.handlers.set(scheme, handler)
  },
}

/** The default session, recording the handlers the session policy installs. */
export const session = {
  defaultSession: {
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    beforeRequest: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler
    },
    webRequest: {
      onBeforeRequest(listener: Listener) {
        session.defaultSession.beforeRequest = listener
      },
    },
  },
}

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu(menu: unknown): void {
    this.current = menu
  },
}

export const shell = { showItemInFolder: (_path: string) => undefined }
export const clipboard = { write: (_items: unknown) => Promise.resolve() }
export class ClipboardItem {
  constructor(readonly items: Record<string, Blob>) {}
}

interface FakeDisplay {
  id: number
  bounds: { x: number; y: number; width: number; height: number }
  workArea: { x: number; y: number; width: number; height: number }
}

/** A 1920×1080 laptop panel with a 40 px task bar at the bottom. */
export function laptopDisplay(): FakeDisplay {
  return { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
}

export function resetElectronMock(): void {
  BrowserWindow.created = []
  screen.displays = screen.displays.slice(0, 1)
  ipcMain.handlers.clear()
  ipcRenderer.invocations = []
  ipcRenderer.listeners.clear()
  contextBridge.exposed.clear()
  resetApp()
  dialog.errorBoxes = []
  dialog.answers = { open: { canceled: true, filePaths: [] }, save: { canceled: true, filePath: '' } }
  protocol.privileged = []
  protocol.handlers.clear()
  Menu.current = null
}

export default { BrowserWindow, ipcMain, ipcRenderer, contextBridge, webUtils, app, screen, dialog, protocol, session, Menu, shell, clipboard, ClipboardItem }
