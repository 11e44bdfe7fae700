/**
 * The one IPC contract: every channel, its arguments and its result type.
 * Main, preload and renderer all derive their types from here.
 */
import type { Lang, Settings, SettingsPatch, Theme } from './settings'

/** What every handler returns across IPC: errors are values, not throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface IpcError {
  /** `forbidden` (untrusted sender), `bad-request`, `not-found` or `internal`. */
  code: 'forbidden' | 'bad-request' | 'not-found' | 'internal'
  message: string
}

export interface DataLicence {
  name: string
  licence: string
  note: string
}

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

export interface SettingsState {
  settings: Settings
  /** The language actually in use (`settings.lang` or the system's). */
  effectiveLang: Lang
}

/** Invoke channels: renderer asks, main answers. */
export interface InvokeChannels {
  'app:get-info': { args: []; result: AppInfo }
  'app:get-notices': { args: []; result: Notice[] }
  'app:dismiss-notice': { args: [id: string]; result: Notice[] }
  'settings:get': { args: []; result: SettingsState }
  'settings:update': { args: [patch: SettingsPatch]; result: SettingsState }
}

export type InvokeChannel = keyof InvokeChannels
export type ArgsOf<C extends InvokeChannel> = InvokeChannels[C]['args']
export type ResultOf<C extends InvokeChannel> = InvokeChannels[C]['result']

/** Commands the application menu sends to the page. */
export type MenuCommand =
  | { kind: 'navigate'; view: ViewId }
  | { kind: 'about' }

export const VIEW_IDS = ['overview', 'rectification', 'industry', 'cities'] as const
export type ViewId = (typeof VIEW_IDS)[number]

/** Event channels: main tells, renderer listens. */
export interface EventChannels {
  'settings:changed': SettingsState
  'notices:changed': Notice[]
  'menu:command': MenuCommand
}

export type EventChannel = keyof EventChannels

export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'app:get-info',
  'app:get-notices',
  'app:dismiss-notice',
  'settings:get',
  'settings:update',
]

export const EVENT_CHANNELS: readonly EventChannel[] = ['settings:changed', 'notices:changed', 'menu:command']

export type { Theme, Lang }
