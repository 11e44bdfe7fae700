/**
 * The one source of theme tokens: the page's CSS custom properties, the
 * ECharts themes (`charts/themes.ts`) and the export palette
 * (`src-main/export/palette.ts`) all read their colours and sizes from here.
 *
 * Chart colours are the Okabe–Ito colour-blind-safe palette (Okabe & Ito,
 * "Color Universal Design", 2008), ordered per background so the first series
 * always has at least 3:1 contrast. Every text/background pair of the page
 * meets WCAG 2.x AA (4.5:1), checked by the browser tests with axe-core.
 */
import type { Theme } from './settings'

/** The page's colours and base type size; each becomes a CSS custom property (`bg` → `--bg`). */
export interface UiTokens {
  bg: string
  surface: string
  text: string
  textMuted: string
  border: string
  borderStrong: string
  hover: string
  accent: string
  onAccent: string
  focus: string
  info: string
  warning: string
  danger: string
  /** The root font size, px. */
  fontSize: number
  /** The CSS `color-scheme` for form controls and scroll bars. */
  colorScheme: 'light' | 'dark'
}

/** What the ECharts theme of a page theme is built from. */
export interface ChartTokens {
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
  /** The choropleth's colour ramp, lowest to highest value (ColorBrewer "Blues"; lightest on dark pages reversed so high values stand out). */
  mapRamp: [string, string]
  /** A corridor city with no figure for the chosen indicator and year. */
  mapNoData: string
  /** Smallest and usual chart text sizes, px. */
  small: number
  base: number
  /** Line width and symbol size of series, px. */
  lineWidth: number
  symbolSize: number
}

/** One theme's tokens for the page, the charts and the exports. */
export interface ThemeTokenSet {
  ui: UiTokens
  chart: ChartTokens
  /** Fill of KPI and chart boxes on an exported dashboard page. */
  exportSurface: string
}

/** Every theme's tokens. Projector: black on white, large type, no thin greys, thicker lines. */
export const THEME_TOKENS: Record<Theme, ThemeTokenSet> = {
  light: {
    ui: {
      bg: '#f6f7f9', surface: '#ffffff', text: '#1b1f24', textMuted: '#4a5360', border: '#d5dae1', borderStrong: '#8a94a3', hover: '#eef1f5',
      accent: '#1f5fbf', onAccent: '#ffffff', focus: '#b35c00', info: '#1f5fbf', warning: '#b35c00', danger: '#b3261e', fontSize: 15, colorScheme: 'light',
    },
    chart: {
      background: '#ffffff', text: '#1b1f24', muted: '#4a5360', axis: '#6b7686', split: '#e3e7ec',
      palette: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'],
      periods: ['rgba(213,94,0,0.08)', 'rgba(0,114,178,0.10)'],
      mapArea: '#eef1f5', mapHighlight: '#cfe3f3', mapBorder: '#8a94a3', mapRamp: ['#c6dbef', '#08519c'], mapNoData: '#ffffff', small: 12, base: 13, lineWidth: 2, symbolSize: 7,
    },
    exportSurface: '#f7f9fb',
  },
  dark: {
    ui: {
      bg: '#111418', surface: '#1b2027', text: '#e8ebef', textMuted: '#b4bcc7', border: '#333b46', borderStrong: '#6b7686', hover: '#262d36',
      accent: '#6ea8fe', onAccent: '#0b1220', focus: '#ffb454', info: '#6ea8fe', warning: '#ffb454', danger: '#ff8a80', fontSize: 15, colorScheme: 'dark',
    },
    chart: {
      background: '#1b2027', text: '#e8ebef', muted: '#b4bcc7', axis: '#8a94a3', split: '#333b46',
      palette: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#ffffff'],
      periods: ['rgba(230,159,0,0.12)', 'rgba(86,180,233,0.14)'],
      mapArea: '#262d36', mapHighlight: '#2f4a63', mapBorder: '#6b7686', mapRamp: ['#2f4a63', '#c6dbef'], mapNoData: '#1b2027', small: 12, base: 13, lineWidth: 2, symbolSize: 7,
    },
    exportSurface: '#222831',
  },
  projector: {
    ui: {
      bg: '#ffffff', surface: '#ffffff', text: '#000000', textMuted: '#1a1a1a', border: '#000000', borderStrong: '#000000', hover: '#e6e6e6',
      accent: '#0033a0', onAccent: '#ffffff', focus: '#c00000', info: '#0033a0', warning: '#8a4b00', danger: '#c00000', fontSize: 18, colorScheme: 'light',
    },
    chart: {
      background: '#ffffff', text: '#000000', muted: '#1a1a1a', axis: '#000000', split: '#8c8c8c',
      palette: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#E69F00'],
      periods: ['rgba(213,94,0,0.16)', 'rgba(0,114,178,0.18)'],
      mapArea: '#f2f2f2', mapHighlight: '#b9d7ee', mapBorder: '#000000', mapRamp: ['#c6dbef', '#08306b'], mapNoData: '#ffffff', small: 14, base: 16, lineWidth: 4, symbolSize: 10,
    },
    exportSurface: '#ffffff',
  },
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** A theme's page tokens as CSS declarations: `--bg: #f6f7f9; … color-scheme: light;`. */
export function cssDeclarations(theme: Theme): string {
  const { colorScheme, fontSize, ...colours } = THEME_TOKENS[theme].ui
  const vars = Object.entries(colours).map(([k, v]) => `--${kebab(k)}: ${v};`)
  return [...vars, `--font-size: ${fontSize}px;`, `color-scheme: ${colorScheme};`].join(' ')
}

/**
 * The style sheet of every theme's custom properties, keyed by the root's
 * `data-theme` attribute; light is also the default before a theme is set.
 */
export function themeStyleSheet(): string {
  return (Object.keys(THEME_TOKENS) as Theme[])
    .map((t) => `${t === 'light' ? ":root, :root[data-theme='light']" : `:root[data-theme='${t}']`} { ${cssDeclarations(t)} }`)
    .join('\n')
}
