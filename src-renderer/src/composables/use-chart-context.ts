import { computed, type ComputedRef } from 'vue'
import type { ChartContext } from '../../../src-shared/charts/types'
import { useSettingsStore } from '../stores/settings'

/** What every chart builder needs from settings: language, theme, break year, decals, and the view choices (city GDP scale, the map's figure) that exports draw with too. */
export function useChartContext(): ComputedRef<ChartContext> {
  const settings = useSettingsStore()
  return computed(() => ({
    lang: settings.effectiveLang,
    theme: settings.settings.theme,
    breakYear: settings.settings.breakYear,
    decals: settings.settings.decals,
    cityScale: settings.settings.cityScale,
    ...(settings.settings.mapIndicator ? { mapIndicator: settings.settings.mapIndicator } : {}),
  }))
}
