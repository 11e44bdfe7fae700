/**
 * Checks a parsed JSON dataset against the rule book (`datasetRule` in
 * src-shared/dataset-rules.ts) and returns a normalised copy (every nullable
 * field present, a figure's unit filled from its indicator, legacy single
 * notes read as both languages) or the problems. Figures are pointed at by
 * their 1-based index as `row` and the field path as `column` (e.g.
 * `source.url`). Keys starting with `$` (such as `$schema`) are ignored; any
 * other unknown key is a problem, so typos do not pass silently.
 *
 * What the rule book cannot see from one value — whether a figure's entity
 * and indicator are declared, an entity's group exists, and duplicates — is
 * checked here, on the same input.
 */
import type * as z from 'zod'
import { type DatasetEvent, type DatasetFile, type DatasetProblem, type EntityMeta, type Figure, type IndicatorMeta, type Localized } from '../../src-shared/dataset'
import { MESSAGES, splitMessage } from '../../src-shared/dataset-rules'
import { datasetRule, figureRule, sourceRule } from '../../src-shared/dataset-schema'
import { idRecord } from '../../src-shared/own'
import { ProblemList } from './problems'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: Obj, k: string): boolean => Object.hasOwn(o, k)

/** A problem before it is added: its figure row (if any), field path, message, value and expectation. */
interface Found {
  row?: number
  path: string
  message: string
  got?: unknown
  hasGot: boolean
  expected?: string
}

/**
 * A parsed JSON value without the keys starting with `$`, at every level (own keys only, so
 * `__proto__` stays a key). Objects and arrays with none are returned as they are, not copied.
 */
function withoutDollarKeys(v: unknown): unknown {
  if (Array.isArray(v)) {
    let out: unknown[] | null = null
    for (let i = 0; i < v.length; i++) {
      const x = withoutDollarKeys(v[i])
      if (x !== v[i]) (out ??= v.slice())[i] = x
    }
    return out ?? v
  }
  if (!isObj(v)) return v
  let out: Obj | null = null
  for (const k in v) {
    if (!has(v, k)) continue
    const x = k.startsWith('$') ? undefined : withoutDollarKeys(v[k])
    if (x === v[k] && !k.startsWith('$')) continue
    out ??= Object.fromEntries(Object.entries(v))
    if (k.startsWith('$')) delete out[k]
    else Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true })
  }
  return out ?? v
}

/** Where an issue path points: a figure's 1-based row and the field path inside it, or the path from the top. */
function locate(full: readonly PropertyKey[]): { row?: number; path: string } {
  // A coordinate pair is one field: its longitude or latitude is reported as the pair.
  const path = full.includes('coord') ? full.slice(0, full.indexOf('coord') + 1) : full
  if (path[0] === 'figures' && typeof path[1] === 'number') return { row: path[1] + 1, path: path.slice(2).map(String).join('.') }
  return { path: path.map(String).join('.') }
}

/** The problems a zod issue stands for (an unknown-keys issue names each key). */
function fromIssue(issue: z.core.$ZodIssue): Found[] {
  const { message, expected } = splitMessage(issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message)
  if (issue.code === 'unrecognized_keys' && message === MESSAGES.unknownField) {
    return issue.keys.map((k) => ({ ...locate([...issue.path, k]), message: `${MESSAGES.unknownField} "${k}"`, got: undefined, hasGot: false, expected }))
  }
  return [{ ...locate(issue.path), message, got: issue.input, hasGot: true, expected }]
}

const FIGURE_ORDER = Object.keys(figureRule.shape)
const TOP_ORDER = Object.keys(datasetRule.shape)
const SOURCE_ORDER = Object.keys(sourceRule.shape)
const isUnknownField = (f: Found): boolean => f.message.startsWith(`${MESSAGES.unknownField} "`)

/**
 * Problems in the order a reader meets them: the top level, then each figure by row; inside one,
 * the fields in the rule book's order, and an object's unknown fields before its other problems.
 */
function inReadingOrder(found: Found[]): Found[] {
  const rank = (f: Found, level: 0 | 1): number => {
    const [first, second] = f.path.split('.')
    if (level === 0) return (f.row === undefined ? TOP_ORDER : FIGURE_ORDER).indexOf(first!)
    return first === 'source' && second !== undefined ? SOURCE_ORDER.indexOf(second) : 0
  }
  const sorted = found
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.row ?? 0) - (b.f.row ?? 0) || rank(a.f, 0) - rank(b.f, 0) || rank(a.f, 1) - rank(b.f, 1) || a.i - b.i)
    .map((x) => x.f)
  const out: Found[] = []
  for (const f of sorted) {
    const parent = isUnknownField(f) ? f.path.split('.').slice(0, -1).join('.') : null
    const at = parent === null ? -1 : out.findIndex((g) => g.row === f.row && (parent === '' || g.path === parent || g.path.startsWith(`${parent}.`)))
    if (at < 0) out.push(f)
    else out.splice(at, 0, f)
  }
  return out
}

/** Entity, indicator and group references, and duplicate figures, checked on the (`$`-free) input. */
function references(input: Obj, failedRows: Set<number>): Found[] {
  const out: Found[] = []
  const found = (row: number | undefined, path: string, message: string, got: unknown, expected?: string): number => out.push({ ...(row === undefined ? {} : { row }), path, message, got, hasGot: true, expected })
  const groups = isObj(input.groups) ? input.groups : undefined
  const entities = isObj(input.entities) ? input.entities : undefined
  const indicators = isObj(input.indicators) ? input.indicators : undefined
  for (const [id, e] of Object.entries(entities ?? {})) {
    if (groups && isObj(e) && typeof e.group === 'string' && !has(groups, e.group)) found(undefined, `entities.${id}.group`, 'unknown group', e.group, Object.keys(groups).join(', '))
  }
  if (!Array.isArray(input.figures)) return out
  const seen = new Map<string, number>()
  input.figures.forEach((f: unknown, i) => {
    if (!isObj(f)) return
    const row = i + 1
    if (typeof f.entity === 'string' && entities && !has(entities, f.entity)) found(row, 'entity', 'entity not listed in entities', f.entity, Object.keys(entities).join(', '))
    if (typeof f.indicator === 'string' && indicators && !has(indicators, f.indicator)) found(row, 'indicator', 'indicator not listed in indicators', f.indicator, Object.keys(indicators).join(', '))
    if (failedRows.has(row) || out.some((x) => x.row === row)) return
    const url = isObj(f.source) ? (f.source.url ?? null) : null
    const key = JSON.stringify([f.entity, f.indicator, f.year ?? null, f.period ?? null, url])
    const first = seen.get(key)
    if (first !== undefined) found(row, '', `duplicate of figure ${first}: same entity, indicator, year, period and source URL`, `${String(f.entity)} / ${String(f.indicator)} / ${String(f.year ?? f.period ?? 'undated')}`)
    else seen.set(key, row)
  })
  return out
}

/** A legacy single `note` fills whichever of `note_zh` and `note_en` is not given. */
const bothNotes = (x: { note_zh?: string | null; note_en?: string | null; note?: string | null }): { note_zh: string | null; note_en: string | null } => ({
  note_zh: x.note_zh ?? x.note ?? null,
  note_en: x.note_en ?? x.note ?? null,
})

/** A record keyed by ids from the file, without a prototype (see own.ts). */
const ids = <T>(o: Obj): Record<string, T> => Object.assign(idRecord<T>(), o) as Record<string, T>

/** The normalised dataset from a valid input and its parsed form. */
function normalise(input: Obj, data: z.output<typeof datasetRule>): DatasetFile {
  const indicators = ids<IndicatorMeta>(input.indicators as Obj)
  const figures = data.figures.map(
    (f): Figure => ({
      entity: f.entity,
      indicator: f.indicator,
      year: f.year,
      period: f.period,
      value: f.value,
      valueHigh: f.valueHigh,
      ...(f.decimals === undefined ? {} : { decimals: f.decimals }),
      unit: f.unit ?? indicators[f.indicator]?.unit ?? data.unit,
      qualifier: f.qualifier,
      source: f.source,
      ...bothNotes(f),
      conflict: f.conflict,
    }),
  )
  const dataset: DatasetFile = { id: data.id, title: data.title, unit: data.unit, notes: data.notes, entities: ids<EntityMeta>(input.entities as Obj), indicators, figures }
  if (input.groups !== undefined) dataset.groups = ids<Localized>(input.groups as Obj)
  if (data.events) dataset.events = data.events.map((e): DatasetEvent => ({ date: e.date, label: e.label, source: e.source, ...bothNotes(e) }))
  return dataset
}

/** Checks the canonical JSON shape; `dataset` is null whenever there is any problem. */
export function validateDataset(raw: unknown, file: string, sheet?: string): { dataset: DatasetFile | null; problems: DatasetProblem[] } {
  const p = new ProblemList(file, sheet)
  if (!isObj(raw)) {
    const [issue] = datasetRule.safeParse(raw).error?.issues ?? []
    const { message, expected } = splitMessage(issue?.message ?? '')
    p.add(message, { got: Array.isArray(raw) ? 'a list' : raw, expected })
    return { dataset: null, problems: p.list }
  }
  const input = withoutDollarKeys(raw) as Obj
  const parsed = datasetRule.safeParse(input, { reportInput: true })
  const found = (parsed.error?.issues ?? []).flatMap(fromIssue)
  found.push(...references(input, new Set(found.map((f) => f.row).filter((r) => r !== undefined))))
  for (const f of inReadingOrder(found)) p.add(f.message, { ...(f.row === undefined ? {} : { row: f.row }), column: f.path || undefined, ...(f.hasGot ? { got: f.got } : {}), expected: f.expected })
  if (p.size > 0 || !parsed.success) return { dataset: null, problems: p.list }
  return { dataset: normalise(input, parsed.data), problems: [] }
}
