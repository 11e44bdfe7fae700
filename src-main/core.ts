/**
 * The main process without Electron: settings, notices and the IPC handlers.
 * Electron's glue and the browser-test harness both build the app from here,
 * so tests exercise the same handlers the app runs.
 */
import type { AppInfo, EventChannel, EventChannels, SettingsState } from '../src-renderer/shared/ipc-contract'
import { DATA_LICENCES } from '../src-renderer/shared/licences'
import { langFromLocale, validatePatch, type SettingsPatch } from '../src-renderer/shared/settings'
import { HandlerError, type Handlers } from './ipc/gateway'
import { NoticeBoard } from './notices'
import { SettingsStore } from './settings-store'

export type Emit = <E extends EventChannel>(channel: E, payload: EventChannels[E]) => void

export interface CoreOptions {
  userDataDir: string
  systemLocale: string
  appInfo: Omit<AppInfo, 'licences'>
  emit: Emit
  log?: (message: string) => void
}

export interface MainCore {
  handlers: Handlers
  settings: SettingsStore
  notices: NoticeBoard
  settingsState(): SettingsState
  /** Applies a validated patch, persists it and tells the page. */
  updateSettings(patch: SettingsPatch): Promise<SettingsState>
  /** Runs `listener` after every settings change (e.g. to rebuild the menu). */
  onSettingsChanged(listener: (state: SettingsState) => void): void
}

export async function createMainCore(options: CoreOptions): Promise<MainCore> {
  const { emit } = options
  const settings = new SettingsStore(options.userDataDir)
  const notices = new NoticeBoard((list) => emit('notices:changed', list))

  const loaded = await settings.load()
  if (loaded.recovered) {
    notices.post({
      id: 'settings-recovered',
      level: 'warning',
      message: 'Your settings file could not be read, so the affected settings were reset to their defaults.',
      details: [...loaded.recovered.problems, `The old file was kept as ${loaded.recovered.backupPath}`],
    })
  }

  const listeners: ((state: SettingsState) => void)[] = []
  const settingsState = (): SettingsState => {
    const current = settings.current
    return { settings: current, effectiveLang: current.lang ?? langFromLocale(options.systemLocale) }
  }

  const updateSettings = async (patch: SettingsPatch): Promise<SettingsState> => {
    await settings.update(patch)
    const state = settingsState()
    emit('settings:changed', state)
    for (const listener of listeners) listener(state)
    return state
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
      return updateSettings(checked.patch)
    },
  }

  return { handlers, settings, notices, settingsState, updateSettings, onSettingsChanged: (l) => void listeners.push(l) }
}
