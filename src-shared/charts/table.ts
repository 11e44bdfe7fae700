/**
 * The table behind a chart: one row per figure or event the chart draws, with
 * everything a reader needs to check it (entity, indicator, year or period,
 * value as printed, unit, qualifier, tier, source title and URL, note), in the
 * UI language. The same rows feed the on-screen table, Copy (TSV), CSV/XLSX
 * and the table printed under each chart in the briefing pack's PDF.
 */
import { figureNote, sourceTitle, type ColumnarDataset, type DatasetEvent, type Figure } from '../dataset'
import { formatPrinted, qualifierWord, sourceTierText, tierLabel } from '../format'
import type { Lang } from '../settings'
import { UNITS } from '../units'
import { t } from '../i18n'
import { entityName, indicatorName, labelled, T, tr } from './labels'

/** One row of a chart's table; every field is display text in the UI language except `sort`. */
export interface TableRow {
  entity: string
  indicator: string
  /** Year, period ("2016–2019") or date ("2016-05-24"). */
  when: string
  /** The value as its source prints it, without unit or qualifier ("1,637.11", "55.0", "300,000–400,000"). */
  value: string
  unit: string
  qualifier: string
  tier: string
  /** Source title ("Source article" for the seed article). */
  source: string
  /** The source's address as text, or "". */
  url: string
  /** Note, formula and conflict, joined. */
  note: string
  /** The number for sorting the value column; `null` for events and gaps. */
  sort: number | null
}

/** Column order of every chart table. */
export const TABLE_COLUMNS = ['entity', 'indicator', 'when', 'value', 'unit', 'qualifier', 'tier', 'source', 'url', 'note'] as const
/** One of the table's columns. */
export type TableColumn = (typeof TABLE_COLUMNS)[number]

/** A column's header in the UI language. */
export function columnHeader(c: TableColumn, lang: Lang): string {
  return t(lang, `table.${c}`)
}

/** The unit's label as the source writes it (亿元 / 100 million yuan), never rescaled. */
function unitText(unit: string, lang: Lang): string {
  return UNITS[unit]?.label[lang] ?? unit
}

/** The source title as `sourceTitle` shows it in `lang`, headed "Source article" / "原文" for the seed article. */
function sourceCell(f: { source: Figure['source'] }, lang: Lang): string {
  const title = sourceTitle(f.source, lang)
  return f.source.tier === 'article' ? labelled(tierLabel('article', lang), title, lang) : title
}

/** A figure's row; `names` overrides the entity and indicator names (for computed figures). */
export function figureRow(f: Figure, d: ColumnarDataset | undefined, lang: Lang, names: { entity?: string; indicator?: string } = {}): TableRow {
  const value =
    f.value === null
      ? tr(T.noData, lang)
      : f.valueHigh !== null && f.valueHigh !== f.value
        ? `${formatPrinted(f.value, lang, f.decimals)}–${formatPrinted(f.valueHigh, lang, f.decimals)}`
        : formatPrinted(f.value, lang, f.decimals)
  const notes = [f.source.formula ? labelled(tr(T.formula, lang), f.source.formula, lang) : '', f.conflict ? `‡ ${tr(T.conflict, lang)}` : '', figureNote(f, lang) ?? ''].filter(Boolean)
  return {
    entity: names.entity ?? entityName(d, f.entity, lang),
    indicator: names.indicator ?? indicatorName(d, f.indicator, lang),
    when: f.period ?? (f.year === null ? '' : String(f.year)),
    value,
    unit: unitText(f.unit, lang),
    qualifier: qualifierWord(f.qualifier, lang),
    tier: sourceTierText(f.source, lang),
    source: sourceCell(f, lang),
    url: f.source.url ?? '',
    note: notes.join(t(lang, 'charts.words.listSep')),
    sort: f.value,
  }
}

/** An event's row (a dated milestone drawn on a year axis). */
export function eventRow(e: DatasetEvent, lang: Lang): TableRow {
  return {
    entity: t(lang, 'table.event'),
    indicator: e.label[lang],
    when: e.date,
    value: '',
    unit: '',
    qualifier: '',
    tier: sourceTierText(e.source, lang),
    source: sourceCell(e, lang),
    url: e.source.url ?? '',
    note: figureNote(e, lang) ?? '',
    sort: null,
  }
}

/** The rows as tab-separated text with a header line, for pasting into a spreadsheet. */
export function tableTsv(rows: TableRow[], lang: Lang): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ')
  return [TABLE_COLUMNS.map((c) => columnHeader(c, lang)), ...rows.map((r) => TABLE_COLUMNS.map((c) => clean(r[c])))].map((l) => l.join('\t')).join('\n')
}

/** Sorts rows by a column (numbers by value, text by the language's collation), without changing the input. */
export function sortRows(rows: TableRow[], column: TableColumn, dir: 'asc' | 'desc', lang: Lang): TableRow[] {
  const coll = new Intl.Collator(lang, { numeric: true })
  const k = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (column === 'value') {
      if (a.sort === null || b.sort === null) return a.sort === b.sort ? 0 : a.sort === null ? 1 : -1
      return k * (a.sort - b.sort)
    }
    return k * coll.compare(a[column], b[column])
  })
}
