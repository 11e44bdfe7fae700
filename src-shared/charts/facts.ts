/**
 * The article's own facts about the valley (the landmark complex, the G60
 * highway) beside what official pages say, for the overview: each row names the
 * fact, the article's figure, the official figure where there is one, and whether
 * they disagree, with both sources cited.
 */
import type { Figure } from '../dataset'
import { formatFigureWithUnit, sourceCitation } from '../format'
import { figures } from '../query'
import type { Lang } from '../settings'
import { t } from '../i18n'
import { entityName, indicatorName, labelled } from './labels'
import type { DataIndex } from './types'

/** One fact as the article gives it and as an official page gives it. */
export interface FactRow {
  fact: string
  article: string
  official: string
  /** The sources disagree on this fact. */
  conflict: boolean
  sources: string[]
}

const DS = 'article-facts'

/** Fact rows: [label indicator, article indicators, official indicators]. */
const FACTS: { entity: string; label: string; article: string[]; official: string[] }[] = [
  { entity: 'landmark', label: 'buildings', article: ['buildings'], official: ['buildings-phase-1', 'buildings-phase-2'] },
  { entity: 'landmark', label: 'building-height', article: ['building-height'], official: ['building-height-phase-2'] },
  { entity: 'landmark', label: 'canopy-length', article: ['canopy-length'], official: [] },
  { entity: 'g60-highway', label: 'length-to-kunming', article: ['length-to-kunming'], official: [] },
]

/** The article's facts with the official figures beside them; empty when the dataset is not loaded. */
export function articleFacts(data: DataIndex, lang: Lang): FactRow[] {
  const d = data.get(DS)
  if (!d) return []
  const pick = (entity: string, ind: string): Figure | null => figures(d, { entity, indicator: ind }).find((f) => f.value !== null) ?? null
  const sep = t(lang, 'charts.words.listSep')
  return FACTS.flatMap((row) => {
    const a = row.article.map((i) => pick(row.entity, i)).filter((f): f is Figure => f !== null)
    const o = row.official.map((i) => pick(row.entity, i)).filter((f): f is Figure => f !== null)
    if (a.length === 0) return []
    const text = (fs: Figure[]) => fs.map((f) => fs.length > 1 || f.indicator !== row.label ? labelled(indicatorName(d, f.indicator, lang), formatFigureWithUnit(f, lang), lang) : formatFigureWithUnit(f, lang)).join(sep)
    const all = [...a, ...o]
    return [
      {
        fact: `${entityName(d, row.entity, lang)} · ${indicatorName(d, row.label, lang)}`,
        article: text(a),
        official: text(o),
        conflict: all.some((f) => f.conflict),
        sources: [...new Set(all.map((f) => sourceCitation(f.source, lang)))],
      },
    ]
  })
}
