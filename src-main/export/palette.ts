/**
 * Colours and type sizes of the parts an export draws itself (background,
 * caption, dashboard header and KPI boxes), per theme, taken from the chart
 * themes' tokens (`src-shared/theme.ts`, the one token module) so exports
 * match the charts they frame.
 */
import { TOKENS } from '../../src-shared/charts/themes'
import { THEME_TOKENS } from '../../src-shared/theme'
import type { Theme } from '../../src-shared/settings'

/** The colours and base type size of what an export draws itself (background, boxes, caption). */
export interface ExportPalette {
  background: string
  /** Fill of KPI and chart boxes on a dashboard page. */
  surface: string
  text: string
  muted: string
  border: string
  accent: string
  /** Base caption size in layout px; titles are drawn a little larger. */
  fontSize: number
}

function palette(theme: Theme): ExportPalette {
  const t = TOKENS[theme]
  return {
    background: t.background,
    surface: THEME_TOKENS[theme].exportSurface,
    text: t.text,
    muted: t.muted,
    border: theme === 'projector' ? t.axis : t.split,
    accent: t.palette[0]!,
    // Never below the theme's smallest chart text (14 px on the projector).
    fontSize: Math.max(t.small, t.base - 0.5),
  }
}

/** The export palette of each theme. */
export const PALETTES: Record<Theme, ExportPalette> = { light: palette('light'), dark: palette('dark'), projector: palette('projector') }
