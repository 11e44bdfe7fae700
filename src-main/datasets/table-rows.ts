/**
 * The per-row passes of `finishTable` (table-finish.ts) over a million-row
 * table: the rule checks and output columns, the duplicate check and the
 * shared sources. Each is a function of its own with one hot loop, so V8
 * optimizes it once and keeps it: inside the one long `finishTable` the loops
 * were compiled on the fly (on-stack replacement) and thrown away at every
 * load, as code after each loop had not run yet.
 */
import { NONE, TIERS, type Source, type Tier } from '../../src-shared/dataset'
import { EXPECTED, MESSAGES, isYear, sourceNeeds, titleNeeds, type Need } from '../../src-shared/dataset-rules'
import type { ColumnName } from './table-builder'
import { TupleSet, firstRows } from './tuple-set'

/** Adds a problem at table row `index` (0-based) and column `c`. */
export type AddProblem = (index: number, c: ColumnName, message: string, got?: string, expected?: string) => void

/** The column of a table that holds each field a source may lack. */
const NEED_COLUMN: Record<Need['field'], ColumnName> = { url: 'source_url', quote: 'quote', formula: 'formula', inputTier: 'input_tier', title: 'source_title', title_en: 'source_title_en' }

/** What a source's titles lack, per filled title, Chinese and English title (bits 4, 2, 1): the rule book's `titleNeeds`, asked once per combination. */
const TITLE_NEEDS_OF: Need[][] = Array.from({ length: 8 }, (_, bits) => titleNeeds({ title: (bits & 4) !== 0, titleZh: (bits & 2) !== 0, titleEn: (bits & 1) !== 0 }))

/** A unit id meaning "the unit cell is empty": the row takes its indicator's or the dataset's unit. */
export const UNIT_EMPTY = NONE - 1
/** A default-unit slot not looked up yet. */
export const UNIT_UNSET = NONE - 2

/**
 * What the row checks read and write. `…Ids` are the table's text ids per
 * row; `…Of` map a text id to its meaning (a string index, an enum index, or
 * `NONE` when the text is not valid); the output columns are the dataset's.
 */
export interface RowCheck {
  n: number
  texts: Record<ColumnName, string[]>
  ids: Record<ColumnName, Uint32Array>
  entityOf: Uint32Array
  indicatorOf: Uint32Array
  periodOf: Uint32Array
  unitOf: Uint32Array
  qualifierOf: Uint32Array
  conflictOf: Uint32Array
  tierOf: Uint32Array
  noteOf: Uint32Array
  noteZhOf: Uint32Array
  noteEnOf: Uint32Array
  urlOk: boolean[]
  /** What a source lacks, by tier and filled fields (`tier << 3 | url 4 | quote 2 | formula 1`). */
  needsOf: Need[][]
  yearIn: Float64Array
  value: Float64Array
  /** Null when the file has no value_high column. */
  valueHigh: Float64Array | null
  /** Null when the file has no source_year column. */
  sourceYear: Float64Array | null
  /** Which value cells were written with %, or null. */
  percent: Uint8Array | null
  /** Optional text columns the file has (the row loop skips the others: their output is filled once). */
  has: { period: boolean; qualifier: boolean; conflict: boolean; notes: boolean }
  percentUnit: number
  datasetUnit: number
  /** Per indicator string: its default unit, `UNIT_UNSET` until `unitOfIndicator` looks it up. */
  defaultUnit: Uint32Array
  unitOfIndicator: (ind: number) => number
  /** Called once per indicator string, with the unit of the first row that names it. */
  sawIndicator: (ind: number, unit: number) => void
  /** The ids a file's metadata lists for entities or indicators (for the problem's "expected"), or undefined. */
  listed: (c: 'entity' | 'indicator') => string | undefined
  add: AddProblem
  entity: Uint32Array
  indicator: Uint32Array
  year: Int32Array
  period: Uint32Array
  unit: Uint32Array
  qualifier: Uint8Array
  conflict: Uint8Array
  noteZh: Uint32Array
  noteEn: Uint32Array
  /** Each row's tier index (`NONE` when invalid) and source year (0 for none), for `collectSources`. */
  sTier: Uint32Array
  sYear: Uint32Array
}

/** Which of `size` text ids some of the first `n` rows use. */
export function usedTexts(ids: Uint32Array, n: number, size: number): Uint8Array {
  const used = new Uint8Array(size)
  for (let i = 0; i < n; i++) used[ids[i]!] = 1
  return used
}

/** Checks every row against the rule book and writes the output columns; problems go to `r.add`. */
// eslint-disable-next-line max-lines-per-function -- the one pass over every row: each column is read once, in locals
export function checkRows(r: RowCheck): void {
  const { n, texts, ids, entityOf, indicatorOf, periodOf, unitOf, qualifierOf, conflictOf, tierOf, noteOf, noteZhOf, noteEnOf, urlOk, needsOf } = r
  const { yearIn, value, valueHigh, sourceYear, percent, has, percentUnit, datasetUnit, defaultUnit, add } = r
  const { entity, indicator, year, period, unit, qualifier, conflict, noteZh, noteEn, sTier, sYear } = r
  const seenIndicator = new Uint8Array(defaultUnit.length)
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
  const titleZhIds = ids.source_title_zh
  const titleEnIds = ids.source_title_en
  const urlIds = ids.source_url
  const quoteIds = ids.quote
  const formulaIds = ids.formula
  const inputIds = ids.input_tier
  const inputTexts = texts.input_tier

  for (let i = 0; i < n; i++) {
    const eid = entityIds[i]!
    const e = entityOf[eid]!
    if (e === NONE) add(i, 'entity', eid === 0 ? 'missing entity' : 'entity not listed in the metadata', texts.entity[eid], r.listed('entity'))
    entity[i] = e
    const iid = indicatorIds[i]!
    const ind = indicatorOf[iid]!
    if (ind === NONE) add(i, 'indicator', iid === 0 ? 'missing indicator' : 'indicator not listed in the metadata', texts.indicator[iid], r.listed('indicator'))
    indicator[i] = ind
    const y = yearIn[i]!
    if (y !== y) year[i] = 0
    else if (!isYear(y)) add(i, 'year', MESSAGES.notYear, String(y), EXPECTED.year)
    else year[i] = y
    if (has.period) period[i] = periodOf[periodIds[i]!]!
    if (valueHigh !== null) {
      const v = value[i]!
      const hi = valueHigh[i]!
      if (hi < v) add(i, 'value_high', MESSAGES.rangeBelow, String(hi), `≥ ${v}`)
    }
    const uid = unitIds[i]!
    let u = unitOf[uid]!
    if (u === NONE) add(i, 'unit', MESSAGES.unknownUnit, texts.unit[uid], EXPECTED.unit)
    else if (u === UNIT_EMPTY) {
      if (percent !== null && percent[i]) u = percentUnit
      else if (ind === NONE) u = datasetUnit
      else {
        u = defaultUnit[ind]!
        if (u === UNIT_UNSET) u = r.unitOfIndicator(ind)
      }
    }
    unit[i] = u
    if (ind !== NONE && !seenIndicator[ind]) {
      seenIndicator[ind] = 1
      r.sawIndicator(ind, u)
    }
    if (has.qualifier) {
      const qid = qualifierIds[i]!
      const q = qualifierOf[qid]!
      if (q === NONE) add(i, 'qualifier', MESSAGES.unknownQualifier, texts.qualifier[qid], EXPECTED.qualifier)
      qualifier[i] = q
    }
    if (has.conflict) {
      const cid = conflictIds[i]!
      const c = conflictOf[cid]!
      if (c === NONE) add(i, 'conflict', 'not yes or no', texts.conflict[cid], EXPECTED.boolean)
      conflict[i] = c
    }
    if (has.notes) {
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
    const titleLacks = TITLE_NEEDS_OF[(titleIds[i] === 0 ? 0 : 4) | (titleZhIds[i] === 0 ? 0 : 2) | (titleEnIds[i] === 0 ? 0 : 1)]!
    for (let k = 0; k < titleLacks.length; k++) add(i, NEED_COLUMN[titleLacks[k]!.field], titleLacks[k]!.message, '', titleLacks[k]!.expected)
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
    if (inputId !== 0 && tier !== NONE) {
      const inputTier = inputTexts[inputId]!
      for (const need of sourceNeeds(TIERS[tier]!, { url: true, quote: true, formula: true, inputTier })) add(i, 'input_tier', need.message, inputTier, need.expected)
    }
  }
}

/** Reports every row with the same entity, indicator, year, period and source URL as an earlier one. */
export function checkDuplicates(r: RowCheck, strings: string[], fileRows: Int32Array): void {
  const { n, entity, indicator, year, period, add } = r
  const firstOf = firstRows([entity, indicator, year, period, r.ids.source_url], n)
  for (let i = 0; i < n; i++) {
    const first = firstOf[i]!
    if (first !== i) add(i, 'entity', `duplicate of row ${fileRows[first]}: same entity, indicator, year, period and source URL`, `${strings[entity[i]!]} / ${strings[indicator[i]!]} / ${year[i] || 'undated'}`)
  }
}

/**
 * The distinct sources (tier, titles, link, year, quote, formula, input tier)
 * in order of first use, and each row's index into them.
 */
export function collectSources(r: RowCheck): { sources: Source[]; source: Uint32Array } {
  const { n, texts, ids, sTier, sYear } = r
  const titleIds = ids.source_title
  const titleZhIds = ids.source_title_zh
  const titleEnIds = ids.source_title_en
  const urlIds = ids.source_url
  const quoteIds = ids.quote
  const formulaIds = ids.formula
  const inputIds = ids.input_tier
  // The titles in other languages join the key only when the file fills them (most files have no such column).
  const titleCols = texts.source_title_zh.length > 1 || texts.source_title_en.length > 1 ? [titleZhIds, titleEnIds] : []
  const set = new TupleSet([sTier, titleIds, ...titleCols, urlIds, sYear, quoteIds, formulaIds, inputIds])
  const sources: Source[] = []
  const source = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const first = set.add(i)
    if (first !== i) {
      // The row that first showed this source holds its index.
      source[i] = source[first]!
      continue
    }
    const s = sources.length
    sources.push(sourceOf(texts, sTier[i]!, [titleIds[i]!, titleZhIds[i]!, titleEnIds[i]!], urlIds[i]!, sYear[i]!, quoteIds[i]!, formulaIds[i]!, inputIds[i]!))
    source[i] = s
  }
  return { sources, source }
}

function sourceOf(texts: Record<ColumnName, string[]>, tier: number, [title, titleZh, titleEn]: number[], url: number, year: number, quote: number, formula: number, input: number): Source {
  const s: Source = {
    tier: TIERS[tier] as Tier,
    title: title === 0 ? null : texts.source_title[title]!,
    ...(titleZh ? { title_zh: texts.source_title_zh[titleZh]! } : {}),
    ...(titleEn ? { title_en: texts.source_title_en[titleEn]! } : {}),
    url: url === 0 ? null : texts.source_url[url]!,
    year: year || null,
    quote: quote === 0 ? null : texts.quote[quote]!,
    formula: formula === 0 ? null : texts.formula[formula]!,
  }
  if (input !== 0) s.inputTier = texts.input_tier[input] as Source['inputTier']
  return s
}
