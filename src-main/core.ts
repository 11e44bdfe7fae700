/**
 * The main process without Electron: settings, notices and the IPC handlers.
 * Electron's glue and the browser-test harness both build the app from here,
 * so tests exercise the same handlers the app runs.
 */
import type { AppInfo, DatasetSnapshot, EventChannel, EventChannels, SettingsState } from '../src-shared/ipc-contract'
import { DATA_LICENCES } from './licences'
import { langFromLocale, validatePatch, type SettingsPatch, type WindowBounds } from '../src-shared/settings'
import { DatasetService, type AddFilesResult } from './datasets/service'
import { dataIndex } from './export/data-index'
import { WorkerRenderer } from './export/render-host'
import { createExportService } from './export/service'
import { saveDataset, saveTable, type SaveDeps } from './export/save-files'
import type { ChooseSavePath } from './export/save-path'
import { slidesFromDeck } from './export/deck'
import { HandlerError, type Handlers } from './ipc/gateway'
import { NoticeBoard } from './notices'
import { SettingsStore } from './settings-store'
import { DeckStore } from './deck-store'
import { Presentation, type PresentationHooks } from './presentation'
import { catalogueSlideIds } from '../src-shared/deck-catalogue'
import { validateDeck, defaultDeck } from '../src-shared/deck'
import { checkStart, checkUpdate } from '../src-shared/presentation'

/** How many refused dropped paths a notice lists by name. */
const MAX_REFUSED_LISTED = 10

/** Sends an event to the page (the main window's webContents, or the test harness's page). */
export type Emit = <E extends EventChannel>(channel: E, payload: EventChannels[E]) => void

/** What the core needs from its host (Electron's glue or the test harness): folders, locale, app info, and the dialogs it may open. */
export interface CoreOptions {
  userDataDir: string
  systemLocale: string
  appInfo: Omit<AppInfo, 'licences'>
  emit: Emit
  /** Folder of the datasets shipped with the app. */
  bundledDatasetsDir: string
  /** Asks the user for a data folder (Electron's dialog); `null` when cancelled. */
  chooseFolder?: () => Promise<string | null>
  /** Shows a file in the system file manager. */
  revealFile?: (path: string) => void
  /** Asks where to save (Electron's save dialog, one filter per extension, the first the default); `null` when cancelled. */
  chooseSavePath?: ChooseSavePath
  /** Puts a PNG on the system clipboard. */
  copyImage?: (png: Uint8Array) => Promise<void>
  log?: (message: string) => void
  /** Full screen, the presenter window and displays, for a show (Electron's glue, or the harness). */
  presentation?: PresentationHooks
}

/** The main process's state and IPC handlers, without Electron. */
export interface MainCore {
  handlers: Handlers
  settings: SettingsStore
  notices: NoticeBoard
  datasets: DatasetService
  deck: DeckStore
  presentation: Presentation
  settingsState(): SettingsState
  /** Loads a data folder, remembers it and tells the page. */
  openDataFolder(dir: string): Promise<DatasetSnapshot>
  /**
   * The menu's *Open Data Folder…*: asks for a folder and opens it. Never
   * rejects: a folder that cannot be opened becomes a `data-folder-failed`
   * notice naming it, and the data on screen stays as it was.
   */
  chooseDataFolder(): Promise<void>
  /**
   * Applies a validated patch, persists it and tells the page. When the write
   * fails, nothing changes, a `settings-not-saved` notice is posted and the
   * promise rejects with a `HandlerError` (`internal`).
   */
  updateSettings(patch: SettingsPatch): Promise<SettingsState>
  /** `updateSettings` for callers that cannot handle a failure (the menu): never rejects; `false` when not saved. */
  changeSettings(patch: SettingsPatch): Promise<boolean>
  /** Persists the window's bounds; never rejects: a failure posts `settings-not-saved` and gives `false`. */
  saveWindowBounds(bounds: WindowBounds): Promise<boolean>
  /** Runs `listener` after every settings change (e.g. to rebuild the menu). */
  onSettingsChanged(listener: (state: SettingsState) => void): void
  /**
   * Loads the bundled datasets, then the last data folder (which may be a slow
   * network share). Started by the first call, or by the first dataset or
   * export request, whichever comes first; later calls return the same
   * promise. Never rejects: a folder that cannot be opened becomes a notice.
   */
  loadData(): Promise<void>
}

/**
 * Builds the core: reads settings (defaults and a notice when they cannot be
 * read) and wires the IPC handlers. Data is not loaded here, so the window can
 * open before a slow data folder answers: call `loadData()` once the window is
 * up. Dataset and export requests wait for that first load.
 */
// eslint-disable-next-line max-lines-per-function -- the one place the handlers are wired to the settings, deck, dataset and export services; split, it would pass the same dozen locals around
export async function createMainCore(options: CoreOptions): Promise<MainCore> {
  const { emit } = options
  const settings = new SettingsStore(options.userDataDir)
  const notices = new NoticeBoard((list) => emit('notices:changed', list))

  const loaded = await settings.load()
  if (loaded.unreadable) {
    notices.post({
      id: 'settings-unreadable',
      level: 'warning',
      message: 'Your settings file could not be read, so the default settings are used for now.',
      details: [settings.file, loaded.unreadable.reason],
    })
  }
  if (loaded.recovered) {
    const { backupPath, problems, failures } = loaded.recovered
    notices.post({
      id: 'settings-recovered',
      level: 'warning',
      message: 'Your settings file could not be read, so the affected settings were reset to their defaults.',
      details: [...problems, ...failures, ...(backupPath ? [`The old file was kept as ${backupPath}`] : [])],
    })
  }

  const listeners: ((state: SettingsState) => void)[] = []
  const settingsState = (): SettingsState => {
    const current = settings.current
    return { settings: current, effectiveLang: current.lang ?? langFromLocale(options.systemLocale) }
  }

  /** Tells the user a settings write failed (the settings in memory did not change); a later success clears it. */
  const writeFailed = (err: unknown): void => {
    notices.post({
      id: 'settings-not-saved',
      level: 'error',
      message: 'A settings change could not be saved, so it was not made.',
      details: [settings.file, (err as Error).message ?? String(err)],
    })
  }
  const writeSucceeded = (): void => {
    if (notices.list().some((n) => n.id === 'settings-not-saved')) notices.dismiss('settings-not-saved')
  }

  const updateSettings = async (patch: SettingsPatch): Promise<SettingsState> => {
    try {
      await settings.update(patch)
    } catch (err) {
      writeFailed(err)
      throw new HandlerError('internal', `the settings could not be saved: ${(err as Error).message}`)
    }
    writeSucceeded()
    const state = settingsState()
    emit('settings:changed', state)
    for (const listener of listeners) listener(state)
    return state
  }

  const changeSettings = (patch: SettingsPatch): Promise<boolean> =>
    updateSettings(patch).then(
      () => true,
      () => false,
    )

  const saveWindowBounds = (bounds: WindowBounds): Promise<boolean> =>
    settings.setWindowBounds(bounds).then(
      () => (writeSucceeded(), true),
      (err) => (writeFailed(err), false),
    )

  const deck = new DeckStore(options.userDataDir, catalogueSlideIds())
  const deckLoad = await deck.load()
  if (deckLoad.recovered) {
    notices.post({
      id: 'deck-recovered',
      level: 'warning',
      message: 'Your presentation deck file could not be read, so the affected slides and options were reset to their defaults.',
      details: [...deckLoad.recovered.problems, `The old file was kept as ${deckLoad.recovered.backupPath}`],
    })
  }

  // While presenting, changed data waits in `presentation` (frozen data); it is passed on otherwise.
  let presentation: Presentation | null = null
  const datasets = new DatasetService({
    bundledDir: options.bundledDatasetsDir,
    onChange: (snapshot) => (presentation ? presentation.dataChanged(snapshot) : emit('datasets:changed', snapshot)),
  })
  presentation = new Presentation({
    hooks: options.presentation ?? {},
    onChange: (state) => emit('present:changed', state),
    publishData: (snapshot) => emit('datasets:changed', snapshot),
    latestData: () => datasets.snapshot(),
  })
  const show = presentation

  let initialLoad: Promise<void> | null = null
  const loadData = (): Promise<void> =>
    (initialLoad ??= (async () => {
      try {
        await datasets.start()
      } catch (err) {
        notices.post({
          id: 'data-load-failed',
          level: 'error',
          message: 'The bundled data could not be loaded.',
          details: [options.bundledDatasetsDir, (err as Error).message],
        })
      }
      const lastFolder = settings.current.lastDataFolder
      if (!lastFolder) return
      try {
        await datasets.openFolder(lastFolder)
      } catch (err) {
        notices.post({
          id: 'data-folder-missing',
          level: 'warning',
          message: 'The last data folder could not be opened, so the bundled data is shown.',
          details: [lastFolder, (err as Error).message],
        })
      }
    })())

  /** Runs `action` after the first load, so a folder chosen meanwhile is never replaced by the last one. */
  const afterLoad =
    <A extends unknown[], R>(action: (...args: A) => R) =>
    async (...args: A): Promise<Awaited<R>> => {
      await loadData()
      return await action(...args)
    }

  const openDataFolder = afterLoad(async (dir: string): Promise<DatasetSnapshot> => {
    const snapshot = await datasets.openFolder(dir)
    if (settings.current.lastDataFolder !== dir) await changeSettings({ lastDataFolder: dir })
    return snapshot
  })

  const chooseDataFolder = async (): Promise<void> => {
    let dir: string | null = null
    try {
      dir = (await options.chooseFolder?.()) ?? null
      if (dir !== null) await openDataFolder(dir)
    } catch (err) {
      notices.post({
        id: 'data-folder-failed',
        level: 'error',
        message: 'The data folder could not be opened; the data on screen is unchanged.',
        details: [...(dir === null ? [] : [dir]), (err as Error).message],
      })
    }
  }

  /** Only files the app itself loaded (or failed to load) may be revealed. */
  const knownFiles = (): Set<string> => {
    const snap = datasets.snapshot()
    return new Set([...Object.values(snap.origins).map((o) => o.file), ...snap.problems.map((p) => p.file)])
  }

  const exporter = createExportService({
    data: () => dataIndex(datasets.snapshot().datasets),
    lang: () => settingsState().effectiveLang,
    settings: () => settings.current,
    appVersion: options.appInfo.version,
    slides: () => slidesFromDeck(deck.current),
    chooseSavePath: async (name, ext) => {
      if (!options.chooseSavePath) throw new HandlerError('not-found', 'saving files is not available here')
      return options.chooseSavePath(name, [ext])
    },
    chooseFolder: async () => {
      if (!options.chooseFolder) throw new HandlerError('not-found', 'choosing a folder is not available here')
      return options.chooseFolder()
    },
    copyImage: options.copyImage,
    onProgress: (p) => emit('export:progress', p),
    // Rendering runs in a worker thread, so IPC, menus and the window stay responsive during an export.
    renderer: new WorkerRenderer(() => datasets.snapshot().datasets),
  })

  const saves: SaveDeps = {
    // What the page shows (during a show, the data frozen for it).
    data: () => show.data(),
    lang: () => settingsState().effectiveLang,
    settings: () => settings.current,
    chooseSavePath: async (name, extensions) => {
      if (!options.chooseSavePath) throw new HandlerError('not-found', 'saving files is not available here')
      return options.chooseSavePath(name, extensions)
    },
  }

  const handlers: Handlers = {
    'app:get-info': () => ({ ...options.appInfo, licences: [...DATA_LICENCES] }),
    'app:get-notices': () => notices.list(),
    'app:dismiss-notice': (id) => {
      if (typeof id !== 'string') throw new HandlerError('bad-request', 'notice id must be a string')
      return notices.dismiss(id)
    },
    'settings:get': () => settingsState(),
    'settings:update': async (patch) => {
      const checked = validatePatch(patch)
      if (!checked.ok) throw new HandlerError('bad-request', checked.message)
      // Main alone chooses the data folder (from its dialog); the page may only forget it.
      if (checked.patch.lastDataFolder !== undefined && checked.patch.lastDataFolder !== null) {
        throw new HandlerError('forbidden', 'the data folder can only be chosen with "Open data folder…"; the page may only clear it')
      }
      return updateSettings(checked.patch)
    },
    'datasets:get': afterLoad(() => show.data()),
    'datasets:choose-folder': afterLoad(async () => {
      if (!options.chooseFolder) throw new HandlerError('not-found', 'choosing a folder is not available here')
      const dir = await options.chooseFolder()
      return dir === null ? null : openDataFolder(dir)
    }),
    'datasets:add-files': afterLoad(async (paths) => {
      if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && p.length > 0)) {
        throw new HandlerError('bad-request', 'expected a list of file paths')
      }
      let added: AddFilesResult
      try {
        added = await datasets.addFiles(paths)
      } catch (err) {
        if (err instanceof RangeError) throw new HandlerError('bad-request', err.message)
        throw err
      }
      if (added.refused.length > 0) {
        const shown = added.refused.slice(0, MAX_REFUSED_LISTED).map((r) => `${r.path}: ${r.reason}`)
        const more = added.refused.length - shown.length
        notices.post({
          id: 'files-refused',
          level: 'warning',
          message: 'Some dropped items were not loaded: only dataset files (.json, .csv, .xlsx) can be added.',
          details: more > 0 ? [...shown, `… and ${more} more`] : shown,
        })
      }
      return added.snapshot
    }),
    'datasets:reveal': afterLoad((file) => {
      if (typeof file !== 'string' || !knownFiles().has(file)) throw new HandlerError('bad-request', 'only loaded dataset files can be revealed')
      options.revealFile?.(file)
      return options.revealFile !== undefined
    }),
    'datasets:save': afterLoad((id) => saveDataset(saves, id)),
    'export:chart': afterLoad((request) => exporter.chart(request)),
    'export:table': afterLoad((request) => saveTable(saves, request)),
    'export:dashboard': afterLoad((request) => exporter.dashboard(request)),
    'export:pack': afterLoad((request) => exporter.pack(request)),
    'export:deck': afterLoad((request) => exporter.deck(request)),
    'export:cancel': () => exporter.cancel(),
    'deck:get': () => deck.current,
    'deck:update': async (next) => {
      const checked = validateDeck(next, deck.ids)
      if (checked.problems.length) throw new HandlerError('bad-request', `deck: ${checked.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`)
      const saved = await deck.replace(checked.deck)
      emit('deck:changed', saved)
      return saved
    },
    'deck:reset': async () => {
      const saved = await deck.replace(defaultDeck(deck.ids))
      emit('deck:changed', saved)
      return saved
    },
    'present:get': () => show.state,
    'present:start': afterLoad((request) => {
      const checked = checkStart(request)
      if (typeof checked === 'string') throw new HandlerError('bad-request', checked)
      return show.start(checked)
    }),
    'present:update': (patch) => {
      const checked = checkUpdate(patch)
      if (typeof checked === 'string') throw new HandlerError('bad-request', checked)
      return show.update(checked)
    },
    'present:end': () => show.end(),
    'present:apply-data': afterLoad(() => show.applyData()),
    'present:swap-displays': () => show.swap(),
  }

  return {
    handlers,
    settings,
    notices,
    datasets,
    deck,
    presentation: show,
    settingsState,
    updateSettings,
    changeSettings,
    saveWindowBounds,
    openDataFolder,
    chooseDataFolder,
    onSettingsChanged: (l) => void listeners.push(l),
    loadData,
  }
}
