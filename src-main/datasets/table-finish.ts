/**
 * Turns a collected table plus its metadata rows into a validated columnar
 * dataset. The rules are the rule book's (src-shared/dataset-rules.ts, the
 * same as for JSON files): checked once per distinct text (a tier, a unit, a
 * link), once per row for numbers with the rule book's predicates, and the
 * tier rules (`sourceNeeds`) once per combination of tier and filled fields,
 * so a million rows cost little more than reading them. Any problem means no
 * dataset.
 */
import {
  NONE,
  QUALIFIERS,
  TIERS,
  type ColumnarDataset,
  type DatasetMeta,
  type EntityMeta,
  type IndicatorMeta,
  type Source,
  type Tier,
} from '../../src-shared/dataset'
import { idRecord } from '../../src-shared/own'
import { EXPECTED, ID_PATTERN, MESSAGES, isDecimals, isHttpUrl, isYear, sourceNeeds, type Need } from '../../src-shared/dataset-rules'
import { QUALIFIER_WORDS, TIER_WORDS, parseBoolean, parseUnit, parseWord } from './fields'
import { fileStem, idFromFileName } from './dataset-id'
import type { MetaInput } from './meta-rows'
import { takeNoteRows, withNotes } from './note-rows'
import type { ProblemList } from './problems'
import { COLUMNS, type ColumnName, type TableBuilder } from './table-builder'
import { TupleSet, firstRows } from './tuple-set'

/** Problems reported per file before the rest are summarised in one line. */
export const MAX_PROBLEMS = 500

/** The column of a table that holds each field a source may lack. */
const NEED_COLUMN: Record<Need['field'], ColumnName> = { url: 'source_url', quote: 'quote', formula: 'formula', inputTier: 'input_tier' }

const REQUIRED: ColumnName[] = ['entity', 'indicator', 'value', 'tier', 'source_title']

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
  const entityUsed = new Uint8Array(texts.entity.length)
  const usedIds = ids.entity
  for (let i = 0; i < n; i++) entityUsed[usedIds[i]!] = 1
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
  const unitOf = lookup('unit', (s) => (s === '' ? NONE - 1 : ((u) => (u ? intern(u) : NONE))(parseUnit(s))))
  const qualifierOf = lookup('qualifier', (s) => (s === '' ? 0 : ((q) => (q ? QUALIFIERS.indexOf(q) : NONE))(parseWord(QUALIFIER_WORDS, s))))
  const tierOf = lookup('tier', (s) => ((tier) => (tier ? TIERS.indexOf(tier) : NONE))(parseWord(TIER_WORDS, s)))
  const urlOk = texts.source_url.map((s) => s === '' || isHttpUrl(s))
  const conflictOf = lookup('conflict', (s) => ((b) => (b.ok ? Number(b.value) : NONE))(parseBoolean(s)))

  const firstUnit = (): string | undefined => {
    for (let i = 0; i < n; i++) if (ids.unit[i] !== 0) return parseUnit(texts.unit[ids.unit[i]!]!)
    return t.num.value?.percent?.[0] ? 'percent' : undefined
  }
  const datasetUnit = m.unit?.value ?? firstUnit()
  for (const d of Object.values(indicators)) if (d.unit === '' && datasetUnit) d.unit = datasetUnit
  if (!datasetUnit) p.add('no dataset unit: add a "#unit,<code>" line or fill the unit column', { expected: EXPECTED.unit })
  const idOf = m.id?.value ?? idFromFileName(p.file)
  if (!ID_PATTERN.test(idOf)) p.add(MESSAGES.datasetId, { row: m.id?.row, column: 'B', got: idOf, expected: EXPECTED.id })

  const year = new Int32Array(n)
  const value = firstN(nums('value'), n)
  const valueHigh = t.num.value_high ? firstN(t.num.value_high.values, n) : new Float64Array(n).fill(NaN)
  // Printed decimals (optional column): −1 where the cell is empty.
  const decimalsIn = t.num.decimals?.values
  const decimals = decimalsIn ? Int8Array.from(decimalsIn.subarray(0, n), (v) => (v === v ? v : -1)) : null
  if (decimalsIn) for (let i = 0; i < n; i++) if (decimalsIn[i] === decimalsIn[i] && !isDecimals(decimalsIn[i]!)) add(i, 'decimals', MESSAGES.notDecimals, String(decimalsIn[i]), EXPECTED.decimals)
  const yearIn = nums('year')
  // No source_year column: no year to check, and every source's year is 0 (the shared zeros).
  const sourceYear = t.num.source_year?.values ?? null
  const percent = t.num.value?.percent ?? null
  const entity = new Uint32Array(n)
  const indicator = new Uint32Array(n)
  const period = new Uint32Array(n)
  const unit = new Uint32Array(n)
  const qualifier = new Uint8Array(n)
  const noteZh = new Uint32Array(n)
  const noteEn = new Uint32Array(n)
  const conflict = new Uint8Array(n)
  const source = new Uint32Array(n)
  const txt = (c: ColumnName): Uint32Array => Uint32Array.from(texts[c], (s) => (s === '' ? NONE : intern(s)))
  const periodOf = txt('period')
  const noteOf = txt('note')
  const noteZhOf = txt('note_zh')
  const noteEnOf = txt('note_en')
  // A source is its tier, title, link, year, quote, formula and input tier: the tier and year per row, the texts as the columns' ids.
  const sTier = new Uint32Array(n)
  const sYear = sourceYear ? new Uint32Array(n) : (empty ??= new Uint32Array(n))
  const percentUnit = intern('percent')
  const datasetUnitId = datasetUnit ? intern(datasetUnit) : NONE
  // Per indicator (by string id): its default unit, NONE - 2 until first needed, so rows do no string lookups.
  const UNSET = NONE - 2
  const defaultUnit = new Uint32Array(strings.length + texts.indicator.length + 1).fill(UNSET)
  const seenIndicator = new Uint8Array(defaultUnit.length)
  const unitOfIndicator = (ind: number): number => {
    const u = indicators[strings[ind]!]?.unit
    return (defaultUnit[ind] = u ? intern(u) : datasetUnitId)
  }
  // What a source lacks, per tier and filled fields (url, quote, formula as bits): the rule book's `sourceNeeds`, asked once per combination.
  const needsOf: Need[][] = []
  TIERS.forEach((tier, t) => {
    for (let bits = 0; bits < 8; bits++) needsOf[(t << 3) | bits] = sourceNeeds(tier, { url: (bits & 4) !== 0, quote: (bits & 2) !== 0, formula: (bits & 1) !== 0 })
  })
  // Columns as locals: the row loop below touches each of them once per row.
  const entityIds = ids.entity
  const indicatorIds = ids.indicator
  const periodIds = ids.period
  const unitIds = ids.unit
  const qualifierIds = ids.qualifier
  const conflictIds = ids.conflict
  const noteIds = ids.note
  const noteZhIds = ids.note_zh
  const noteEnIds = ids.note_en
  const tierIds = ids.tier
  const titleIds = ids.source_title
  const urlIds = ids.source_url
  const quoteIds = ids.quote
  const formulaIds = ids.formula
  const inputIds = ids.input_tier
  const inputTexts = texts.input_tier
  // Optional columns the file lacks give every row the same value: filled once here, skipped in the row loop.
  const hasPeriod = t.text.period !== undefined
  const hasQualifier = t.text.qualifier !== undefined
  const hasConflict = t.text.conflict !== undefined
  const hasNotes = t.text.note !== undefined || t.text.note_zh !== undefined || t.text.note_en !== undefined
  const hasHigh = t.num.value_high !== undefined
  if (!hasPeriod) period.fill(NONE)
  if (!hasNotes) {
    noteZh.fill(NONE)
    noteEn.fill(NONE)
  }

  for (let i = 0; i < n; i++) {
    const eid = entityIds[i]!
    const e = entityOf[eid]!
    if (e === NONE) add(i, 'entity', eid === 0 ? 'missing entity' : 'entity not listed in the metadata', texts.entity[eid], declaredEntities ? [...m.entities.keys()].join(', ') : undefined)
    entity[i] = e
    const iid = indicatorIds[i]!
    const ind = indicatorOf[iid]!
    if (ind === NONE) add(i, 'indicator', iid === 0 ? 'missing indicator' : 'indicator not listed in the metadata', texts.indicator[iid], declaredIndicators ? [...m.indicators.keys()].join(', ') : undefined)
    indicator[i] = ind
    const y = yearIn[i]!
    if (y !== y) year[i] = 0
    else if (!isYear(y)) add(i, 'year', MESSAGES.notYear, String(y), EXPECTED.year)
    else year[i] = y
    if (hasPeriod) period[i] = periodOf[periodIds[i]!]!
    if (hasHigh) {
      const v = value[i]!
      const hi = valueHigh[i]!
      if (hi < v) add(i, 'value_high', MESSAGES.rangeBelow, String(hi), `≥ ${v}`)
    }
    const uid = unitIds[i]!
    let u = unitOf[uid]!
    if (u === NONE) add(i, 'unit', MESSAGES.unknownUnit, texts.unit[uid], EXPECTED.unit)
    else if (u === NONE - 1) {
      if (percent !== null && percent[i]) u = percentUnit
      else if (ind === NONE) u = datasetUnitId
      else {
        u = defaultUnit[ind]!
        if (u === UNSET) u = unitOfIndicator(ind)
      }
    }
    unit[i] = u
    if (ind !== NONE && !seenIndicator[ind]) {
      seenIndicator[ind] = 1
      if (!indicators[strings[ind]!] && u !== NONE) indicators[strings[ind]!] = { name: { 'zh-CN': strings[ind]!, en: strings[ind]! }, unit: strings[u]! }
    }
    if (hasQualifier) {
      const qid = qualifierIds[i]!
      const q = qualifierOf[qid]!
      if (q === NONE) add(i, 'qualifier', MESSAGES.unknownQualifier, texts.qualifier[qid], EXPECTED.qualifier)
      qualifier[i] = q
    }
    if (hasConflict) {
      const cid = conflictIds[i]!
      const c = conflictOf[cid]!
      if (c === NONE) add(i, 'conflict', 'not yes or no', texts.conflict[cid], EXPECTED.boolean)
      conflict[i] = c
    }
    if (hasNotes) {
      // A single `note` fills the language the row does not give.
      const legacyNote = noteOf[noteIds[i]!]!
      const zh = noteZhOf[noteZhIds[i]!]!
      const en = noteEnOf[noteEnIds[i]!]!
      noteZh[i] = zh === NONE ? legacyNote : zh
      noteEn[i] = en === NONE ? legacyNote : en
    }

    const tid = tierIds[i]!
    const tier = tierOf[tid]!
    if (tier === NONE) add(i, 'tier', tid === 0 ? 'every figure needs a source tier' : MESSAGES.unknownTier, texts.tier[tid], EXPECTED.tier)
    const titleId = titleIds[i]!
    if (titleId === 0) add(i, 'source_title', 'every figure needs a source title', '', 'the title of the source')
    const urlId = urlIds[i]!
    if (!urlOk[urlId]) add(i, 'source_url', MESSAGES.notLink, texts.source_url[urlId], EXPECTED.url)
    const quoteId = quoteIds[i]!
    const formulaId = formulaIds[i]!
    if (tier !== NONE) {
      const needs = needsOf[(tier << 3) | (urlId === 0 ? 0 : 4) | (quoteId === 0 ? 0 : 2) | (formulaId === 0 ? 0 : 1)]!
      for (let k = 0; k < needs.length; k++) add(i, NEED_COLUMN[needs[k]!.field], needs[k]!.message, '', needs[k]!.expected)
    }
    if (sourceYear !== null) {
      const sy = sourceYear[i]!
      if (sy === sy && !isYear(sy)) add(i, 'source_year', MESSAGES.notYear, String(sy), EXPECTED.year)
      sYear[i] = sy === sy ? sy : 0
    }
    sTier[i] = tier
    const inputId = inputIds[i]!
    const inputTier = inputTexts[inputId]!
    if (inputId !== 0 && tier !== NONE) for (const need of sourceNeeds(TIERS[tier]!, { url: true, quote: true, formula: true, inputTier })) add(i, 'input_tier', need.message, inputTier, need.expected)
  }

  // Same entity, indicator, year, period and source URL twice: the second is an error.
  const firstOf = firstRows([entity, indicator, year, period, urlIds], n)
  for (let i = 0; i < n; i++) {
    const first = firstOf[i]!
    if (first !== i) add(i, 'entity', `duplicate of row ${t.rows[first]}: same entity, indicator, year, period and source URL`, `${strings[entity[i]!]} / ${strings[indicator[i]!]} / ${year[i] || 'undated'}`)
  }
  if (extra > 0) p.add(`… and ${extra} more problems in this file`)
  if (p.size > 0) return null

  const sourceSet = new TupleSet([sTier, titleIds, urlIds, sYear, quoteIds, formulaIds, inputIds])
  const sources: Source[] = []
  // Source index of each row that first showed a source.
  const sourceAt = new Int32Array(n)
  const orNull = (c: ColumnName, id: number): string | null => (id === 0 ? null : texts[c][id]!)
  for (let i = 0; i < n; i++) {
    const first = sourceSet.add(i)
    if (first !== i) {
      source[i] = sourceAt[first]!
      continue
    }
    const s = sources.length
    sourceAt[i] = s
    sources.push({
      tier: TIERS[sTier[i]!] as Tier,
      title: texts.source_title[titleIds[i]!]!,
      url: orNull('source_url', urlIds[i]!),
      year: sYear[i] || null,
      quote: orNull('quote', quoteIds[i]!),
      formula: orNull('formula', formulaIds[i]!),
      ...(inputIds[i] ? { inputTier: texts.input_tier[inputIds[i]!] as Source['inputTier'] } : {}),
    })
    source[i] = s
  }
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
