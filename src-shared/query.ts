/**
 * Looking figures up in a columnar dataset by entity, indicator and year,
 * without unpacking the whole table.
 */
import { figureAt, NONE, type ColumnarDataset, type Figure, type Tier } from './dataset'

/** Which figures to look up: by entity, indicator and year (`null` for undated ones). */
export interface FigureQuery {
  entity?: string
  indicator?: string
  /** A year; `null` for undated figures only; omitted for any. */
  year?: number | null
}

/** All figures matching the query, in dataset order. */
export function figures(d: ColumnarDataset | undefined, q: FigureQuery): Figure[] {
  if (!d) return []
  const code = (s: string | undefined): number | undefined => (s === undefined ? undefined : stringIndex(d, s))
  const entity = code(q.entity)
  const indicator = code(q.indicator)
  if (entity === NONE || indicator === NONE) return []
  const year = q.year === undefined ? undefined : (q.year ?? 0)
  const out: Figure[] = []
  for (let i = 0; i < d.length; i++) {
    if (entity !== undefined && d.entity[i] !== entity) continue
    if (indicator !== undefined && d.indicator[i] !== indicator) continue
    if (year !== undefined && d.year[i] !== year) continue
    out.push(figureAt(d, i))
  }
  return out
}

/** Which figure stands for a year when several exist: official first, derived last. */
export const TIER_RANK: Record<Tier, number> = { official: 0, article: 1, secondary: 2, derived: 3 }

/** The figure to draw when a year has several: has a value, is a single year (not a period), best tier. */
export function preferred(list: Figure[]): Figure | null {
  const usable = list.filter((f) => f.value !== null)
  if (usable.length === 0) return null
  return [...usable].sort((a, b) => Number(a.period !== null) - Number(b.period !== null) || TIER_RANK[a.source.tier] - TIER_RANK[b.source.tier])[0]!
}

/** One figure per year (the preferred one), or `null` where the data has a gap. */
export function yearSeries(d: ColumnarDataset | undefined, entity: string, indicator: string, years: number[]): (Figure | null)[] {
  const all = figures(d, { entity, indicator })
  return years.map((y) => preferred(all.filter((f) => f.year === y)))
}

/** The other figures for the same years that were not chosen: conflicting or lower-tier values. */
export function alternates(d: ColumnarDataset | undefined, entity: string, indicator: string, years: number[]): Figure[] {
  const all = figures(d, { entity, indicator })
  const out: Figure[] = []
  for (const y of years) {
    const here = all.filter((f) => f.year === y && f.value !== null)
    const chosen = preferred(here)
    for (const f of here) if (f !== chosen && f.period === null) out.push(f)
  }
  return out
}

/** The preferred undated (or any-year, if none undated) figure, for headline numbers. */
export function headline(d: ColumnarDataset | undefined, entity: string, indicator: string): Figure | null {
  const all = figures(d, { entity, indicator })
  return preferred(all.filter((f) => f.year === null)) ?? preferred(all)
}

function stringIndex(d: ColumnarDataset, s: string): number {
  const i = d.strings.indexOf(s)
  return i < 0 ? NONE : i
}
