/**
 * Dataset metadata written as rows: the `#key,value` header block of a CSV or
 * the `meta` sheet of an XLSX (the same rows, `#` optional). Recognised rows:
 *
 *   id | title_zh | title_en | unit | notes_zh | notes_en   key, value
 *   entity, <id>, <zh name>, <en name>[, <group>[, <longitude>, <latitude>]]
 *   indicator, <id>, <zh name>, <en name>[, <unit>]
 *   group, <id>, <zh name>, <en name>
 *   event, <date>, <zh label>, <en label>, <tier>, <source title>, <url>,
 *          <source year>, <quote>, <formula>, <note_zh>, <note_en>[, <source title_zh>, <source title_en>]
 *   (the source title is the source's own, in its own language; the two last cells give its
 *   translation, or name a source without a title of its own in each language: see `titleNeeds`)
 *   (a row with one note only, as written before notes were bilingual, shows it in both languages)
 *
 * Problems point at the row and the cell's column letter.
 */
import { TIERS, type DatasetEvent, type EntityMeta, type IndicatorMeta, type Localized, type Tier } from '../../src-shared/dataset'
import { DATE_PATTERN, EXPECTED, MESSAGES, isHttpUrl, sourceNeeds, titleNeeds, type Need } from '../../src-shared/dataset-rules'
import { parseUnit, parseWord, TIER_WORDS } from './fields'
import type { ProblemList } from './problems'

/** A header-block row of a CSV or XLSX file: its file row and cells. */
export interface MetaRow {
  row: number
  cells: string[]
}

/** What the header block declares: id, titles, unit, notes, entities, indicators, groups and events, each with its row for problems. */
export interface MetaInput {
  id?: { value: string; row: number }
  titleZh?: string
  titleEn?: string
  unit?: { value: string; row: number }
  notesZh?: string
  notesEn?: string
  entities: Map<string, EntityMeta & { row: number }>
  indicators: Map<string, IndicatorMeta & { row: number; unitGiven: boolean }>
  groups: Map<string, Localized>
  events: DatasetEvent[]
}

const KEYS: Record<string, string> = {
  id: 'id',
  编号: 'id',
  标识: 'id',
  title_zh: 'title_zh',
  'title_zh-cn': 'title_zh',
  标题: 'title_zh',
  中文标题: 'title_zh',
  title_en: 'title_en',
  英文标题: 'title_en',
  unit: 'unit',
  单位: 'unit',
  notes_zh: 'notes_zh',
  说明: 'notes_zh',
  备注: 'notes_zh',
  notes_en: 'notes_en',
  英文说明: 'notes_en',
  entity: 'entity',
  实体: 'entity',
  indicator: 'indicator',
  指标: 'indicator',
  group: 'group',
  分组: 'group',
  event: 'event',
  事件: 'event',
}

/** The documented keys, for messages. */
export const META_KEYS = 'id, title_zh, title_en, unit, notes_zh, notes_en, entity, indicator, group, event'

/** A spreadsheet column letter for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26))

/** The header-block key a first cell names (`#id`, `#单位` …), or `undefined` when it is not one. */
export function metaKey(cell: string): string | undefined {
  return KEYS[cell.trim().replace(/^#\s*/, '').toLowerCase()]
}

/** Reads the header block into `MetaInput`, adding a problem (with row and column) for each bad row. */
export function readMetaRows(rows: MetaRow[], p: ProblemList): MetaInput {
  const m: MetaInput = { entities: new Map(), indicators: new Map(), groups: new Map(), events: [] }
  for (const { row, cells } of rows) {
    const c = cells.map((x) => x.trim())
    const key = metaKey(c[0] ?? '')
    if (!key) {
      p.add('unknown metadata key', { row, column: 'A', got: c[0], expected: META_KEYS })
      continue
    }
    const v = c[1] ?? ''
    if (key === 'event') {
      const event = readEvent(row, c, p)
      if (event) m.events.push(event)
      continue
    }
    if (key === 'entity' || key === 'indicator' || key === 'group') {
      if (!v) {
        p.add(`${key} row without an id`, { row, column: 'B', got: '', expected: `${key}, <id>, <zh name>, <en name>` })
        continue
      }
      const name = { 'zh-CN': c[2] || v, en: c[3] || c[2] || v }
      const map = key === 'entity' ? m.entities : key === 'indicator' ? m.indicators : m.groups
      if (map.has(v)) p.add(`${key} "${v}" is listed twice`, { row, column: 'B', got: v })
      if (key === 'group') m.groups.set(v, name)
      else if (key === 'entity') m.entities.set(v, { name, row, ...(c[4] ? { group: c[4] } : {}), ...coordOf(row, c, p) })
      else {
        const unit = c[4] ? parseUnit(c[4]) : undefined
        if (c[4] && !unit) p.add(MESSAGES.unknownUnit, { row, column: 'E', got: c[4], expected: EXPECTED.unit })
        m.indicators.set(v, { name, unit: unit ?? '', row, unitGiven: Boolean(c[4]) })
      }
      continue
    }
    if (key === 'id') m.id = { value: v, row }
    else if (key === 'title_zh') m.titleZh = v
    else if (key === 'title_en') m.titleEn = v
    else if (key === 'notes_zh') m.notesZh = v
    else if (key === 'notes_en') m.notesEn = v
    else if (key === 'unit') {
      const unit = parseUnit(v)
      if (!unit) p.add(MESSAGES.unknownUnit, { row, column: 'B', got: v, expected: EXPECTED.unit })
      else m.unit = { value: unit, row }
    }
  }
  for (const [id, e] of m.entities) {
    if (e.group !== undefined && m.groups.size > 0 && !m.groups.has(e.group)) {
      p.add('unknown group', { row: e.row, column: 'E', got: e.group, expected: [...m.groups.keys()].join(', ') })
      delete e.group
    }
    void id
  }
  return m
}

/** Longitude and latitude in columns F and G of an entity row, when given. */
function coordOf(row: number, c: string[], p: ProblemList): { coord?: [number, number] } {
  if (!c[5] && !c[6]) return {}
  const lon = Number(c[5])
  const lat = Number(c[6])
  if (c[5] && c[6] && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) return { coord: [lon, lat] }
  p.add('not a longitude and latitude', { row, column: 'F', got: `${c[5] ?? ''}, ${c[6] ?? ''}`, expected: 'two numbers, e.g. 121.2 and 31.0' })
  return {}
}

/** The cell of an event row that holds each field a source may lack. */
const EVENT_COLUMN: Record<Need['field'], string> = { url: 'G', quote: 'I', formula: 'J', inputTier: 'K', title: 'F', title_en: 'N' }

/** An event row: date, labels, and its source as a figure's (tier, title, url, year, quote, formula), then its note in Chinese and in English, then the source's title in Chinese and in English. */
function readEvent(row: number, c: string[], p: ProblemList): DatasetEvent | null {
  const before = p.size
  const [, date = '', zh = '', en = '', tierText = '', title = '', url = '', year = '', quote = '', formula = '', noteZh = '', noteEn = '', titleZh = '', titleEn = ''] = c
  if (!DATE_PATTERN.test(date)) p.add(MESSAGES.notDate, { row, column: 'B', got: date, expected: EXPECTED.date })
  if (!zh && !en) p.add('an event needs a label', { row, column: 'C', got: '' })
  const tier = parseWord(TIER_WORDS, tierText) as Tier | undefined
  if (!tier || !TIERS.includes(tier)) p.add(MESSAGES.unknownTier, { row, column: 'E', got: tierText, expected: EXPECTED.tier })
  for (const need of titleNeeds({ title: Boolean(title), titleZh: Boolean(titleZh), titleEn: Boolean(titleEn) })) p.add(need.message, { row, column: EVENT_COLUMN[need.field], got: '', expected: need.expected })
  if (url && !isHttpUrl(url)) p.add(MESSAGES.notLink, { row, column: 'G', got: url, expected: EXPECTED.url })
  if (year && !/^\d{4}$/.test(year)) p.add(MESSAGES.notYear, { row, column: 'H', got: year, expected: EXPECTED.year })
  if (tier && TIERS.includes(tier)) for (const need of sourceNeeds(tier, { url: Boolean(url), quote: Boolean(quote), formula: Boolean(formula) })) p.add(need.message, { row, column: EVENT_COLUMN[need.field], got: '' })
  if (p.size > before) return null
  const source = { tier: tier!, title: title || null, ...(titleZh ? { title_zh: titleZh } : {}), ...(titleEn ? { title_en: titleEn } : {}), url: url || null, year: year ? Number(year) : null, quote: quote || null, formula: formula || null }
  return { date, label: { 'zh-CN': zh || en, en: en || zh }, source, note_zh: noteZh || null, note_en: noteEn || null }
}
