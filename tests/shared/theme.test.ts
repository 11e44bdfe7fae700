import { describe, expect, it } from 'vitest'
import { ECHARTS_THEMES, TOKENS } from '../../src-shared/charts/themes'
import { THEME_TOKENS, cssDeclarations, themeStyleSheet } from '../../src-shared/theme'
import { PALETTES } from '../../src-main/export/palette'

describe('one source of theme tokens', () => {
  it('gives the page one rule per theme, light also as the default', () => {
    const css = themeStyleSheet()
    expect(css).toContain(":root, :root[data-theme='light'] { --bg: #f6f7f9;")
    expect(css).toContain(":root[data-theme='dark'] { --bg: #111418;")
    expect(css).toContain(":root[data-theme='projector'] { --bg: #ffffff;")
  })

  it('spells every page token as a custom property, with the type size and colour scheme', () => {
    const decl = cssDeclarations('projector')
    expect(decl).toContain('--text-muted: #1a1a1a;')
    expect(decl).toContain('--on-accent: #ffffff;')
    expect(decl).toContain('--font-size: 18px;')
    expect(decl).toContain('color-scheme: light;')
    expect(cssDeclarations('dark')).toContain('color-scheme: dark;')
  })

  it('builds the ECharts themes and the export palette from the same tokens', () => {
    for (const theme of ['light', 'dark', 'projector'] as const) {
      const chart = THEME_TOKENS[theme].chart
      expect(TOKENS[theme]).toBe(chart)
      expect((ECHARTS_THEMES[theme] as { color: string[] }).color).toEqual(chart.palette)
      expect(PALETTES[theme]).toMatchObject({ background: chart.background, text: chart.text, surface: THEME_TOKENS[theme].exportSurface, accent: chart.palette[0] })
    }
  })
})
