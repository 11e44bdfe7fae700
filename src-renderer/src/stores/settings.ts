import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SettingsState } from '../../../src-shared/ipc-contract'
import { DEFAULT_SETTINGS, type Lang, type Settings, type SettingsPatch } from '../../../src-shared/settings'
import { unwrap, useApi } from '../api'

/** The user's settings as main holds them; every change goes through main. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  const effectiveLang = ref<Lang>('en')
  const loaded = ref(false)
  const error = ref<string | null>(null)

  function apply(state: SettingsState): void {
    settings.value = state.settings
    effectiveLang.value = state.effectiveLang
    loaded.value = true
  }

  async function init(): Promise<void> {
    const api = useApi()
    apply(await unwrap(api.getSettings()))
    api.onSettingsChanged(apply)
  }

  async function update(patch: SettingsPatch): Promise<void> {
    try {
      apply(await unwrap(useApi().updateSettings(patch)))
      error.value = null
    } catch (err) {
      error.value = (err as Error).message
    }
  }

  const theme = computed(() => settings.value.theme)
  return { settings, effectiveLang, theme, loaded, error, init, update }
})
