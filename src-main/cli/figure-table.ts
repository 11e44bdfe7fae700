/**
 * The figures of a dataset as read, for `npm run validate -- <path> --json`
 * and `--show`: one plain record per figure (entity, indicator, year or
 * period, value, unit, qualifier, tier, and its source's titles and address
 * as read), and the same as a text table whose
 * columns line up in a terminal (CJK characters count two columns wide).
 */
import type { DatasetFile, Figure, Source, Tier } from '../../src-shared/dataset'

/**
 * A figure as read, in the fields `--json` prints: the figure's own fields, its source's tier, and
 * its source's own title, translations (when given) and address, so a file's title columns can be checked.
 */
export type FigureAsRead = Pick<Figure, 'entity' | 'indicator' | 'year' | 'period' | 'value' | 'valueHigh' | 'unit' | 'qualifier'> & { tier: Tier; source: Pick<Source, 'title' | 'title_zh' | 'title_en' | 'url'> }

/** The `--json` record of one figure. */
export function figureAsRead(f: Figure): FigureAsRead {
  const s = f.source
  const source = { title: s.title, ...(s.title_zh === undefined ? {} : { title_zh: s.title_zh }), ...(s.title_en === undefined ? {} : { title_en: s.title_en }), url: s.url }
  return { entity: f.entity, indicator: f.indicator, year: f.year, period: f.period, value: f.value, valueHigh: f.valueHigh, unit: f.unit, qualifier: f.qualifier, tier: s.tier, source }
}

/** Columns a string takes in a terminal: East Asian wide and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1
  return w
}

const HEAD = ['entity', 'indicator', 'year', 'value', 'unit', 'qualifier', 'tier']

/** The figures of `d` as lines of a text table with a header row, the value right-aligned; a gap shows as `—`. */
export function figureTable(d: DatasetFile): string[] {
  const rows = d.figures.map((f) => [
    f.entity,
    f.indicator,
    f.year === null ? (f.period ?? '') : String(f.year),
    f.value === null ? '—' : f.valueHigh === null ? String(f.value) : `${f.value}–${f.valueHigh}`,
    f.unit,
    f.qualifier,
    f.source.tier,
  ])
  const all = [HEAD, ...rows]
  const widths = HEAD.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c]!))))
  const pad = (s: string, c: number) => (c === 3 ? ' '.repeat(widths[c]! - displayWidth(s)) + s : s + ' '.repeat(widths[c]! - displayWidth(s)))
  return all.map((r) => r.map(pad).join('  ').trimEnd())
}
