/**
 * ECharts from `echarts/core` with only the parts the charts use, registered
 * once, plus the app's themes and the corridor map.
 */
import * as echarts from 'echarts/core'
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts'
import {
  AriaComponent,
  GeoComponent,
  GraphicComponent,
  VisualMapContinuousComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features'
import { THEMES } from '../settings'
import { ECHARTS_THEMES, echartsThemeName } from './themes'
import { CORRIDOR_MAP_NAME, corridorGeoJson } from './map'

// SVG only: the screen draws SVG (crisp on projectors) and exports render SVG in main.
echarts.use([
  SVGRenderer,
  LineChart,
  BarChart,
  ScatterChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  AriaComponent,
  GeoComponent,
  GraphicComponent,
  VisualMapContinuousComponent,
  LabelLayout,
  // The charts rely on `grid.containLabel` so axis labels never clip in a small panel.
  LegacyGridContainLabel,
])

export { echarts }

type Core = typeof echarts
const registered = new WeakSet<object>()

/** Registers the three themes and the corridor map with an ECharts namespace, once. */
export function registerG60(ec: Core): void {
  if (registered.has(ec)) return
  registered.add(ec)
  for (const t of THEMES) ec.registerTheme(echartsThemeName(t), ECHARTS_THEMES[t])
  ec.registerMap(CORRIDOR_MAP_NAME, corridorGeoJson() as Parameters<Core['registerMap']>[1])
}
