/**
 * Turns a collected table plus its metadata rows into a validated columnar
 * dataset. Rules are checked once per distinct text (a tier, a unit, a link)
 * and once per row for numbers, so a million rows cost little more than
 * reading them. Any problem means no dataset.
 */
import { basename, extname } from 'node:path'
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
} from '../../src-renderer/shared/dataset'
import { EXPECTED, ID_PATTERN, QUALIFIER_WORDS, TIER_WORDS, isHttpUrl, isYear, parseBoolean, parseUnit, parseWord } from './fields'
import type { MetaInput } from './meta-rows'
import type { ProblemList } from './problems'
import { COLUMNS, type ColumnName, type TableBuilder } from './table-builder'
import { TupleSet } from './tuple-set'

/** Problems reported per file before the rest are summarised in one line. */
export const MAX_PROBLEMS = 500

const REQUIRED: ColumnName[] = ['entity', 'indicator', 'value', 'tier', 'source_title']

export function finishTable(t: TableBuilder, m: MetaInput, p: ProblemList): ColumnarDataset | null {
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
  for (const c of COLUMNS) {
    const tc = t.text[c]
    texts[c] = tc ? tc.finish() : ['']
    ids[c] = tc ? tc.ids : new Uint32Array(n)
  }
  const nums = (c: ColumnName): Float64Array => t.num[c]?.values ?? new Float64Array(n).fill(NaN)
  for (const b of t.bad) add(b.index, b.column, b.column.endsWith('year') ? 'not a year' : 'not a number', b.text, b.column.endsWith('year') ? EXPECTED.year : EXPECTED.number)

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
  const entities: Record<string, EntityMeta> = {}
  const indicators: Record<string, IndicatorMeta> = {}
  for (const [id, e] of m.entities) entities[id] = { name: e.name, ...(e.group ? { group: e.group } : {}) }
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
  const entityOf = lookup('entity', (s) => {
    if (s === '') return NONE
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
  const idOf = m.id?.value ?? basename(p.file, extname(p.file)).toLowerCase().replace(/[\s_]+/g, '-')
  if (!ID_PATTERN.test(idOf)) {
    p.add(m.id ? 'dataset id is not kebab-case' : 'no "#id" line, and the file name is not a usable id', { row: m.id?.row, column: m.id ? 'B' : undefined, got: idOf, expected: EXPECTED.id })
  }

  const year = new Int32Array(n)
  const value = new Float64Array(nums('value'))
  const valueHigh = new Float64Array(nums('value_high'))
  const yearIn = nums('year')
  const sourceYear = nums('source_year')
  const percent = t.num.value?.percent
  const out = {
    entity: new Uint32Array(n),
    indicator: new Uint32Array(n),
    period: new Uint32Array(n),
    unit: new Uint32Array(n),
    qualifier: new Uint8Array(n),
    note: new Uint32Array(n),
    conflict: new Uint8Array(n),
    source: new Uint32Array(n),
  }
  const txt = (c: ColumnName): Uint32Array => Uint32Array.from(texts[c], (s) => (s === '' ? NONE : intern(s)))
  const periodOf = txt('period')
  const noteOf = txt('note')
  const sourceCols = { tier: new Uint32Array(n), title: new Uint32Array(n), url: new Uint32Array(n), year: new Uint32Array(n), quote: new Uint32Array(n), formula: new Uint32Array(n) }
  const percentUnit = intern('percent')
  const datasetUnitId = datasetUnit ? intern(datasetUnit) : NONE
  // Per indicator (by string id): its default unit and whether it has been seen, so rows do no string lookups.
  const defaultUnit: number[] = []
  const seenIndicator: boolean[] = []
  const unitOfIndicator = (ind: number): number => {
    const unit = indicators[strings[ind]!]?.unit
    return (defaultUnit[ind] = unit ? intern(unit) : datasetUnitId)
  }
  const DERIVED = TIERS.indexOf('derived')

  for (let i = 0; i < n; i++) {
    const e = entityOf[ids.entity[i]!]!
    if (e === NONE) add(i, 'entity', ids.entity[i] === 0 ? 'missing entity' : 'entity not listed in the metadata', texts.entity[ids.entity[i]!], declaredEntities ? [...m.entities.keys()].join(', ') : undefined)
    out.entity[i] = e
    const ind = indicatorOf[ids.indicator[i]!]!
    if (ind === NONE) add(i, 'indicator', ids.indicator[i] === 0 ? 'missing indicator' : 'indicator not listed in the metadata', texts.indicator[ids.indicator[i]!], declaredIndicators ? [...m.indicators.keys()].join(', ') : undefined)
    out.indicator[i] = ind
    const y = yearIn[i]!
    if (Number.isNaN(y)) year[i] = 0
    else if (!isYear(y)) add(i, 'year', 'not a year', String(y), EXPECTED.year)
    else year[i] = y
    out.period[i] = periodOf[ids.period[i]!]!
    const v = value[i]!
    const hi = valueHigh[i]!
    if (hi < v) add(i, 'value_high', 'the upper end of a range is below its value', String(hi), `≥ ${v}`)
    let u = unitOf[ids.unit[i]!]!
    if (u === NONE) add(i, 'unit', 'unknown unit', texts.unit[ids.unit[i]!], EXPECTED.unit)
    else if (u === NONE - 1) u = percent?.[i] ? percentUnit : ind === NONE ? datasetUnitId : (defaultUnit[ind] ?? unitOfIndicator(ind))
    out.unit[i] = u
    if (ind !== NONE && !seenIndicator[ind]) {
      seenIndicator[ind] = true
      if (!indicators[strings[ind]!] && u !== NONE) indicators[strings[ind]!] = { name: { 'zh-CN': strings[ind]!, en: strings[ind]! }, unit: strings[u]! }
    }
    const q = qualifierOf[ids.qualifier[i]!]!
    if (q === NONE) add(i, 'qualifier', 'unknown qualifier', texts.qualifier[ids.qualifier[i]!], EXPECTED.qualifier)
    out.qualifier[i] = q
    const c = conflictOf[ids.conflict[i]!]!
    if (c === NONE) add(i, 'conflict', 'not yes or no', texts.conflict[ids.conflict[i]!], EXPECTED.boolean)
    out.conflict[i] = c
    out.note[i] = noteOf[ids.note[i]!]!

    const tier = tierOf[ids.tier[i]!]!
    if (tier === NONE) add(i, 'tier', ids.tier[i] === 0 ? 'every figure needs a source tier' : 'unknown tier', texts.tier[ids.tier[i]!], EXPECTED.tier)
    if (ids.source_title[i] === 0) add(i, 'source_title', 'every figure needs a source title', '', 'the title of the source')
    const urlId = ids.source_url[i]!
    if (!urlOk[urlId]) add(i, 'source_url', 'not a link', texts.source_url[urlId], EXPECTED.url)
    else if (urlId === 0 && tier !== NONE && TIERS[tier] === 'official') add(i, 'source_url', 'an official source needs a URL', '', EXPECTED.url)
    if (tier === DERIVED && ids.formula[i] === 0) add(i, 'formula', 'a derived figure needs the formula it was computed with', '', 'e.g. "1,033 ÷ 2.296"')
    else if (tier !== NONE && tier !== DERIVED && ids.quote[i] === 0 && ids.formula[i] === 0) add(i, 'quote', 'a source needs the exact words quoted (or a formula)', '', 'the sentence the figure comes from')
    const sy = sourceYear[i]!
    if (!Number.isNaN(sy) && !isYear(sy)) add(i, 'source_year', 'not a year', String(sy), EXPECTED.year)
    sourceCols.tier[i] = tier
    sourceCols.title[i] = ids.source_title[i]!
    sourceCols.url[i] = urlId
    sourceCols.year[i] = Number.isNaN(sy) ? 0 : sy
    sourceCols.quote[i] = ids.quote[i]!
    sourceCols.formula[i] = ids.formula[i]!
  }

  // Same entity, indicator, year, period and source URL twice: the second is an error.
  const dupes = new TupleSet([out.entity, out.indicator, year, out.period, sourceCols.url], n)
  for (let i = 0; i < n; i++) {
    const first = dupes.add(i)
    if (first !== i) add(i, 'entity', `duplicate of row ${t.rows[first]}: same entity, indicator, year, period and source URL`, `${strings[out.entity[i]!]} / ${strings[out.indicator[i]!]} / ${year[i] || 'undated'}`)
  }
  if (extra > 0) p.add(`… and ${extra} more problems in this file`)
  if (p.size > 0) return null

  const sourceSet = new TupleSet(Object.values(sourceCols), n)
  const sources: Source[] = []
  const sourceAt = new Map<number, number>()
  const orNull = (c: ColumnName, id: number): string | null => (id === 0 ? null : texts[c][id]!)
  for (let i = 0; i < n; i++) {
    const first = sourceSet.add(i)
    let s = sourceAt.get(first)
    if (s === undefined) {
      s = sources.length
      sourceAt.set(first, s)
      sources.push({
        tier: TIERS[sourceCols.tier[i]!] as Tier,
        title: texts.source_title[sourceCols.title[i]!]!,
        url: orNull('source_url', sourceCols.url[i]!),
        year: sourceCols.year[i] || null,
        quote: orNull('quote', sourceCols.quote[i]!),
        formula: orNull('formula', sourceCols.formula[i]!),
      })
    }
    out.source[i] = s
  }

  const title = { 'zh-CN': m.titleZh || m.titleEn || idOf, en: m.titleEn || m.titleZh || idOf }
  const notes = m.notesZh || m.notesEn ? { 'zh-CN': m.notesZh || m.notesEn!, en: m.notesEn || m.notesZh! } : null
  const meta: DatasetMeta = { id: idOf, title, unit: datasetUnit!, notes, entities, indicators }
  if (m.groups.size > 0) meta.groups = Object.fromEntries(m.groups)
  return { meta, length: n, strings, ...out, year, value, valueHigh, sources }
}
