/**
 * Opens the real renderer build in Debian's Chromium with the real main-process
 * core behind it. The page gets its API from the real preload build, whose
 * `ipcRenderer.invoke` is wired through a Playwright binding to the same
 * gateway and handlers Electron uses. Only Electron's own glue is absent.
 *
 * ```ts
 * const app = await openApp({ viewport: { width: 1024, height: 768 }, theme: 'projector', lang: 'en' })
 * await app.page.getByRole('tab', { name: 'Overview' }).click()
 * expect(app.externalRequests).toEqual([])
 * await app.close()
 * ```
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { resolveAppAsset } from '../../src-main/app-protocol'
import { createMainCore, type MainCore } from '../../src-main/core'
import { createGateway } from '../../src-main/ipc/gateway'
import { originOf } from '../../src-main/ipc/sender'
import type { EventChannel, EventChannels } from '../../src-shared/ipc-contract'
import type { Lang, Settings, Theme } from '../../src-shared/settings'
import { ensureBuild, PRELOAD_OUT, RENDERER_OUT, ROOT } from './build'

/** Where the harness serves the app. Every request is answered in-process; nothing goes to a network. */
export const TEST_ORIGIN = 'https://g60.test'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

export interface OpenAppOptions {
  /** A data folder to open, as if chosen with "Open data folder…". */
  dataDir?: string
  /** Browser viewport; 1920×1080 by default. */
  viewport?: { width: number; height: number }
  theme?: Theme
  lang?: Lang
  /** The "system" locale the core sees; `en-US` by default. */
  systemLocale?: string
  /** Raw text for `settings.json` before start (e.g. a corrupt file). Wins over theme/lang. */
  settingsFile?: string
  /** An existing user data folder (kept on close). A temporary one is made otherwise. */
  userDataDir?: string
  /**
   * What the system dialogs answer: the folder picker (data folder, briefing pack) and
   * the save dialog. By default both point into `exportDir`, a temporary folder.
   */
  dialogs?: { folder?: () => string | null; save?: (defaultName: string) => string | null }
  /** Displays the core sees for a show: with 2, starting a show opens the presenter view as a second page. 1 by default. */
  displays?: number
}

export interface AppHandle {
  page: Page
  context: BrowserContext
  core: MainCore
  userDataDir: string
  /** Where the default save and folder dialogs point. */
  exportDir: string
  /** PNG images the app put on the clipboard. */
  clipboard: Uint8Array[]
  /** Every request the page tried outside its own origin (all were refused). */
  externalRequests: string[]
  /** Console errors and uncaught page errors. */
  pageErrors: string[]
  /** Drops files on the window, as a user dragging them from the file manager would. */
  dropFiles(paths: string[]): Promise<void>
  /** The presenter view's page, opened by a show on two displays (as Electron opens a second window); `null` otherwise. */
  presenterPage(): Page | null
  /** Every `setFullScreen` call main made, in order. */
  fullScreenCalls: boolean[]
  /** Sends an event from "main" to the page, as `webContents.send` does. */
  emit<E extends EventChannel>(channel: E, payload: EventChannels[E]): Promise<void>
  close(): Promise<void>
}

/** Runs the CommonJS preload build with a stand-in for `electron` that forwards to the binding. */
function preloadShim(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window.__g60Invoke(channel, args),
    on: (channel, fn) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(fn); },
    removeListener: (channel, fn) => { listeners.get(channel)?.delete(fn); },
  };
  // A dropped File has no path in a plain browser; dropFiles() tells the page which path each name stands for.
  const webUtils = { getPathForFile: (file) => (window.__g60FilePaths ?? {})[file.name] ?? '' };
  const contextBridge = {
    exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: false }),
  };
  Object.defineProperty(window, '__g60Emit', {
    value: (channel, payload) => { for (const fn of listeners.get(channel) ?? []) fn({ sender: null }, payload); },
  });
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer, webUtils };
    throw new Error('the preload may only require electron, not ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {\n${preloadSource}\n})(require, module, module.exports);
})();`
}

let browserPromise: Promise<Browser> | null = null
let openCount = 0

async function getBrowser(): Promise<Browser> {
  browserPromise ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  return browserPromise
}

export async function openApp(options: OpenAppOptions = {}): Promise<AppHandle> {
  ensureBuild()
  const ownsUserData = !options.userDataDir
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'g60-userdata-')))
  if (options.settingsFile !== undefined) {
    await writeFile(join(userDataDir, 'settings.json'), options.settingsFile)
  } else if (options.theme || options.lang || options.dataDir) {
    const seed: Partial<Settings> = {}
    if (options.theme) seed.theme = options.theme
    if (options.lang) seed.lang = options.lang
    if (options.dataDir) seed.lastDataFolder = options.dataDir
    await writeFile(join(userDataDir, 'settings.json'), JSON.stringify(seed))
  }

  const exportDir = await mkdtemp(join(tmpdir(), 'g60-export-'))
  const clipboard: Uint8Array[] = []
  let page: Page | null = null
  let presenter: Page | null = null
  let context: BrowserContext | null = null
  const fullScreenCalls: boolean[] = []
  let closing = false
  const pageErrors: string[] = []
  /**
   * Like `webContents.send` into every open window (the page, and the presenter
   * view during a show): an event for a page that has closed (or is closing) is
   * dropped, as Electron drops it. Any other failure is kept in `pageErrors`,
   * so it fails the test that reads them.
   */
  const emit = async <E extends EventChannel>(channel: E, payload: EventChannels[E]) => {
    for (const p of [page, presenter]) {
      if (!p || closing || p.isClosed()) continue
      try {
        await p.evaluate(([c, v]) => (window as unknown as { __g60Emit(c: string, p: unknown): void }).__g60Emit(c, v), [channel, payload] as const)
      } catch (err) {
        if (closing || p.isClosed() || p !== page && p !== presenter) continue
        pageErrors.push(`emit ${channel}: ${(err as Error).message}`)
      }
    }
  }
  const openPresenter = async () => {
    if (!context) return
    presenter = await context.newPage()
    await presenter.goto(`${TEST_ORIGIN}/index.html#presenter`)
  }
  const core = await createMainCore({
    userDataDir,
    systemLocale: options.systemLocale ?? 'en-US',
    appInfo: { name: 'G60 Briefing', version: 'test', electron: null, chrome: null, platform: process.platform },
    emit: (channel, payload) => void emit(channel, payload),
    bundledDatasetsDir: join(ROOT, 'resources/datasets'),
    chooseFolder: async () => (options.dialogs?.folder ? options.dialogs.folder() : exportDir),
    chooseSavePath: async (name) => (options.dialogs?.save ? options.dialogs.save(name) : join(exportDir, name)),
    copyImage: async (png) => void clipboard.push(png),
    presentation: {
      displayCount: () => options.displays ?? 1,
      setFullScreen: (on) => void fullScreenCalls.push(on),
      openPresenter: () => void openPresenter(),
      closePresenter: () => {
        const p = presenter
        presenter = null
        void p?.close()
      },
    },
  })

  const browser = await getBrowser()
  openCount++
  context = await browser.newContext({ viewport: options.viewport ?? { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
  const externalRequests: string[] = []

  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (originOf(url) !== TEST_ORIGIN) {
      externalRequests.push(url)
      return route.abort('blockedbyclient')
    }
    const asset = resolveAppAsset(RENDERER_OUT, url, TEST_ORIGIN)
    if (!asset) return route.fulfill({ status: 404, body: 'Not found' })
    try {
      return route.fulfill({ status: 200, headers: asset.headers, body: await readFile(asset.path) })
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' })
    }
  })

  const gateway = createGateway(core.handlers, { isKnownWebContents: (id) => id === 1, allowedOrigins: [TEST_ORIGIN] })
  await context.exposeBinding('__g60Invoke', (source, channel: string, args: unknown[]) =>
    gateway.handle(channel, { webContentsId: 1, isMainFrame: source.frame === source.page.mainFrame(), url: source.frame.url() }, args),
  )
  await context.addInitScript({ content: preloadShim(await readFile(PRELOAD_OUT, 'utf8')) })

  page = await context.newPage()
  page.on('pageerror', (err) => pageErrors.push(err.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text())
  })
  await page.goto(`${TEST_ORIGIN}/index.html`)
  await page.waitForSelector('[data-active-view], [role="alert"]')

  return {
    page,
    context,
    core,
    presenterPage: () => presenter,
    fullScreenCalls,
    userDataDir,
    exportDir,
    clipboard,
    externalRequests,
    pageErrors,
    emit,
    async dropFiles(paths) {
      const files = paths.map((p) => [basename(p), p] as const)
      await page!.evaluate((entries) => {
        ;(window as unknown as { __g60FilePaths: Record<string, string> }).__g60FilePaths = Object.fromEntries(entries)
        const transfer = new DataTransfer()
        for (const [name] of entries) transfer.items.add(new File([''], name))
        const target = document.querySelector('main') ?? document.body
        target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }))
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
      }, files)
    },
    async close() {
      closing = true
      await context!.close()
      core.datasets.close()
      if (--openCount === 0 && browserPromise) {
        const b = await browserPromise
        browserPromise = null
        await b.close()
      }
      if (ownsUserData) await rm(userDataDir, { recursive: true, force: true })
      await rm(exportDir, { recursive: true, force: true })
    },
  }
}
