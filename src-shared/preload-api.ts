/**
 * Builds the page's API from two transport functions. In Electron they wrap
 * `ipcRenderer`; in browser tests they wrap a Playwright binding. The page
 * never sees the transport: one named function per action, payloads only.
 */
import type {
  ArgsOf,
  DatasetSnapshot,
  EventChannel,
  EventChannels,
  InvokeChannel,
  MenuCommand,
  Notice,
  Result,
  ResultOf,
  SettingsState,
} from './ipc-contract'
import type { ChartExportRequest, DashboardExportRequest, DeckExportRequest, ExportProgress, PackExportRequest } from './export-contract'
import type { SettingsPatch } from './settings'
import type { Deck } from './deck'
import type { TableSaveRequest } from './save-contract'
import type { PresentationState, PresentStart, PresentUpdate } from './presentation'

/** Sends an invoke to main and resolves with its `Result`. */
export type Invoke = <C extends InvokeChannel>(channel: C, ...args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>
/** Listens to an event channel; returns the function that stops listening. */
export type Subscribe = <E extends EventChannel>(channel: E, listener: (payload: EventChannels[E]) => void) => () => void

/** Turns a dropped `File` into its path; Electron's `webUtils.getPathForFile` in the app. */
export type PathForFile = (file: File) => string

/** The page's API (`window.g60`): one named function per action, built on `invoke` and `subscribe`. */
export function createApi(invoke: Invoke, subscribe: Subscribe, pathForFile: PathForFile) {
  return {
    getAppInfo: () => invoke('app:get-info'),
    getNotices: () => invoke('app:get-notices'),
    dismissNotice: (id: string) => invoke('app:dismiss-notice', id),
    getSettings: () => invoke('settings:get'),
    updateSettings: (patch: SettingsPatch) => invoke('settings:update', patch),
    onSettingsChanged: (listener: (state: SettingsState) => void) => subscribe('settings:changed', listener),
    onNoticesChanged: (listener: (notices: Notice[]) => void) => subscribe('notices:changed', listener),
    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe('menu:command', listener),
    getDatasets: () => invoke('datasets:get'),
    chooseDataFolder: () => invoke('datasets:choose-folder'),
    /** Loads dropped files; files without a path (e.g. dragged from a browser) are skipped. */
    addDroppedFiles: (files: File[]) => invoke('datasets:add-files', files.map((f) => pathForFile(f)).filter((p) => p.length > 0)),
    revealFile: (file: string) => invoke('datasets:reveal', file),
    saveDataset: (id: string) => invoke('datasets:save', id),
    onDatasetsChanged: (listener: (snapshot: DatasetSnapshot) => void) => subscribe('datasets:changed', listener),
    exportChart: (request: ChartExportRequest) => invoke('export:chart', request),
    exportDashboard: (request: DashboardExportRequest) => invoke('export:dashboard', request),
    saveTable: (request: TableSaveRequest) => invoke('export:table', request),
    exportPack: (request: PackExportRequest) => invoke('export:pack', request),
    exportDeck: (request: DeckExportRequest) => invoke('export:deck', request),
    cancelExport: () => invoke('export:cancel'),
    onExportProgress: (listener: (progress: ExportProgress) => void) => subscribe('export:progress', listener),
    getDeck: () => invoke('deck:get'),
    updateDeck: (deck: Deck) => invoke('deck:update', deck),
    resetDeck: () => invoke('deck:reset'),
    onDeckChanged: (listener: (deck: Deck) => void) => subscribe('deck:changed', listener),
    getPresentation: () => invoke('present:get'),
    startPresentation: (request: PresentStart) => invoke('present:start', request),
    updatePresentation: (patch: PresentUpdate) => invoke('present:update', patch),
    endPresentation: () => invoke('present:end'),
    applyWaitingData: () => invoke('present:apply-data'),
    swapDisplays: () => invoke('present:swap-displays'),
    onPresentationChanged: (listener: (state: PresentationState) => void) => subscribe('present:changed', listener),
  }
}

/** The shape of `window.g60`. */
export type G60Api = ReturnType<typeof createApi>

/** The global name under which the preload exposes the API. */
export const API_GLOBAL = 'g60'
