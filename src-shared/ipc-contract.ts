/**
 * The one IPC contract: every channel, its arguments and its result type.
 * Main, preload and renderer all derive their types from here.
 */
import type { ColumnarDataset, DatasetProblem } from './dataset'
import type { ChartExportRequest, DashboardExportRequest, DeckDone, DeckExportRequest, ExportDone, ExportProgress, PackDone, PackExportRequest } from './export-contract'
import type { Lang, Settings, SettingsPatch, Theme } from './settings'
import type { Deck } from './deck'
import type { SaveOutcome, TableSaveRequest } from './save-contract'
import type { PresentationState, PresentStart, PresentUpdate } from './presentation'

/** What every handler returns across IPC: errors are values, not throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** Why an IPC call failed, as a value the page can show. */
export interface IpcError {
  /** `forbidden` (untrusted sender), `bad-request`, `not-found` or `internal`. */
  code: 'forbidden' | 'bad-request' | 'not-found' | 'internal'
  message: string
}

/** A licence of bundled data or assets, as About lists it. */
export interface DataLicence {
  name: string
  licence: string
  note: string
}

/** Name, version, runtime versions, platform and data licences, for About. */
export interface AppInfo {
  name: string
  version: string
  electron: string | null
  chrome: string | null
  platform: string
  licences: DataLicence[]
}

/** A message the user should see, e.g. that settings were reset. */
export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  message: string
  /** Extra lines (e.g. the settings that were reset, or where a backup went). */
  details: string[]
}

/** The settings with the language actually in use. */
export interface SettingsState {
  settings: Settings
  /** The language actually in use (`settings.lang` or the system's). */
  effectiveLang: Lang
}

/** Every dataset in use, in the columnar IPC form, and what went wrong loading. */
export interface DatasetSnapshot {
  datasets: ColumnarDataset[]
  /** Where each dataset (by id) came from. */
  origins: Record<string, { kind: 'bundled' | 'user'; file: string }>
  problems: DatasetProblem[]
  /** The user's data folder, or null when only bundled data is shown. */
  folder: string | null
  /** True while the data folder is gone (deleted, renamed away, its disk removed): its last good data is still shown. */
  folderMissing: boolean
  /** ISO time of the last load. */
  loadedAt: string
}

/** Invoke channels: renderer asks, main answers. */
export interface InvokeChannels {
  'app:get-info': { args: []; result: AppInfo }
  'app:get-notices': { args: []; result: Notice[] }
  'app:dismiss-notice': { args: [id: string]; result: Notice[] }
  'settings:get': { args: []; result: SettingsState }
  'settings:update': { args: [patch: SettingsPatch]; result: SettingsState }
  'datasets:get': { args: []; result: DatasetSnapshot }
  /** Shows the system's folder picker; `null` when the user cancels. */
  'datasets:choose-folder': { args: []; result: DatasetSnapshot | null }
  /** Loads files dropped on the window (absolute paths from the preload). */
  'datasets:add-files': { args: [paths: string[]]; result: DatasetSnapshot }
  /** Shows a dataset file (one named in the snapshot) in the system file manager. */
  'datasets:reveal': { args: [file: string]; result: boolean }
  /** *Save dataset as Excel…*: a loaded dataset (by id) in the documented layout, XLSX or CSV by the chosen name; `null` when cancelled. */
  'datasets:save': { args: [id: string]; result: SaveOutcome }
  /** One chart to a file or the clipboard; `null` when the user cancels the save dialog. */
  'export:chart': { args: [request: ChartExportRequest]; result: ExportDone | null }
  'export:dashboard': { args: [request: DashboardExportRequest]; result: ExportDone | null }
  /** A chart's table as CSV or XLSX (*Save as CSV / XLSX*); `null` when cancelled. */
  'export:table': { args: [request: TableSaveRequest]; result: SaveOutcome }
  /** Every chart of every dashboard into a chosen folder; progress arrives as `export:progress`. */
  'export:pack': { args: [request: PackExportRequest]; result: PackDone | null }
  /** The briefing as a PowerPoint deck; `null` when the user cancels the save dialog. Progress arrives as `export:progress` per slide. */
  'export:deck': { args: [request: DeckExportRequest]; result: DeckDone | null }
  /** Cancels a running briefing pack or deck and any chart or dashboard export being rendered; `false` when none runs. */
  'export:cancel': { args: []; result: boolean }
  /** The presentation deck (slides, notes, auto-advance times, presentation options). */
  'deck:get': { args: []; result: Deck }
  /** Replaces the deck; refused whole (`bad-request`) if any field is invalid. */
  'deck:update': { args: [deck: Deck]; result: Deck }
  /** Back to the default deck (every slide, no notes, default options). */
  'deck:reset': { args: []; result: Deck }
  'present:get': { args: []; result: PresentationState }
  /** Starts the show (full screen; presenter view on the other display if there is one) or a rehearsal. */
  'present:start': { args: [request: PresentStart]; result: PresentationState }
  /** Moves the show: slide index, blackout/whiteout, auto-advance pause. */
  'present:update': { args: [patch: PresentUpdate]; result: PresentationState }
  /** Ends the show and applies data that changed meanwhile. */
  'present:end': { args: []; result: PresentationState }
  /** Applies data that changed during the show without ending it. */
  'present:apply-data': { args: []; result: PresentationState }
  /** Swaps which display shows the slides and which the presenter view. */
  'present:swap-displays': { args: []; result: PresentationState }
}

/** The name of an invoke channel. */
export type InvokeChannel = keyof InvokeChannels
/** The argument tuple of invoke channel `C`. */
export type ArgsOf<C extends InvokeChannel> = InvokeChannels[C]['args']
/** The result type of invoke channel `C`. */
export type ResultOf<C extends InvokeChannel> = InvokeChannels[C]['result']

/** Commands the application menu sends to the page. */
export type MenuCommand =
  | { kind: 'navigate'; view: ViewId }
  | { kind: 'about' }
  | { kind: 'export-pack' }
  | { kind: 'export-deck' }
  /** File ▸ Save Dataset as Excel…: the page offers the current view's datasets. */
  | { kind: 'save-dataset' }

/** The app's views, in tab order: overview, then the three dashboards. */
export const VIEW_IDS = ['overview', 'rectification', 'industry', 'cities'] as const
/** A view's id (see `VIEW_IDS`). */
export type ViewId = (typeof VIEW_IDS)[number]

/** Event channels: main tells, renderer listens. */
export interface EventChannels {
  'settings:changed': SettingsState
  'notices:changed': Notice[]
  'menu:command': MenuCommand
  'datasets:changed': DatasetSnapshot
  'export:progress': ExportProgress
  'deck:changed': Deck
  'present:changed': PresentationState
}

/** The name of an event channel. */
export type EventChannel = keyof EventChannels

/**
 * Every channel of the contract, once: `satisfies` makes the compiler reject a
 * channel missing here or one that is not in the interface, so the runtime
 * lists below cannot drift from the types (as electron/fiddle derives its
 * channel list from one enum).
 */
const INVOKE_CHANNEL_SET = {
  'app:get-info': true,
  'app:get-notices': true,
  'app:dismiss-notice': true,
  'settings:get': true,
  'settings:update': true,
  'datasets:get': true,
  'datasets:choose-folder': true,
  'datasets:add-files': true,
  'datasets:reveal': true,
  'datasets:save': true,
  'export:chart': true,
  'export:dashboard': true,
  'export:table': true,
  'export:pack': true,
  'export:deck': true,
  'export:cancel': true,
  'deck:get': true,
  'deck:update': true,
  'deck:reset': true,
  'present:get': true,
  'present:start': true,
  'present:update': true,
  'present:end': true,
  'present:apply-data': true,
  'present:swap-displays': true,
} as const satisfies Record<InvokeChannel, true>

const EVENT_CHANNEL_SET = {
  'settings:changed': true,
  'notices:changed': true,
  'menu:command': true,
  'datasets:changed': true,
  'export:progress': true,
  'deck:changed': true,
  'present:changed': true,
} as const satisfies Record<EventChannel, true>

/** Every invoke channel; main registers one handler per entry through the gateway. */
export const INVOKE_CHANNELS = Object.keys(INVOKE_CHANNEL_SET) as readonly InvokeChannel[]

/** Every event channel; the preload subscribes only to these. */
export const EVENT_CHANNELS = Object.keys(EVENT_CHANNEL_SET) as readonly EventChannel[]

export type { Theme, Lang }
