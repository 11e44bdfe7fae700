/**
 * The three ECharts themes. Colours are the Okabe–Ito colour-blind-safe
 * palette, ordered per background so the first series always has at least 3:1
 * contrast; text colours are the app's own (WCAG AA on the panel surface).
 * The projector theme uses black on white, 16 px type (never below 14 px) and
 * thicker lines.
 */
import type { Theme } from '../settings'

// Single quotes inside: ECharts writes the family into an SVG style attribute unescaped, and double quotes would end it.
export const FONT_FAMILY = "'Noto Sans SC', sans-serif"

export interface ThemeTokens {
  background: string
  text: string
  muted: string
  axis: string
  split: string
  palette: string[]
  /** Fill of the shaded "before" and "after" periods. */
  periods: [string, string]
  /** Map areas outside and inside the corridor. */
  mapArea: string
  mapHighlight: string
  mapBorder: string
  /** Smallest and usual text sizes, px. */
  small: number
  base: number
  lineWidth: number
  symbolSize: number
}

export const TOKENS: Record<Theme, ThemeTokens> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    muted: '#4a5360',
    axis: '#6b7686',
    split: '#e3e7ec',
    palette: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'],
    periods: ['rgba(213,94,0,0.08)', 'rgba(0,114,178,0.10)'],
    mapArea: '#eef1f5',
    mapHighlight: '#cfe3f3',
    mapBorder: '#8a94a3',
    small: 12,
    base: 13,
    lineWidth: 2,
    symbolSize: 7,
  },
  dark: {
    background: '#1b2027',
    text: '#e8ebef',
    muted: '#b4bcc7',
    axis: '#8a94a3',
    split: '#333b46',
    palette: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#ffffff'],
    periods: ['rgba(230,159,0,0.12)', 'rgba(86,180,233,0.14)'],
    mapArea: '#262d36',
    mapHighlight: '#2f4a63',
    mapBorder: '#6b7686',
    small: 12,
    base: 13,
    lineWidth: 2,
    symbolSize: 7,
  },
  projector: {
    background: '#ffffff',
    text: '#000000',
    muted: '#1a1a1a',
    axis: '#000000',
    split: '#8c8c8c',
    palette: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#E69F00'],
    periods: ['rgba(213,94,0,0.16)', 'rgba(0,114,178,0.18)'],
    mapArea: '#f2f2f2',
    mapHighlight: '#b9d7ee',
    mapBorder: '#000000',
    small: 14,
    base: 16,
    lineWidth: 4,
    symbolSize: 10,
  },
}

function build(t: ThemeTokens): object {
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

export const ECHARTS_THEMES: Record<Theme, object> = {
  light: build(TOKENS.light),
  dark: build(TOKENS.dark),
  projector: build(TOKENS.projector),
}

/** The name a theme is registered under with `echarts.registerTheme`. */
export function echartsThemeName(t: Theme): string {
  return `g60-${t}`
}
