/**
 * A fake `window.g60` for component and store tests: every method is a spy
 * answering like main would, and `emit` plays an event from main.
 */
import { vi } from 'vitest'
import type { Notice, SettingsState } from '../../src-shared/ipc-contract'
import type { G60Api } from '../../src-shared/preload-api'
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../src-shared/settings'

type Listener = (payload: unknown) => void

export function installFakeApi(initial: { state?: SettingsState; notices?: Notice[] } = {}) {
  let state: SettingsState = initial.state ?? { settings: { ...DEFAULT_SETTINGS }, effectiveLang: 'en' }
  let notices: Notice[] = initial.notices ?? []
  const listeners = new Map<string, Set<Listener>>()
  const subscribe = (channel: string) =>
    vi.fn((listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return () => void listeners.get(channel)!.delete(listener)
    })

  const api = {
    getSettings: vi.fn(async () => ({ ok: true as const, value: state })),
    updateSettings: vi.fn(async (patch: SettingsPatch) => {
      state = { settings: { ...state.settings, ...patch }, effectiveLang: patch.lang ?? state.effectiveLang }
      return { ok: true as const, value: state }
    }),
    getNotices: vi.fn(async () => ({ ok: true as const, value: notices })),
    dismissNotice: vi.fn(async (id: string) => {
      notices = notices.filter((n) => n.id !== id)
      return { ok: true as const, value: notices }
    }),
    onSettingsChanged: subscribe('settings:changed'),
    onNoticesChanged: subscribe('notices:changed'),
    onMenuCommand: subscribe('menu:command'),
    onDatasetsChanged: subscribe('datasets:changed'),
  }
  ;(window as unknown as { g60: unknown }).g60 = api as unknown as G60Api
  return {
    api,
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener(payload)
    },
  }
}
