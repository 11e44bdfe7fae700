import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSettingsStore } from '../../../src-renderer/src/stores/settings'
import { DEFAULT_SETTINGS } from '../../../src-shared/settings'
import { installFakeApi } from '../fake-api'

beforeEach(() => setActivePinia(createPinia()))

describe('the settings store', () => {
  it('loads the settings from main on init', async () => {
    installFakeApi({ state: { settings: { ...DEFAULT_SETTINGS, theme: 'projector' }, effectiveLang: 'zh-CN' } })
    const store = useSettingsStore()
    expect(store.loaded).toBe(false)
    await store.init()
    expect(store.loaded).toBe(true)
    expect(store.theme).toBe('projector')
    expect(store.effectiveLang).toBe('zh-CN')
  })

  it('sends updates through main and shows what main answered', async () => {
    const { api } = installFakeApi()
    const store = useSettingsStore()
    await store.init()
    await store.update({ theme: 'dark', lang: 'zh-CN' })
    expect(api.updateSettings).toHaveBeenCalledWith({ theme: 'dark', lang: 'zh-CN' })
    expect(store.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', lang: 'zh-CN' })
    expect(store.effectiveLang).toBe('zh-CN')
    expect(store.error).toBeNull()
  })

  it('follows changes main announces (e.g. from the menu)', async () => {
    const fake = installFakeApi()
    const store = useSettingsStore()
    await store.init()
    fake.emit('settings:changed', { settings: { ...DEFAULT_SETTINGS, theme: 'dark' }, effectiveLang: 'en' })
    expect(store.theme).toBe('dark')
  })

  it('keeps the settings and records the error when main refuses an update', async () => {
    const { api } = installFakeApi()
    const store = useSettingsStore()
    await store.init()
    api.updateSettings.mockResolvedValueOnce({ ok: false, error: { code: 'bad-request', message: 'setting "theme": expected one of light, dark, projector' } } as never)
    await store.update({ theme: 'neon' as never })
    expect(store.theme).toBe('light')
    expect(store.error).toBe('setting "theme": expected one of light, dark, projector')

    await store.update({ theme: 'dark' })
    expect(store.error).toBeNull()
  })

  it('fails to start with a clear message when opened outside the app', async () => {
    delete (window as unknown as { g60?: unknown }).g60
    await expect(useSettingsStore().init()).rejects.toThrow('G60 Briefing must be opened by the desktop app')
  })
})
