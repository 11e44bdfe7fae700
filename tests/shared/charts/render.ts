/** Server-side rendering of a chart option to SVG, as the tests and the exporter see it. */
import { echarts, registerG60 } from '../../../src-renderer/shared/charts/echarts'
import { echartsThemeName } from '../../../src-renderer/shared/charts/themes'
import type { ChartResult } from '../../../src-renderer/shared/charts/types'
import type { Theme } from '../../../src-renderer/shared/settings'

registerG60(echarts)

export function renderSvg(option: object, theme: Theme, width = 800, height = 500): string {
  const chart = echarts.init(null, echartsThemeName(theme), { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option as Parameters<typeof chart.setOption>[0])
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

export function chartOf(r: ChartResult): Extract<ChartResult, { kind: 'chart' }> {
  if (r.kind !== 'chart') throw new Error(`expected a chart, got empty: ${r.message}`)
  return r
}

/** Every text's font size in px, as written in the SVG. */
export function fontSizes(svg: string): number[] {
  return [...svg.matchAll(/font-size:\s*(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]))
}

/** The visible text of the SVG, entities decoded, joined by newlines. */
export function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")).join('\n')
}
