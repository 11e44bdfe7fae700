import { computed, type ComputedRef } from 'vue'
import type { ChartContext } from '../../../src-shared/charts/types'
import { useSettingsStore } from '../stores/settings'

/** What every chart builder needs from settings: language, theme, break year, decals. */
export function useChartContext(): ComputedRef<ChartContext> {
  const settings = useSettingsStore()
  return computed(() => ({
    lang: settings.effectiveLang,
    theme: settings.settings.theme,
    breakYear: settings.settings.breakYear,
    decals: settings.settings.decals,
  }))
}
