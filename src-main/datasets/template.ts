/**
 * Writes a dataset in the documented CSV and XLSX layouts (docs/dataset-files.md),
 * so an analyst starts from the real file: the header block or `meta` sheet
 * (id, titles, unit, notes, groups, entities with coordinates, indicators,
 * events), then one row per figure with every column. Reading the file back
 * gives the identical dataset (tested for every bundled dataset). The XLSX
 * adds an instructions sheet in both languages, drop-down lists for tier,
 * qualifier and unit, a frozen header row and column widths that fit; it is
 * written with ExcelJS.
 */
import ExcelJS from 'exceljs'
import { QUALIFIERS, TIERS, type DatasetFile } from '../../src-shared/dataset'
import { UNITS } from '../../src-shared/units'
import { COLUMNS } from './table-builder'

type Value = string | number | null

/** The columns a template writes: every column but the legacy single `note` (notes are written as `note_zh` and `note_en`). */
const WRITTEN = COLUMNS.filter((c): c is Exclude<(typeof COLUMNS)[number], 'note'> => c !== 'note')

/** The dataset as rows: metadata rows (key first, no `#`), the column headers and one row per figure. */
export function datasetRows(d: DatasetFile): { meta: Value[][]; header: string[]; rows: Value[][] } {
  const meta: Value[][] = [['id', d.id], ['title_zh', d.title['zh-CN']], ['title_en', d.title.en], ['unit', d.unit]]
  if (d.notes) meta.push(['notes_zh', d.notes['zh-CN']], ['notes_en', d.notes.en])
  for (const [id, g] of Object.entries(d.groups ?? {})) meta.push(['group', id, g['zh-CN'], g.en])
  for (const [id, e] of Object.entries(d.entities)) {
    const row: Value[] = ['entity', id, e.name['zh-CN'], e.name.en]
    if (e.group || e.coord) row.push(e.group ?? null)
    if (e.coord) row.push(e.coord[0], e.coord[1])
    meta.push(row)
  }
  for (const [id, ind] of Object.entries(d.indicators)) meta.push(['indicator', id, ind.name['zh-CN'], ind.name.en, ind.unit])
  for (const ev of d.events ?? []) {
    const s = ev.source
    const row: Value[] = ['event', ev.date, ev.label['zh-CN'], ev.label.en, s.tier, s.title, s.url, s.year, s.quote, s.formula, ev.note_zh, ev.note_en]
    if (s.title_zh !== undefined || s.title_en !== undefined) row.push(s.title_zh ?? null, s.title_en ?? null)
    meta.push(row)
  }
  const rows = d.figures.map((f) => {
    const s = f.source
    const byColumn: Record<(typeof WRITTEN)[number], Value> = {
      entity: f.entity,
      indicator: f.indicator,
      year: f.year,
      period: f.period,
      value: f.value,
      value_high: f.valueHigh,
      decimals: f.decimals ?? null,
      unit: f.unit,
      qualifier: f.qualifier,
      tier: s.tier,
      source_title: s.title,
      source_title_zh: s.title_zh ?? null,
      source_title_en: s.title_en ?? null,
      source_url: s.url,
      source_year: s.year,
      quote: s.quote,
      formula: s.formula,
      input_tier: s.inputTier ?? null,
      note_zh: f.note_zh,
      note_en: f.note_en,
      conflict: f.conflict ? 'yes' : 'no',
    }
    return WRITTEN.map((c) => byColumn[c])
  })
  return { meta, header: [...WRITTEN], rows }
}

const csvField = (v: Value): string => {
  const s = v === null ? '' : String(v)
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** The dataset as a CSV file's text (UTF-8, with a BOM so Excel opens it as UTF-8; CRLF line ends as Excel writes). */
export function writeDatasetCsv(d: DatasetFile): string {
  const { meta, header, rows } = datasetRows(d)
  const lines = [...meta.map((r) => [`#${r[0]}`, ...r.slice(1)]), header, ...rows].map((r) => r.map(csvField).join(','))
  return `\ufeff${lines.join('\r\n')}\r\n`
}

const INSTRUCTIONS: [string, string][] = [
  ['这是 G60 Briefing 的数据集文件。', 'This is a G60 Briefing dataset file.'],
  ['meta 表：编号、标题、单位、说明、分组、实体（可附经度、纬度）、指标和事件，每行一项。', 'meta sheet: id, titles, unit, notes, groups, entities (with optional longitude, latitude), indicators and events, one per row.'],
  ['data 表：每行一个数字，每个数字都要有来源等级、来源标题，以及引文或公式。', 'data sheet: one figure per row; every figure needs a source tier, a source title, and a quote or a formula.'],
  ['官方来源（official）必须有链接；推算（derived）必须有公式。空的数值是缺口，不是零。', 'An official source needs a URL; a derived figure needs its formula. An empty value is a gap, not zero.'],
  [
    '来源标题（source_title）按来源本身的语言填写：中文网页写中文标题，英文网页写英文标题；译文可填在 source_title_en 或 source_title_zh。没有标题的来源（自行描述的来源）不填 source_title，改填 source_title_zh 和 source_title_en。',
    "source_title is the source's own title in its own language: a Chinese page's title in Chinese, an English page's in English; a translation may go in source_title_en or source_title_zh. A source without a title of its own (one you describe) leaves source_title empty and fills source_title_zh and source_title_en.",
  ],
  ['数值按来源原样填写，单位写在单位列；不要用“万”之类的显示格式缩放数字。', 'Type values as the source prints them, with the unit in the unit column; do not scale numbers with display formats such as 万.'],
  ['检查：npm run validate -- <文件>。说明见 docs/dataset-files.md。', 'Check it: npm run validate -- <file>. See docs/dataset-files.md.'],
]

/** Column width (in characters) that fits `values`, between 8 and 60; CJK characters count two. */
function widthOf(values: Value[]): number {
  let w = 8
  for (const v of values) {
    if (v === null) continue
    let n = 0
    for (const ch of String(v).split('\n')[0]!) n += /[\u2e80-\uffef]/.test(ch) ? 2 : 1
    w = Math.max(w, n + 2)
  }
  return Math.min(w, 60)
}

/** The dataset as an XLSX workbook's bytes: `meta`, `data`, `instructions` (zh-CN and en) and `lists` sheets. */
export async function writeDatasetXlsx(d: DatasetFile): Promise<Buffer> {
  const { meta, header, rows } = datasetRows(d)
  const wb = new ExcelJS.Workbook()
  const metaSheet = wb.addWorksheet('meta')
  metaSheet.addRows(meta)
  metaSheet.columns.forEach((c, i) => (c.width = widthOf(meta.map((r) => r[i] ?? null))))
  const data = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] })
  data.addRow(header).font = { bold: true }
  data.addRows(rows)
  header.forEach((h, i) => (data.getColumn(i + 1).width = widthOf([h, ...rows.map((r) => r[i] ?? null)])))
  const info = wb.addWorksheet('instructions')
  info.addRow(['中文', 'English']).font = { bold: true }
  info.addRows(INSTRUCTIONS)
  info.getColumn(1).width = 70
  info.getColumn(2).width = 90
  const lists = wb.addWorksheet('lists')
  const units = Object.keys(UNITS)
  const columns: [string, readonly string[]][] = [['tier', TIERS], ['qualifier', QUALIFIERS], ['unit', units]]
  columns.forEach(([name, values], k) => {
    lists.getCell(1, k + 1).value = name
    values.forEach((v, i) => (lists.getCell(i + 2, k + 1).value = v))
    const letter = String.fromCharCode(65 + k)
    const at = header.indexOf(name)
    const col = String.fromCharCode(65 + at)
    // ExcelJS has range validations at run time, but its typings lack them.
    ;(data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}2:${col}${Math.max(rows.length + 1, 2) + 1000}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`lists!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorTitle: name,
      error: `${name}: ${values.slice(0, 8).join(', ')}${values.length > 8 ? ', …' : ''}`,
    })
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
