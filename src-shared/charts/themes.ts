/**
 * The three ECharts themes, built from the chart tokens of `src-shared/theme.ts`
 * (the one source of colours for page, charts and exports). The projector
 * theme uses black on white, 16 px type (never below 14 px) and thicker lines.
 */
import type { Theme } from '../settings'
import { THEME_TOKENS, type ChartTokens } from '../theme'
import type { ChartContext } from './types'

// Single quotes inside: ECharts writes the family into an SVG style attribute unescaped, and double quotes would end it.
/** The font every chart asks for: the bundled Noto Sans SC. */
export const FONT_FAMILY = "'Noto Sans SC', sans-serif"

/** What an ECharts theme is built from (see `src-shared/theme.ts`). */
export type ThemeTokens = ChartTokens

/** A chart's tokens: its theme's, with the sizes of `ctx.profile` when it is drawn for a known screen (a slide). */
export function tokensFor(ctx: ChartContext): ThemeTokens {
  const p = ctx.profile
  return p ? { ...TOKENS[ctx.theme], small: p.small, base: p.base, lineWidth: p.lineWidth, symbolSize: p.symbolSize } : TOKENS[ctx.theme]
}

/** Each theme's chart tokens, from the one token module. */
export const TOKENS: Record<Theme, ThemeTokens> = {
  light: THEME_TOKENS.light.chart,
  dark: THEME_TOKENS.dark.chart,
  projector: THEME_TOKENS.projector.chart,
}

/** An ECharts theme from chart tokens (a slide builds one from its size profile). */
export function buildEChartsTheme(t: ThemeTokens): object {
  const text = (size: number, color = t.text) => ({ color, fontSize: size, fontFamily: FONT_FAMILY })
  const axis = {
    axisLine: { show: true, lineStyle: { color: t.axis, width: t.lineWidth >= 4 ? 2 : 1 } },
    axisTick: { lineStyle: { color: t.axis, width: t.lineWidth >= 4 ? 2 : 1 } },
    axisLabel: text(t.small, t.muted),
    nameTextStyle: text(t.small, t.muted),
    splitLine: { lineStyle: { color: t.split, width: 1 } },
    splitArea: { show: false },
  }
  return {
    color: t.palette,
    backgroundColor: t.background,
    textStyle: text(t.base),
    title: { textStyle: text(t.base + 2), subtextStyle: text(t.small, t.muted) },
    legend: { textStyle: text(t.small), pageTextStyle: text(t.small), inactiveColor: t.axis },
    tooltip: {
      backgroundColor: t.background,
      borderColor: t.axis,
      textStyle: text(t.small + 1),
      extraCssText: `font-family:${FONT_FAMILY};`,
    },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    logAxis: axis,
    line: { lineStyle: { width: t.lineWidth }, symbolSize: t.symbolSize, symbol: 'circle', label: text(t.small) },
    bar: { label: text(t.small), itemStyle: { borderWidth: 0 } },
    scatter: { symbolSize: t.symbolSize + 3, label: text(t.small) },
    treemap: { label: text(t.small) },
    pie: { label: text(t.small) },
    markArea: { label: text(t.small, t.muted) },
    markLine: { label: text(t.small) },
    markPoint: { label: text(t.small) },
    geo: {
      itemStyle: { areaColor: t.mapArea, borderColor: t.mapBorder, borderWidth: t.lineWidth >= 4 ? 1.5 : 0.6 },
      label: text(t.small),
      emphasis: { label: text(t.small), itemStyle: { areaColor: t.mapHighlight } },
    },
    graph: { color: t.palette },
  }
}

/** The ECharts theme object of each app theme, registered with `echarts.registerTheme`. */
export const ECHARTS_THEMES: Record<Theme, object> = {
  light: buildEChartsTheme(TOKENS.light),
  dark: buildEChartsTheme(TOKENS.dark),
  projector: buildEChartsTheme(TOKENS.projector),
}

/** The name a theme is registered under with `echarts.registerTheme`. */
export function echartsThemeName(t: Theme): string {
  return `g60-${t}`
}
