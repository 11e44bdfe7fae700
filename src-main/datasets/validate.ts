/**
 * Checks a parsed JSON dataset against the canonical `DatasetFile` shape and
 * returns a normalised copy (every nullable field present) or the problems.
 * Figures are pointed at by their 1-based index as `row` and the field path as
 * `column` (e.g. `source.url`). Keys starting with `$` (such as `$schema`)
 * are ignored; any other unknown key is a problem, so typos do not pass silently.
 */
import {
  QUALIFIERS,
  TIERS,
  type DatasetEvent,
  type DatasetFile,
  type DatasetProblem,
  type EntityMeta,
  type Figure,
  type IndicatorMeta,
  type Localized,
  type Qualifier,
  type Source,
  type Tier,
} from '../../src-shared/dataset'
import { idRecord } from '../../src-shared/own'
import { isUnit } from '../../src-shared/units'
import { EXPECTED, ID_PATTERN, isHttpUrl, isYear } from './fields'
import { ProblemList } from './problems'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: Obj, k: string): boolean => Object.hasOwn(o, k)

/** One location inside the file; `column` is the dotted path of the field. */
interface Ctx {
  p: ProblemList
  row?: number
  path: string
}

const at = (c: Ctx, key: string): Ctx => ({ ...c, path: c.path ? `${c.path}.${key}` : key })

function problem(c: Ctx, message: string, got?: unknown, expected?: string): void {
  const where: Parameters<ProblemList['add']>[1] = { column: c.path || undefined, expected }
  if (c.row !== undefined) where.row = c.row
  if (arguments.length > 2) where.got = got
  c.p.add(message, where)
}

function unknownKeys(c: Ctx, o: Obj, known: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!k.startsWith('$') && !known.includes(k)) problem(at(c, k), `unknown field "${k}"`, undefined, known.join(', '))
  }
}

function str(c: Ctx, v: unknown, { nullable = false, nonEmpty = true } = {}): string | null | undefined {
  if (v === undefined && nullable) return null
  if (v === null && nullable) return null
  if (typeof v !== 'string') {
    problem(c, v === undefined ? 'missing' : 'not text', v, nullable ? 'text or null' : 'text')
    return undefined
  }
  if (nonEmpty && v.trim() === '') {
    problem(c, 'empty', v, 'non-empty text')
    return undefined
  }
  return v
}

function localized(c: Ctx, v: unknown, nullable = false): Localized | null | undefined {
  if ((v === null || v === undefined) && nullable) return null
  if (!isObj(v)) {
    problem(c, v === undefined ? 'missing' : 'not a {"zh-CN", "en"} pair', v, '{ "zh-CN": "…", "en": "…" }')
    return undefined
  }
  unknownKeys(c, v, ['zh-CN', 'en'])
  const zh = str(at(c, 'zh-CN'), v['zh-CN'])
  const en = str(at(c, 'en'), v.en)
  return typeof zh === 'string' && typeof en === 'string' ? { 'zh-CN': zh, en } : undefined
}

function unit(c: Ctx, v: unknown): string | undefined {
  if (typeof v === 'string' && isUnit(v)) return v
  problem(c, v === undefined ? 'missing unit' : 'unknown unit', v, EXPECTED.unit)
  return undefined
}

function num(c: Ctx, v: unknown, what: 'year' | 'number'): number | null | undefined {
  if (v === null || v === undefined) return null
  if (what === 'year') {
    if (typeof v === 'number' && isYear(v)) return v
    problem(c, 'not a year', v, EXPECTED.year)
    return undefined
  }
  if (typeof v === 'number' && Number.isFinite(v)) return v
  problem(c, 'not a number', v, 'a finite number or null')
  return undefined
}

/** A figure's or event's source; checks the tier's rules (URL, quote, formula). */
export function source(c: Ctx, v: unknown): Source | undefined {
  if (!isObj(v)) {
    problem(c, v === undefined ? 'every figure needs a source' : 'not a source object', v, '{ tier, title, url, year, quote, formula }')
    return undefined
  }
  const before = c.p.size
  unknownKeys(c, v, ['tier', 'title', 'url', 'year', 'quote', 'formula', 'inputTier'])
  const tier = v.tier as Tier
  if (!TIERS.includes(tier)) problem(at(c, 'tier'), v.tier === undefined ? 'missing tier' : 'unknown tier', v.tier, EXPECTED.tier)
  const title = str(at(c, 'title'), v.title)
  const url = str(at(c, 'url'), v.url, { nullable: true })
  if (typeof url === 'string' && !isHttpUrl(url)) problem(at(c, 'url'), 'not a link', url, EXPECTED.url)
  // Official figures are read on a named page, so they must say where; secondary and derived
  // figures are marked as such on screen and may come from a file with no address.
  if (url === null && tier === 'official') problem(at(c, 'url'), 'an official source needs a URL', v.url ?? null, EXPECTED.url)
  const year = num(at(c, 'year'), v.year, 'year')
  const quote = str(at(c, 'quote'), v.quote, { nullable: true })
  const formula = str(at(c, 'formula'), v.formula, { nullable: true })
  if (tier === 'derived' && formula === null) problem(at(c, 'formula'), 'a derived figure needs the formula it was computed with', null, 'e.g. "1,033 ÷ 2.296"')
  if (tier !== 'derived' && TIERS.includes(tier) && quote === null && formula === null) {
    problem(at(c, 'quote'), 'a source needs the exact words quoted (or a formula)', null, 'the sentence the figure comes from')
  }
  const inputTier = v.inputTier as Source['inputTier']
  if (inputTier !== undefined && (tier !== 'derived' || !['article', 'official', 'secondary'].includes(inputTier))) {
    problem(at(c, 'inputTier'), 'only a derived figure names the tier of its inputs', v.inputTier, 'article, official or secondary, on a derived source')
  }
  if (c.p.size > before) return undefined
  return { tier, title: title!, url: url!, year: year!, quote: quote!, formula: formula!, ...(inputTier ? { inputTier } : {}) }
}

function entities(c: Ctx, v: unknown, groups: Record<string, Localized> | undefined): Record<string, EntityMeta> | undefined {
  if (!isObj(v)) return void problem(c, 'missing or not an object of entities', v, '{ "<id>": { "name": { "zh-CN", "en" } } }')
  const out = idRecord<EntityMeta>()
  for (const [id, e] of Object.entries(v)) {
    const ce = at(c, id)
    if (!isObj(e)) {
      problem(ce, 'not an entity object', e, '{ "name": { "zh-CN", "en" }, "group"?, "coord"? }')
      continue
    }
    unknownKeys(ce, e, ['name', 'group', 'coord'])
    const name = localized(at(ce, 'name'), e.name)
    const meta: EntityMeta = { name: name ?? { 'zh-CN': id, en: id } }
    if (e.group !== undefined) {
      if (typeof e.group !== 'string' || (groups && !has(groups, e.group))) problem(at(ce, 'group'), 'unknown group', e.group, groups ? Object.keys(groups).join(', ') : 'a group id')
      else meta.group = e.group
    }
    if (e.coord !== undefined) {
      const ok = Array.isArray(e.coord) && e.coord.length === 2 && e.coord.every((x) => typeof x === 'number' && Number.isFinite(x))
      if (!ok) problem(at(ce, 'coord'), 'not a [longitude, latitude] pair', e.coord, '[121.2, 31.0]')
      else meta.coord = e.coord as [number, number]
    }
    out[id] = meta
  }
  return out
}

function indicators(c: Ctx, v: unknown): Record<string, IndicatorMeta> | undefined {
  if (!isObj(v)) return void problem(c, 'missing or not an object of indicators', v, '{ "<id>": { "name": {…}, "unit": "…" } }')
  const out = idRecord<IndicatorMeta>()
  for (const [id, d] of Object.entries(v)) {
    const ci = at(c, id)
    if (!isObj(d)) {
      problem(ci, 'not an indicator object', d, '{ "name": { "zh-CN", "en" }, "unit": "…" }')
      continue
    }
    unknownKeys(ci, d, ['name', 'unit'])
    const name = localized(at(ci, 'name'), d.name)
    out[id] = { name: name ?? { 'zh-CN': id, en: id }, unit: unit(at(ci, 'unit'), d.unit) ?? '' }
  }
  return out
}

/**
 * A figure's or event's note in both languages: `note_zh` and `note_en`; a legacy single `note`
 * (files written before notes were bilingual) fills whichever of the two is not given.
 */
function notes(c: Ctx, v: Obj): { note_zh: string | null; note_en: string | null } | undefined {
  const legacy = str(at(c, 'note'), v.note, { nullable: true })
  const zh = str(at(c, 'note_zh'), v.note_zh, { nullable: true })
  const en = str(at(c, 'note_en'), v.note_en, { nullable: true })
  if (legacy === undefined || zh === undefined || en === undefined) return undefined
  return { note_zh: zh ?? legacy, note_en: en ?? legacy }
}

const FIGURE_KEYS = ['entity', 'indicator', 'year', 'period', 'value', 'valueHigh', 'decimals', 'unit', 'qualifier', 'source', 'note_zh', 'note_en', 'note', 'conflict']

function figure(c: Ctx, v: unknown, meta: { entities?: Record<string, EntityMeta>; indicators?: Record<string, IndicatorMeta>; unit?: string }): Figure | undefined {
  if (!isObj(v)) return void problem(c, 'not a figure object', v, '{ entity, indicator, year, value, unit, source, … }')
  const before = c.p.size
  unknownKeys(c, v, FIGURE_KEYS)
  const entity = str(at(c, 'entity'), v.entity)
  if (typeof entity === 'string' && meta.entities && !has(meta.entities, entity)) problem(at(c, 'entity'), 'entity not listed in entities', entity, Object.keys(meta.entities).join(', '))
  const indicator = str(at(c, 'indicator'), v.indicator)
  if (typeof indicator === 'string' && meta.indicators && !has(meta.indicators, indicator)) {
    problem(at(c, 'indicator'), 'indicator not listed in indicators', indicator, Object.keys(meta.indicators).join(', '))
  }
  const year = num(at(c, 'year'), v.year, 'year')
  const period = str(at(c, 'period'), v.period, { nullable: true })
  const value = num(at(c, 'value'), v.value, 'number')
  const valueHigh = num(at(c, 'valueHigh'), v.valueHigh, 'number')
  if (typeof value === 'number' && typeof valueHigh === 'number' && valueHigh < value) problem(at(c, 'valueHigh'), 'the upper end of a range is below its value', valueHigh, `≥ ${value}`)
  const decimals = v.decimals
  if (decimals !== undefined && !(Number.isInteger(decimals) && (decimals as number) >= 0 && (decimals as number) <= 6)) problem(at(c, 'decimals'), 'not a count of decimals', decimals, 'an integer from 0 to 6')
  const u = v.unit === undefined ? (typeof indicator === 'string' && meta.indicators?.[indicator]?.unit) || meta.unit : unit(at(c, 'unit'), v.unit)
  const qualifier = (v.qualifier ?? 'exact') as Qualifier
  if (!QUALIFIERS.includes(qualifier)) problem(at(c, 'qualifier'), 'unknown qualifier', v.qualifier, EXPECTED.qualifier)
  const src = source(at(c, 'source'), v.source)
  const note = notes(c, v)
  const conflict = v.conflict ?? false
  if (typeof conflict !== 'boolean') problem(at(c, 'conflict'), 'not true or false', v.conflict, 'true or false')
  if (c.p.size > before) return undefined
  return { entity: entity!, indicator: indicator!, year: year!, period: period!, value: value!, valueHigh: valueHigh!, ...(decimals !== undefined ? { decimals: decimals as number } : {}), unit: u!, qualifier, source: src!, ...note!, conflict: conflict as boolean }
}

function events(c: Ctx, v: unknown): DatasetEvent[] | undefined {
  if (!Array.isArray(v)) return void problem(c, 'not a list of events', v, '[{ date, label, source, note_zh, note_en }]')
  const out: DatasetEvent[] = []
  v.forEach((e, i) => {
    const ce = at(c, String(i))
    if (!isObj(e)) return problem(ce, 'not an event object', e, '{ date, label, source, note_zh, note_en }')
    unknownKeys(ce, e, ['date', 'label', 'source', 'note_zh', 'note_en', 'note'])
    const date = str(at(ce, 'date'), e.date)
    if (typeof date === 'string' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) problem(at(ce, 'date'), 'not a date', date, 'YYYY, YYYY-MM or YYYY-MM-DD')
    const label = localized(at(ce, 'label'), e.label)
    const src = source(at(ce, 'source'), e.source)
    const note = notes(ce, e)
    if (typeof date === 'string' && label && src && note) out.push({ date, label, source: src, ...note })
  })
  return out
}

const TOP_KEYS = ['id', 'title', 'unit', 'notes', 'entities', 'indicators', 'groups', 'events', 'figures']

/** Checks the canonical JSON shape; `dataset` is null whenever there is any problem. */
export function validateDataset(raw: unknown, file: string, sheet?: string): { dataset: DatasetFile | null; problems: DatasetProblem[] } {
  const p = new ProblemList(file, sheet)
  const c: Ctx = { p, path: '' }
  if (!isObj(raw)) {
    problem(c, 'a dataset must be a JSON object', Array.isArray(raw) ? 'a list' : raw, '{ "id", "title", "unit", "entities", "indicators", "figures" }')
    return { dataset: null, problems: p.list }
  }
  unknownKeys(c, raw, TOP_KEYS)
  const id = str(at(c, 'id'), raw.id)
  if (typeof id === 'string' && !ID_PATTERN.test(id)) problem(at(c, 'id'), 'dataset id is not kebab-case', id, EXPECTED.id)
  const title = localized(at(c, 'title'), raw.title)
  const u = unit(at(c, 'unit'), raw.unit)
  const notes = localized(at(c, 'notes'), raw.notes, true)
  let groups: Record<string, Localized> | undefined
  if (raw.groups !== undefined) {
    if (!isObj(raw.groups)) problem(at(c, 'groups'), 'not an object of groups', raw.groups, '{ "<id>": { "zh-CN", "en" } }')
    else groups = Object.fromEntries(Object.entries(raw.groups).map(([k, g]) => [k, localized(at(at(c, 'groups'), k), g) ?? { 'zh-CN': k, en: k }]))
  }
  const ents = entities(at(c, 'entities'), raw.entities, groups)
  const inds = indicators(at(c, 'indicators'), raw.indicators)
  const evs = raw.events === undefined ? undefined : events(at(c, 'events'), raw.events)
  const figures: Figure[] = []
  if (!Array.isArray(raw.figures)) {
    problem(at(c, 'figures'), 'missing or not a list of figures', raw.figures, '[{ entity, indicator, year, value, unit, source, … }]')
  } else {
    const seen = new Map<string, number>()
    raw.figures.forEach((f, i) => {
      const fc: Ctx = { p, row: i + 1, path: '' }
      const fig = figure(fc, f, { entities: ents, indicators: inds, unit: u })
      if (!fig) return
      const key = JSON.stringify([fig.entity, fig.indicator, fig.year, fig.period, fig.source.url])
      const first = seen.get(key)
      if (first !== undefined) problem(fc, `duplicate of figure ${first}: same entity, indicator, year, period and source URL`, `${fig.entity} / ${fig.indicator} / ${fig.year ?? fig.period ?? 'undated'}`)
      else seen.set(key, i + 1)
      figures.push(fig)
    })
  }
  if (p.size > 0) return { dataset: null, problems: p.list }
  const dataset: DatasetFile = { id: id!, title: title!, unit: u!, notes: notes!, entities: ents!, indicators: inds!, figures }
  if (groups) dataset.groups = groups
  if (evs) dataset.events = evs
  return { dataset, problems: [] }
}
