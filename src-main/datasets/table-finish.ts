/**
 * Turns a collected table plus its metadata rows into a validated columnar
 * dataset. The rules are the rule book's (src-shared/dataset-rules.ts, the
 * same as for JSON files): checked once per distinct text (a tier, a unit, a
 * link), once per row for numbers with the rule book's predicates, and the
 * tier rules (`sourceNeeds`) once per combination of tier and filled fields,
 * so a million rows cost little more than reading them. Any problem means no
 * dataset. The row passes are in table-rows.ts.
 */
import {
  NONE,
  QUALIFIERS,
  TIERS,
  type ColumnarDataset,
  type DatasetMeta,
  type EntityMeta,
  type IndicatorMeta,
} from '../../src-shared/dataset'
import { idRecord } from '../../src-shared/own'
import { EXPECTED, ID_PATTERN, MESSAGES, isDecimals, isHttpUrl, sourceNeeds, type Need } from '../../src-shared/dataset-rules'
import { QUALIFIER_WORDS, TIER_WORDS, parseBoolean, parseUnit, parseWord } from './fields'
import { fileStem, idFromFileName } from './dataset-id'
import type { MetaInput } from './meta-rows'
import { takeNoteRows, withNotes } from './note-rows'
import type { ProblemList } from './problems'
import { COLUMNS, type ColumnName, type TableBuilder } from './table-builder'
import { UNIT_EMPTY, UNIT_UNSET, checkDuplicates, checkRows, collectSources, usedTexts, type RowCheck } from './table-rows'

/** Problems reported per file before the rest are summarised in one line. */
export const MAX_PROBLEMS = 500

const REQUIRED: ColumnName[] = ['entity', 'indicator', 'value', 'tier']

/**
 * The first `n` values of a column the table builder filled: a view of the
 * same buffer when it has little room to spare (the builder reserves about
 * the file's row count), so a million values are not copied; a copy when the
 * buffer is much longer, so the dataset does not carry (and send) the spare room.
 */
function firstN(values: Float64Array, n: number): Float64Array {
  return values.length - n <= (n >> 3) + 1024 ? values.subarray(0, n) : values.slice(0, n)
}

/** Turns a filled `TableBuilder` and its header block into a columnar dataset, or `null` with every problem added (file, row, column). */
// eslint-disable-next-line max-lines-per-function -- one pass per column over the whole table, with every problem named at its row and column; the steps share the decoded columns
export function finishTable(t: TableBuilder, m: MetaInput, p: ProblemList): ColumnarDataset | null {
  t.resolveDecimals()
  const noteRows = takeNoteRows(t)
  const n = t.length
  const col = (c: ColumnName): string => t.headerText[c] ?? c
  let extra = 0
  const add = (index: number, c: ColumnName, message: string, got?: string, expected?: string): void => {
    if (p.size >= MAX_PROBLEMS) {
      extra++
      return
    }
    p.add(message, { row: t.rows[index], column: col(c), ...(got ? { got } : {}), ...(expected ? { expected } : {}) })
  }

  for (const c of REQUIRED) if (t.headerText[c] === undefined) p.add(`missing column "${c}"`, { row: t.headerRow, expected: `a column named ${c} (or an alias, see docs/dataset-files.md)` })
  if (t.headerText.year === undefined && t.headerText.period === undefined) p.add('missing column "year" (or "period")', { row: t.headerRow })
  // A source is named by its own title, or by a title in each language.
  if (t.headerText.source_title === undefined && (t.headerText.source_title_zh === undefined || t.headerText.source_title_en === undefined)) {
    p.add('missing column "source_title"', { row: t.headerRow, expected: 'a column named source_title (or an alias, see docs/dataset-files.md), or source_title_zh and source_title_en' })
  }
  for (const [c, index] of t.stray) p.add('a value in a column without a header', { row: t.rows[index] ?? t.headerRow, column: `column ${c + 1}` })
  if (n === 0) p.add('the table has no rows of figures', { row: t.headerRow })
  if (p.size > 0) return null

  // Texts per column, decoded once.
  const texts = {} as Record<ColumnName, string[]>
  const ids = {} as Record<ColumnName, Uint32Array>
  // A text column the file lacks is all empty (id 0); one shared array of zeros stands for every such column.
  let empty: Uint32Array | null = null
  for (const c of COLUMNS) {
    const tc = t.text[c]
    texts[c] = tc ? tc.finish(n) : ['']
    ids[c] = tc ? tc.ids : (empty ??= new Uint32Array(n))
  }
  // A column the file lacks is all gaps; one shared array of NaN stands for it.
  let gaps: Float64Array | null = null
  const nums = (c: ColumnName): Float64Array => t.num[c]?.values ?? (gaps ??= new Float64Array(n).fill(NaN))
  for (const b of t.bad) add(b.index, b.column, b.message ?? (b.column.endsWith('year') ? MESSAGES.notYear : MESSAGES.notNumber), b.text, b.column.endsWith('year') ? EXPECTED.year : EXPECTED.number)

  // Strings of the columnar form.
  const strings: string[] = []
  const stringIndex = new Map<string, number>()
  const intern = (s: string): number => {
    let i = stringIndex.get(s)
    if (i === undefined) {
      i = strings.length
      stringIndex.set(s, i)
      strings.push(s)
    }
    return i
  }
  const declaredEntities = m.entities.size > 0
  const declaredIndicators = m.indicators.size > 0
  const entities = idRecord<EntityMeta>()
  const indicators = idRecord<IndicatorMeta>()
  for (const [id, e] of m.entities) entities[id] = { name: e.name, ...(e.group ? { group: e.group } : {}), ...(e.coord ? { coord: e.coord } : {}) }
  for (const [id, d] of m.indicators) indicators[id] = { name: d.name, unit: d.unit }
  const byName = (map: Map<string, { name: { 'zh-CN': string; en: string } }>): Map<string, string> => {
    const out = new Map<string, string>()
    for (const [id, v] of map) out.set(v.name['zh-CN'], id).set(v.name.en, id)
    return out
  }
  const entityNames = byName(m.entities)
  const indicatorNames = byName(m.indicators)

  // Per distinct text: its meaning, or NONE when invalid (reported per row).
  const lookup = (c: ColumnName, f: (s: string) => number): Uint32Array => Uint32Array.from(texts[c], (s) => f(s))
  // Only texts some figure row uses name an entity: a note row taken off the end left its text in the column's dictionary.
  const entityUsed = usedTexts(ids.entity, n, texts.entity.length)
  const entityOf = Uint32Array.from(texts.entity, (s, k) => {
    if (s === '' || !entityUsed[k]) return NONE
    const id = m.entities.has(s) ? s : entityNames.get(s)
    if (id !== undefined) return intern(id)
    if (declaredEntities) return NONE
    entities[s] = { name: { 'zh-CN': s, en: s } }
    return intern(s)
  })
  const indicatorOf = lookup('indicator', (s) => {
    if (s === '') return NONE
    const id = m.indicators.has(s) ? s : indicatorNames.get(s)
    if (id !== undefined) return intern(id)
    return declaredIndicators ? NONE : intern(s)
  })
  const unitOf = lookup('unit', (s) => (s === '' ? UNIT_EMPTY : ((u) => (u ? intern(u) : NONE))(parseUnit(s))))
  const qualifierOf = lookup('qualifier', (s) => (s === '' ? 0 : ((q) => (q ? QUALIFIERS.indexOf(q) : NONE))(parseWord(QUALIFIER_WORDS, s))))
  const tierOf = lookup('tier', (s) => ((tier) => (tier ? TIERS.indexOf(tier) : NONE))(parseWord(TIER_WORDS, s)))
  const urlOk = texts.source_url.map((s) => s === '' || isHttpUrl(s))
  const conflictOf = lookup('conflict', (s) => ((b) => (b.ok ? Number(b.value) : NONE))(parseBoolean(s)))

  // Without "#unit", the unit of the first row that has one: its unit cell, or (empty cell) the unit its indicator declares (docs/dataset-files.md).
  const declaredUnit = (i: number): string | undefined => {
    const s = texts.indicator[ids.indicator[i]!] ?? ''
    const id = m.indicators.has(s) ? s : indicatorNames.get(s)
    return (id === undefined ? undefined : m.indicators.get(id)?.unit) || undefined
  }
  const firstUnit = (): string | undefined => {
    for (let i = 0; i < n; i++) {
      if (ids.unit[i] !== 0) return parseUnit(texts.unit[ids.unit[i]!]!)
      const declared = declaredUnit(i)
      if (declared) return declared
    }
    return t.num.value?.percent?.[0] ? 'percent' : undefined
  }
  const datasetUnit = m.unit?.value ?? firstUnit()
  for (const d of Object.values(indicators)) if (d.unit === '' && datasetUnit) d.unit = datasetUnit
  if (!datasetUnit) p.add('no dataset unit: add a "#unit,<code>" line or fill the unit column', { expected: EXPECTED.unit })
  const idOf = m.id?.value ?? idFromFileName(p.file)
  if (!ID_PATTERN.test(idOf)) p.add(MESSAGES.datasetId, { row: m.id?.row, column: 'B', got: idOf, expected: EXPECTED.id })

  const value = firstN(nums('value'), n)
  const valueHigh = t.num.value_high ? firstN(t.num.value_high.values, n) : new Float64Array(n).fill(NaN)
  // Printed decimals (optional column): −1 where the cell is empty.
  const decimalsIn = t.num.decimals?.values
  const decimals = decimalsIn ? Int8Array.from(decimalsIn.subarray(0, n), (v) => (v === v ? v : -1)) : null
  if (decimalsIn) for (let i = 0; i < n; i++) if (decimalsIn[i] === decimalsIn[i] && !isDecimals(decimalsIn[i]!)) add(i, 'decimals', MESSAGES.notDecimals, String(decimalsIn[i]), EXPECTED.decimals)
  // No source_year column: no year to check, and every source's year is 0 (the shared zeros).
  const sourceYear = t.num.source_year?.values ?? null
  const txt = (c: ColumnName): Uint32Array => Uint32Array.from(texts[c], (s) => (s === '' ? NONE : intern(s)))
  const percentUnit = intern('percent')
  const datasetUnitId = datasetUnit ? intern(datasetUnit) : NONE
  // Per indicator (by string id): its default unit, looked up when a row first needs it.
  const defaultUnit = new Uint32Array(strings.length + texts.indicator.length + 1).fill(UNIT_UNSET)
  // What a source lacks, per tier and filled fields (url, quote, formula as bits): the rule book's `sourceNeeds`, asked once per combination.
  const needsOf: Need[][] = []
  TIERS.forEach((tier, t) => {
    for (let bits = 0; bits < 8; bits++) needsOf[(t << 3) | bits] = sourceNeeds(tier, { url: (bits & 4) !== 0, quote: (bits & 2) !== 0, formula: (bits & 1) !== 0 })
  })
  // Optional columns the file lacks give every row the same value: filled once here, skipped in the row loop.
  const has = {
    period: t.text.period !== undefined,
    qualifier: t.text.qualifier !== undefined,
    conflict: t.text.conflict !== undefined,
    notes: t.text.note !== undefined || t.text.note_zh !== undefined || t.text.note_en !== undefined,
  }
  const r: RowCheck = {
    n,
    texts,
    ids,
    entityOf,
    indicatorOf,
    periodOf: txt('period'),
    unitOf,
    qualifierOf,
    conflictOf,
    tierOf,
    noteOf: txt('note'),
    noteZhOf: txt('note_zh'),
    noteEnOf: txt('note_en'),
    urlOk,
    needsOf,
    yearIn: nums('year'),
    value,
    valueHigh: t.num.value_high ? valueHigh : null,
    sourceYear,
    percent: t.num.value?.percent ?? null,
    has,
    percentUnit,
    datasetUnit: datasetUnitId,
    defaultUnit,
    unitOfIndicator: (ind) => {
      const u = indicators[strings[ind]!]?.unit
      return (defaultUnit[ind] = u ? intern(u) : datasetUnitId)
    },
    sawIndicator: (ind, u) => {
      if (!indicators[strings[ind]!] && u !== NONE) indicators[strings[ind]!] = { name: { 'zh-CN': strings[ind]!, en: strings[ind]! }, unit: strings[u]! }
    },
    listed: (c) => {
      const declared = c === 'entity' ? m.entities : m.indicators
      return declared.size > 0 ? [...declared.keys()].join(', ') : undefined
    },
    add,
    entity: new Uint32Array(n),
    indicator: new Uint32Array(n),
    year: new Int32Array(n),
    period: has.period ? new Uint32Array(n) : new Uint32Array(n).fill(NONE),
    unit: new Uint32Array(n),
    qualifier: new Uint8Array(n),
    conflict: new Uint8Array(n),
    noteZh: has.notes ? new Uint32Array(n) : new Uint32Array(n).fill(NONE),
    noteEn: has.notes ? new Uint32Array(n) : new Uint32Array(n).fill(NONE),
    // A source is its tier, title, link, year, quote, formula and input tier: the tier and year per row, the texts as the columns' ids.
    sTier: new Uint32Array(n),
    sYear: sourceYear ? new Uint32Array(n) : (empty ??= new Uint32Array(n)),
  }
  checkRows(r)
  // Same entity, indicator, year, period and source URL twice: the second is an error.
  checkDuplicates(r, strings, t.rows)
  if (extra > 0) p.add(`… and ${extra} more problems in this file`)
  if (p.size > 0) return null

  const { sources, source } = collectSources(r)
  const { entity, indicator, year, period, unit, qualifier, noteZh, noteEn, conflict } = r
  const out = { entity, indicator, period, unit, qualifier, noteZh, noteEn, conflict, source }

  const fallback = m.id ? idOf : fileStem(p.file)
  const title = { 'zh-CN': m.titleZh || m.titleEn || fallback, en: m.titleEn || m.titleZh || fallback }
  const given = withNotes(m.notesZh, m.notesEn, noteRows)
  const notes = given.zh || given.en ? { 'zh-CN': given.zh || given.en!, en: given.en || given.zh! } : null
  const meta: DatasetMeta = { id: idOf, title, unit: datasetUnit!, notes, entities, indicators }
  if (m.groups.size > 0) meta.groups = Object.fromEntries(m.groups)
  if (m.events.length > 0) meta.events = m.events
  return { meta, length: n, strings, ...out, year, value, valueHigh, ...(decimals ? { decimals } : {}), sources }
}
