/** Building KPI cards from a headline figure. */
import type { Figure } from '../dataset'
import { figureParts } from '../format'
import { t } from '../i18n'
import type { Lang } from '../settings'
import { headline } from '../query'
import { collectMarks, sourceLine } from './common'
import type { ChartContext, DashboardId, DataIndex, Kpi, KpiSpec } from './types'
import type { Text } from './labels'

/** A KPI card built from one figure of a dataset, with an optional comparison. */
export interface HeadlineKpi {
  id: string
  dashboard: DashboardId
  dataset: string
  entity: string
  indicator: string
  label: Text
  /** Picks the figure; defaults to the preferred undated figure. */
  pick?: (data: DataIndex) => Figure | null
  comparison?: (f: Figure, ctx: ChartContext, data: DataIndex) => string | undefined
}

/**
 * A KPI's context line: when its figure is from, then the comparison. "When"
 * is `when` if given (e.g. a computed rate's span), else the figure's year,
 * else its period, all from the data; a figure with none says "no year given"
 * after the comparison, never a guessed year.
 */
export function kpiContext(f: Figure, lang: Lang, comparison?: string, when?: string): string {
  const sep = t(lang, 'charts.words.listSep')
  const at = when ?? (f.year !== null ? t(lang, 'charts.kpis.year', { year: f.year }) : (f.period ?? null))
  if (at === null) return [comparison, t(lang, 'charts.kpis.noYear')].filter(Boolean).join(sep)
  return [at, comparison].filter(Boolean).join(sep)
}

/** A KPI card for figure `f`: value and unit as the language writes them, source line, marks and the context line ({@link kpiContext}; `when` overrides the figure's year). */
export function kpiFromFigure(id: string, target: DashboardId, label: string, f: Figure, ctx: ChartContext, comparison?: string, when?: string): Kpi {
  const p = figureParts(f, ctx.lang)
  // Chinese writes the scale word with the unit ("240" + "万平方米"), so it moves across.
  const scale = ctx.lang === 'zh-CN' ? /\s?(万亿|亿|万)$/.exec(p.text) : null
  if (scale && p.unit) {
    p.text = p.text.slice(0, scale.index)
    p.unit = scale[1] + p.unit
  }
  return {
    id,
    label,
    value: p.text,
    unit: p.unit,
    figure: f,
    sourceLine: sourceLine([f.source], ctx.lang),
    marks: collectMarks([f]),
    target,
    comparison: kpiContext(f, ctx.lang, comparison, when),
  }
}

/** A KPI showing one headline figure; `null` (no card) when the figure is missing. */
export function headlineKpi(h: HeadlineKpi): KpiSpec {
  return {
    id: h.id,
    dashboard: h.dashboard,
    build(data, ctx) {
      const f = h.pick ? h.pick(data) : headline(data.get(h.dataset), h.entity, h.indicator)
      if (!f || f.value === null) return null
      return kpiFromFigure(h.id, h.dashboard, h.label[ctx.lang], f, ctx, h.comparison?.(f, ctx, data))
    },
  }
}
