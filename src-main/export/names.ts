/**
 * File names of exports: `NN-dashboard-chart-lang.ext`, lower-case ASCII
 * letters, digits and hyphens only, so they survive every file system,
 * e-mail client and slide tool.
 */
import { basename } from 'node:path'
import type { Lang } from '../../src-shared/settings'

/** Lower-case ASCII letters, digits and single hyphens, e.g. "GDP (2015–2022)" → "gdp-2015-2022". */
export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  )
}

/** `zh-CN` → `zh-cn`. */
export function langTag(lang: Lang): string {
  return slug(lang)
}

/** `07-industry-gdp-en.png` for the 7th chart of the pack. */
export function packFileName(n: number, dashboard: string, chart: string, lang: Lang, ext: string): string {
  return `${String(n).padStart(2, '0')}-${slug(dashboard)}-${chartPart(dashboard, chart)}-${langTag(lang)}.${slug(ext)}`
}

/** The chart's slug without a leading repeat of its dashboard's ("industry-gdp" on "industry" → "gdp"). */
function chartPart(dashboard: string, chart: string): string {
  const d = slug(dashboard)
  const c = slug(chart)
  return c.startsWith(`${d}-`) ? c.slice(d.length + 1) : c
}

/** `00-briefing-en.pdf`. */
export function packPdfName(lang: Lang): string {
  return `00-briefing-${langTag(lang)}.pdf`
}

/** The pack's deck, `00-briefing-en.pptx`. */
export function packDeckName(lang: Lang): string {
  return `00-briefing-${langTag(lang)}.pptx`
}

/** A deck's suggested file name, e.g. `briefing-deck-zh-cn-16x9.pptx`. */
export function deckFileName(lang: Lang, aspect: string): string {
  return `briefing-deck-${langTag(lang)}-${slug(aspect.replace(':', 'x'))}.pptx`
}

/** A single chart's suggested file name, e.g. `industry-gdp-zh-cn.png`. */
export function chartFileName(dashboard: string, chart: string, lang: Lang, ext: string): string {
  return `${slug(dashboard)}-${chartPart(dashboard, chart)}-${langTag(lang)}.${slug(ext)}`
}

/** A dashboard's suggested file name, e.g. `dashboard-cities-slide-en.pdf`. */
export function dashboardFileName(dashboard: string, page: string, lang: Lang, ext: string): string {
  return `dashboard-${slug(dashboard)}-${slug(page)}-${langTag(lang)}.${slug(ext)}`
}

/** Spellings a file name may use for an export format's extension. */
const EXTENSION_ALIASES: Record<string, readonly string[]> = { jpg: ['jpg', 'jpeg'], jpeg: ['jpg', 'jpeg'] }

/**
 * The path a save dialog returned, with `.ext` added unless its name already
 * ends in it (any case; `.jpeg` counts for `jpg`). GTK's save dialog returns
 * the name as typed and Electron adds nothing, so on Linux "briefing" would
 * otherwise be written without `.png`. A name ending in another extension
 * ("briefing.v2") gets `.ext` after it: the file's content is what `ext` says.
 */
export function withExtension(path: string, ext: string): string {
  const wanted = ext.replace(/^\./, '').toLowerCase()
  const name = basename(path).toLowerCase()
  const accepted = EXTENSION_ALIASES[wanted] ?? [wanted]
  if (accepted.some((e) => name.endsWith(`.${e}`) && name.length > e.length + 1)) return path
  return `${path}.${wanted}`
}

/** A chart table's suggested file name without extension, e.g. `industry-gdp-table-zh-cn`. */
export function tableFileStem(dashboard: string, chart: string, lang: Lang): string {
  return `${slug(dashboard)}-${chartPart(dashboard, chart)}-table-${langTag(lang)}`
}
