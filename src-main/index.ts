/**
 * Electron's entry point: the thin glue between Electron and the plain core.
 * Everything worth testing lives in modules that do not import `electron`.
 */
import { app, BrowserWindow, clipboard, ClipboardItem, dialog, ipcMain, Menu, protocol, session, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME } from './app-protocol'
import { DATA_LICENCES } from './licences'
import { t } from '../src-shared/i18n'
import type { Lang } from '../src-shared/settings'
import { createMainCore, type Emit } from './core'
import { createGateway } from './ipc/gateway'
import { registerIpc } from './ipc/register'
import { originOf } from './ipc/sender'
import { buildMenuTemplate } from './menu'
import { resourcesDir } from './paths'
import { appProtocolHandler, lockDownSession } from './session-policy'
import { startOrQuit } from './startup'
import { createMainWindow, lockDownContents } from './window'
import { createPresenterGlue } from './presenter-window'

const here = dirname(fileURLToPath(import.meta.url))
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const entryUrl = devServerUrl ?? APP_ENTRY
const allowedOrigin = originOf(entryUrl) ?? APP_ORIGIN

// codeCache: V8 keeps the compiled renderer bundle between launches instead of recompiling it each time.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void startOrQuit(main)
}

/**
 * Starts the app: the window comes first, the data after it, so a slow data
 * folder (a network share) never delays the window. Rejects on any start-up
 * failure, which `startOrQuit` reports before quitting.
 */
// eslint-disable-next-line max-lines-per-function -- Electron's start-up order (ready, protocol, session, window, then data) reads best as one sequence
async function main(): Promise<void> {
  let win: BrowserWindow | null = null
  const presenterGlue = createPresenterGlue({
    mainWindow: () => win,
    preloadPath: join(here, '../preload/index.cjs'),
    entryUrl,
    onPresenterClosed: () => core.presentation.presenterClosed(),
  })
  // Every open window (the main one, and the presenter view during a show) hears main's events.
  const emit: Emit = (channel, payload) => {
    for (const w of presenterGlue.windows()) w.webContents.send(channel, payload)
  }

  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, allowedOrigin))
  app.on('window-all-closed', () => app.quit())

  await app.whenReady()

  // The UI's language, for the menu and the dialogs main opens (read when they open, after the core exists).
  const lang = (): Lang => core.settingsState().effectiveLang
  const chooseFolder = async (): Promise<string | null> => {
    const options = { title: t(lang(), 'menu.openFolderTitle'), properties: ['openDirectory' as const] }
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }

  const core = await createMainCore({
    userDataDir: app.getPath('userData'),
    systemLocale: app.getLocale(),
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      platform: process.platform,
    },
    emit,
    bundledDatasetsDir: join(resourcesDir(app.isPackaged, app.getAppPath(), process.resourcesPath), 'datasets'),
    chooseFolder,
    revealFile: (path) => shell.showItemInFolder(path),
    chooseSavePath: async (defaultName, extensions) => {
      const options = {
        title: t(lang(), 'menu.saveTitle'),
        defaultPath: defaultName,
        filters: extensions.map((e) => ({ name: e === 'xlsx' ? t(lang(), 'menu.filterXlsx') : e === 'csv' ? t(lang(), 'menu.filterCsv') : e.toUpperCase(), extensions: [e] })),
        // Linux asks before replacing a file only when told to; Windows and macOS always do.
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      }
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    copyImage: (png) => clipboard.write([new ClipboardItem({ 'image/png': new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }) })]),
    log: (m) => console.warn(`[g60] ${m}`),
    presentation: presenterGlue,
  })

  app.on('will-quit', () => core.datasets.close())

  protocol.handle(APP_SCHEME, appProtocolHandler(join(here, '../renderer')))
  lockDownSession(session.defaultSession, allowedOrigin)

  const gateway = createGateway(core.handlers, {
    isKnownWebContents: (id) => presenterGlue.windows().some((w) => w.webContents.id === id),
    allowedOrigins: [allowedOrigin],
  }, (m) => console.warn(`[g60 ipc] ${m}`))
  registerIpc(ipcMain, gateway)

  // A change that could not be saved leaves the settings as they were (with a notice); the menu's radio items go back too.
  const reinstallUnlessSaved = (saved: Promise<boolean>) => saved.then((ok) => ok || installMenu())
  const installMenu = () => {
    const template = buildMenuTemplate(core.settings.current, {
      openDataFolder: () => void core.chooseDataFolder(),
      navigate: (view) => emit('menu:command', { kind: 'navigate', view }),
      exportPack: () => emit('menu:command', { kind: 'export-pack' }),
      exportDeck: () => emit('menu:command', { kind: 'export-deck' }),
      saveDataset: () => emit('menu:command', { kind: 'save-dataset' }),
      setTheme: (theme) => reinstallUnlessSaved(core.changeSettings({ theme })),
      setLang: (lang) => reinstallUnlessSaved(core.changeSettings({ lang })),
      about: () => {
        const lines = DATA_LICENCES.map((l) => `${l.name}: ${l.licence}`)
        void dialog.showMessageBox({
          type: 'info',
          title: t(lang(), 'menu.about'),
          message: `${t(lang(), 'app.title')} ${app.getVersion()}`,
          detail: [`Electron ${process.versions.electron}`, '', t(lang(), 'menu.aboutDetail'), ...lines].join('\n'),
        })
      },
    }, process.platform === 'darwin', Boolean(devServerUrl), lang())
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  installMenu()
  core.onSettingsChanged(installMenu)

  win = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    entryUrl,
    bounds: core.settings.current.windowBounds,
    onBoundsChange: (bounds) => core.saveWindowBounds(bounds),
    isShowing: () => presenterGlue.showing(),
  })
  win.on('closed', () => (win = null))

  // After the window: the page shows "Loading…" until the data is in, and its requests wait for it.
  void core.loadData()
}
