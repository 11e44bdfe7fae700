/**
 * ECharts server-side rendering in Node: the same `echarts/core` build, themes
 * and corridor map the app registers, drawn to an SVG string with no DOM.
 */
import type { EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { echarts, registerG60 } from '../../src-shared/charts/echarts'
import { echartsThemeName } from '../../src-shared/charts/themes'
import type { Theme } from '../../src-shared/settings'

let registered = false

function ensureRegistered(): void {
  if (registered) return
  // The app may draw with canvas; SSR needs the SVG renderer whatever it registered.
  echarts.use([SVGRenderer])
  registerG60(echarts)
  registered = true
}

/**
 * Renders one option to a standalone SVG string of `width` × `height` px.
 * Animation is off (SSR draws the first frame only) and the background is
 * left transparent: the caller draws its own.
 */
export function renderOptionSvg(option: EChartsCoreOption, theme: Theme, width: number, height: number): string {
  ensureRegistered()
  const chart = echarts.init(null, echartsThemeName(theme), { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: 'transparent' })
    return fixFontQuotes(chart.renderToSVGString())
  } finally {
    chart.dispose()
  }
}

/**
 * ECharts' SSR writes `style="font-family:"Noto Sans SC", sans-serif;"`
 * unescaped, which is not well-formed XML (resvg and any XML reader reject
 * it); single quotes inside the attribute mean the same.
 */
export function fixFontQuotes(svg: string): string {
  return svg.replace(/font-family:([^;>]*);/g, (_, family: string) => `font-family:${family.replace(/"|&quot;/g, "'")};`)
}
