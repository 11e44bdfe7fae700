/** The nine cities: national shares, cities by province, city GDP 2015–2022, the corridor map. */
import { noteIn, sourceTitle, type ColumnarDataset, type Figure } from '../dataset'
import { axisUnit, figureParts, formatFixed, formatNumber } from '../format'
import { both } from '../i18n'
import type { Lang } from '../settings'
import { alternates, headline, preferred, figures, yearSeries } from '../query'
import { chartOf, gridBottom, gridRight, xName, NINE_SHAPES, marksOf, valueLabel, barStyle, baseOption, chartResult, collectMarks, labelText, missingDataset, missingFigures, pointStyle, suffix, tipFor, tokens } from './common'
import { headlineKpi } from './kpi'
import { entityName, fill, groupName, indicatorName, paren, shortGroupName, shortName, tr, type Text } from './labels'
import { AXIS_NAME_SHARE, labelRoom, nameLimit, plotTop, textWidth, topLegend } from './layout'
import { figureRow } from './table'
import { rowBars, rowsOption, type RowGroup } from './rows'
import { mapChart } from './city-map'
import { endLabelSeries, MIN_PANEL_WIDTH } from './end-labels'
import { conflictGoesLeft, conflictSeries } from './conflicts'
import { yearsBetween } from './timeseries'
import type { ChartContext, ChartResult, ChartSpec, DashboardSpec, DataIndex, KpiSpec } from './types'

const DS = 'nine-cities'
const SHARES = ['gdp-share-national', 'fiscal-income-share-local', 'hightech-share-national']
const GDP_YEARS = yearsBetween(2015, 2022)

const chart = chartOf('cities')

/** The nine cities in dataset order, grouped by province (groups in `meta.groups` order). */
export function citiesByProvince(d: ColumnarDataset): { id: string; group: string }[] {
  const order = Object.keys(d.meta.groups ?? {})
  const cities = Object.entries(d.meta.entities)
    .filter(([, e]) => e.group !== undefined)
    .map(([id, e]) => ({ id, group: e.group! }))
  const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length)
  return cities.map((c, i) => ({ ...c, i })).sort((a, b) => rank(a.group) - rank(b.group) || a.i - b.i).map(({ id, group }) => ({ id, group }))
}

/** "≈1/15" or "=1/8": the nearest unit fraction to a percentage. */
export function fractionNote(pct: number): string {
  const n = Math.round(100 / pct)
  return `${Math.abs(100 / n - pct) < 1e-9 ? '=' : '≈'}1/${n}`
}

function sharesChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const t = tokens(ctx)
  const main = SHARES.map((ind) => headline(d, 'corridor', ind)).map((f) => (f?.year === null ? f : null))
  const dated = SHARES.flatMap((ind) => figures(d, { entity: 'corridor', indicator: ind }).filter((f) => f.year !== null && f.value !== null))
  if (main.every((f) => f === null) && dated.length === 0) return missingFigures(DS, SHARES.map((i) => indicatorName(d, i, lang)), lang)
  const years = [...new Set(dated.map((f) => f.year!))].sort()
  const colors = [t.palette[0]!, t.palette[1]!]
  // One group per share: the article's figure, then the same share as sources put it over the years (derived from fractions).
  const groups: RowGroup[] = SHARES.map((ind, i) => {
    const f = main[i]
    const byYear = years.map((y) => preferred(dated.filter((x) => x.indicator === ind && x.year === y))).filter((x): x is Figure => x !== null)
    return {
      name: shortName(d, ind, lang),
      rows: [
        ...(f && f.value !== null
          ? [{ series: 0, value: f.value, tip: tipFor(f, indicatorName(d, ind, lang), lang, [fractionNote(f.value)]), label: `${figureParts(f, lang).text}${suffix(f)} ${fractionNote(f.value)}`, style: barStyle(f, colors[0]!, ctx) }]
          : []),
        ...byYear.map((x) => ({ series: 1, value: x.value!, tip: tipFor(x, `${indicatorName(d, ind, lang)} ${x.year}`, lang), label: `${figureParts(x, lang).text}${suffix(x)}${paren(String(x.year), lang)}`, style: barStyle(x, colors[1]!, ctx) })),
      ],
    }
  }).filter((g) => g.rows.length > 0)
  const kinds = [
    { name: tr(both('charts.words.shareInArticle'), lang), color: colors[0]! },
    ...(dated.length ? [{ name: tr(both('charts.words.sharesByYear'), lang), color: colors[1]! }] : []),
  ]
  const table = rowBars(ctx, groups, kinds)
  const all = [...main, ...dated]
  const marks = collectMarks(all)
  const option = rowsOption(ctx, marks, 'shares', kinds, table)
  return chartResult(option, all, ctx, '%', [], [], { d })
}

/**
 * The year to compare cities in: the latest in which every city has a GDP figure (2020
 * in the bundled data), else the year most cities report (latest on a tie); `null` when none has any.
 */
export function commonGdpYear(d: ColumnarDataset): number | null {
  const cities = citiesByProvince(d)
  let best: { year: number; n: number } | null = null
  for (const y of [...GDP_YEARS].reverse()) {
    const n = cities.filter((c) => yearSeries(d, c.id, 'gdp', [y])[0]).length
    if (n > 0 && n === cities.length) return y
    if (n > 0 && (!best || n > best.n)) best = { year: y, n }
  }
  return best?.year ?? null
}

/** The nine-cities dataset and the cities with a GDP figure in the common year, by province; the empty state when the dataset is not loaded or no year has a figure. */
function citiesInCommonYear(data: DataIndex, lang: Lang): { d: ColumnarDataset; year: number; cities: { id: string; group: string; f: Figure }[] } | ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, lang)
  const year = commonGdpYear(d)
  if (year === null) return missingFigures(DS, [indicatorName(d, 'gdp', lang)], lang)
  const cities = citiesByProvince(d)
    .map((c) => ({ ...c, f: yearSeries(d, c.id, 'gdp', [year])[0] }))
    .filter((c): c is typeof c & { f: Figure } => !!c.f)
  return { d, year, cities }
}

/** A conflicting figure drawn beside the chosen one: hollow triangle, "‡" label, its own tooltip. */
function conflictItem(f: Figure, name: string, lang: ChartContext['lang'], value: unknown): Record<string, unknown> {
  return { value, tip: tipFor(f, `${name}${paren(tr(OTHER_SOURCE, lang), lang)}`, lang) }
}

const OTHER_SOURCE = both('chart.otherSource')

function provinceChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const lang = ctx.lang
  const t = tokens(ctx)
  const common = citiesInCommonYear(data, lang)
  if ('kind' in common) return common
  const { d, year, cities } = common
  const unit = axisUnit(cities[0]!.f.unit, lang)
  const groups = [...new Set(cities.map((c) => c.group))]
  const others = cities.flatMap((c) => alternates(d, c.id, 'gdp', [year]).map((f) => ({ c, f })))
  const figs = [...cities.map((c) => c.f), ...others.map((o) => o.f)]
  const marks = collectMarks(figs)
  const names = cities.map((c) => entityName(d, c.id, lang))
  const legendNames = [...groups.map((g) => shortGroupName(d, g, lang)), ...(others.length ? [`${tr(OTHER_SOURCE, lang)} ‡`] : [])]
  const legend = topLegend(ctx, legendNames, (h) => plotTop(ctx, h, false))
  const labels = cities.map((c) => valueLabel(c.f, lang, unit.div))
  // Markers never sit on labels: a row's value label starts past its other-source marker (half a
  // marker right of the bar's end when the marker is within the bar; on the marker when it lies beyond).
  const mark = t.symbolSize + 5
  const beyond = new Set(others.filter((o) => o.f.value! > o.c.f.value!).map((o) => o.c.id))
  const marked = new Set(others.map((o) => o.c.id))
  const barLabel = (c: (typeof cities)[number]) =>
    beyond.has(c.id) ? { show: false } : { formatter: valueLabel(c.f, lang, unit.div), distance: 5 + (marked.has(c.id) ? mark / 2 + 2 : 0) }
  const option = {
    ...baseOption(ctx, marks, 'provinces'),
    legend: legend.legend,
    media: legend.media,
    grid: { left: 8, right: labelRoom(ctx, labels) + (marked.size ? mark / 2 + 2 : 0), top: legend.top, bottom: gridBottom(ctx, marks, true), containLabel: true },
    xAxis: { type: 'value', ...xName(ctx, `${unit.label}, ${year}`) },
    yAxis: { type: 'category', inverse: true, axisLabel: { interval: 0 }, data: names },
    series: [
      ...groups.map((g, k) => {
        const color = t.palette[k % t.palette.length]!
        return {
          type: 'bar',
          name: shortGroupName(d, g, lang),
          stack: 'city',
          barMaxWidth: 18,
          itemStyle: { color },
          label: { show: true, position: 'right', ...labelText(ctx) },
          data: cities.map((c) =>
            c.group === g ? { value: c.f.value! / unit.div, tip: tipFor(c.f, `${entityName(d, c.id, lang)}${paren(groupName(d, g, lang), lang)}`, lang), label: barLabel(c), ...barStyle(c.f, color, ctx) } : null,
          ),
        }
      }),
      ...(others.length
        ? [
            {
              type: 'scatter',
              name: `${tr(OTHER_SOURCE, lang)} ‡`,
              symbol: 'triangle',
              symbolSize: t.symbolSize + 5,
              itemStyle: { color: t.background, borderColor: t.text, borderWidth: 2, opacity: 1 },
              // A marker beyond its bar carries the row's value label, to its right.
              data: others.map((o) => ({
                ...conflictItem(o.f, entityName(d, o.c.id, lang), lang, [o.f.value! / unit.div, entityName(d, o.c.id, lang)]),
                ...(beyond.has(o.c.id) ? { label: { show: true, position: 'right', distance: mark / 2 + 2, formatter: valueLabel(o.c.f, lang, unit.div), ...labelText(ctx) } } : {}),
              })),
            },
          ]
        : []),
    ],
  }
  return chartResult(option, figs, ctx, unit.label, [], [], { d })
}

/** Each city's share of the nine cities' GDP in the common year, derived; the conflicting figure's share in the tooltip. */
function nineSharesChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const lang = ctx.lang
  const t = tokens(ctx)
  const common = citiesInCommonYear(data, lang)
  if ('kind' in common) return common
  const { d, year, cities } = common
  const total = cities.reduce((sum, c) => sum + c.f.value!, 0)
  const totalText = formatNumber(total, lang, 2)
  const sumFormula = `${cities.map((c) => formatNumber(c.f.value!, lang, 2)).join(' + ')} = ${totalText}`
  const secondary = cities.some((c) => marksOf(c.f).includes('secondary'))
  const shareName = tr(both('charts.words.shareOfNine'), lang)
  const shares: Figure[] = cities.map((c) => {
    const pct = (100 * c.f.value!) / total
    const alt = alternates(d, c.id, 'gdp', [year])
    const altNote = alt.map((a) => {
      const altTotal = total - c.f.value! + a.value!
      const p2 = formatFixed((100 * a.value!) / altTotal, lang, 2)
      return fill(tr(both('charts.words.withAlternate'), lang), { title: sourceTitle(a.source, lang), value: formatNumber(a.value!, lang, 2), share: p2 })
    })
    return {
      entity: c.id,
      indicator: 'gdp-share-of-nine',
      year,
      period: null,
      value: Number(pct.toFixed(2)),
      decimals: 2,
      valueHigh: null,
      unit: 'percent',
      qualifier: 'exact',
      source: {
        tier: 'derived',
        title: tr(both('charts.words.computedFromNine'), lang),
        url: null,
        year: null,
        quote: null,
        formula: `${formatNumber(c.f.value!, lang, 2)} ÷ ${totalText} = ${formatFixed(pct, lang, 2)}%`,
        ...(secondary ? { inputTier: 'secondary' as const } : {}),
      },
      ...noteIn(lang, [fill(tr(both('charts.words.nineTotal'), lang), { year, sum: sumFormula }), ...altNote].join(tr(both('charts.words.sentenceSep'), lang))),
      conflict: c.f.conflict,
    }
  })
  const marks = collectMarks(shares)
  const labels = shares.map((f) => `${formatFixed(f.value!, lang, 2)}%${suffix(f)}`)
  const names = cities.map((c) => entityName(d, c.id, lang))
  const option = {
    ...baseOption(ctx, marks, 'shares of nine'),
    grid: { left: 8, right: labelRoom(ctx, labels), top: plotTop(ctx, 0, false), bottom: gridBottom(ctx, marks, true), containLabel: true },
    xAxis: { type: 'value', ...xName(ctx, `%${paren(String(year), lang)}`), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, axisLabel: { interval: 0 }, data: names },
    series: [
      {
        type: 'bar',
        name: shareName,
        barMaxWidth: 18,
        label: { show: true, position: 'right', ...labelText(ctx) },
        data: shares.map((f, i) => ({ value: f.value, tip: tipFor(f, `${names[i]} · ${shareName} ${year}`, lang), label: { formatter: labels[i] }, ...barStyle(f, t.palette[0]!, ctx) })),
      },
    ],
  }
  const rows = shares.map((f, i) => figureRow(f, d, lang, { indicator: `${shareName}${paren(names[i]!, lang)}` }))
  const formulaLine = fill(tr(both('charts.words.nineShareFormula'), lang), { year })
  return chartResult(option, cities.map((c) => c.f), ctx, '%', [formulaLine], ['derived', ...(secondary ? (['secondary'] as const) : [])], { d, rows, drawn: [] })
}

/** The next "nice" axis maximum at or above `v` (1, 2, 2.5 or 5 times a power of ten). */
export function niceCeil(v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((x) => x >= v)!
}

function cityGdpChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const t = tokens(ctx)
  const scale = ctx.cityScale ?? 'absolute'
  const rows = citiesByProvince(d).map((c) => ({ ...c, figs: yearSeries(d, c.id, 'gdp', GDP_YEARS) })).filter((r) => r.figs.some((f) => f !== null))
  if (rows.length === 0) return missingFigures(DS, [indicatorName(d, 'gdp', lang)], lang)
  const unit = axisUnit(rows[0]!.figs.find((f) => f !== null)!.unit, lang)
  const base = commonGdpYear(d)
  const indexed = scale === 'indexed' && base !== null
  const bi = base === null ? -1 : GDP_YEARS.indexOf(base)
  const others = rows.flatMap((r) => alternates(d, r.id, 'gdp', GDP_YEARS).map((f) => ({ r, f })))
  const all = [...rows.flatMap((r) => r.figs), ...others.map((o) => o.f)]
  const marks = collectMarks(all, indexed ? ['derived'] : [])
  const names = rows.map((r) => `${entityName(d, r.id, lang)}${r.figs.some((f) => f?.source.tier === 'secondary') ? '*' : ''}`)
  const legend = topLegend(ctx, [...names, ...(others.length ? [`${tr(OTHER_SOURCE, lang)} ‡`] : [])], (h) => plotTop(ctx, h, true))
  const valueOf = (r: (typeof rows)[number], f: Figure): number => (indexed ? Number(((100 * f.value!) / r.figs[bi]!.value!).toFixed(2)) : f.value! / unit.div)
  const indexNote = (r: (typeof rows)[number], f: Figure): string[] =>
    indexed ? [`${fill(tr(both('charts.words.index'), lang), { base: base! })}${tr(both('charts.words.colon'), lang)}${formatNumber(f.value!, lang, 2)} ÷ ${formatNumber(r.figs[bi]!.value!, lang, 2)} × 100 = ${formatFixed((100 * f.value!) / r.figs[bi]!.value!, lang, 1)} †`] : []
  const values = rows.flatMap((r) => r.figs.filter((f): f is Figure => f !== null && f.value !== null && (!indexed || !!r.figs[bi])).map((f) => valueOf(r, f)))
  const axis = scale === 'log' ? { min: 100, max: 10 ** Math.ceil(Math.log10(Math.max(...values))) } : { min: indexed ? Math.floor(Math.min(...values) / 10) * 10 : 0, max: niceCeil(Math.max(...values)) }
  const lasts = rows.map((r) => {
    const i = r.figs.map((f, j) => (f && f.value !== null && (!indexed || r.figs[bi]) ? j : -1)).reduce((a, b) => Math.max(a, b), -1)
    return { name: entityName(d, r.id, lang), v: i < 0 ? null : valueOf(r, r.figs[i]!), year: GDP_YEARS[Math.max(0, i)]! }
  })
  // On a slide the legend names the cities: spread end labels can be pushed past a slide's plot.
  // Room on the right for the city names at the ends of the lines.
  const nameRoom = Math.max(gridRight(ctx), ...names.map((n) => Math.min(textWidth(n, t.small), nameLimit(ctx, AXIS_NAME_SHARE)))) + 16
  // The plot's size in the panel, estimated: 340 px high less the legend, the x axis and the footnote; at least MIN_PANEL_WIDTH wide less the value axis's labels (≈ 5 digits) and the names' room.
  const plotH = 340 - legend.top - gridBottom(ctx, marks) - t.small - 16
  const plotW = MIN_PANEL_WIDTH - 8 - textWidth('25,000', t.small) - 8 - nameRoom
  const endLabels = ctx.profile ? null : endLabelSeries(ctx, lasts, axis, scale === 'log', plotH, plotW, GDP_YEARS.length)
  const yName = indexed ? fill(tr(both('charts.words.indexAxis'), lang), { base: base! }) : scale === 'log' ? fill(tr(both('charts.words.logScale'), lang), { unit: unit.label }) : unit.label
  const option = {
    ...baseOption(ctx, marks, 'city gdp'),
    legend: legend.legend,
    media: legend.media,
    grid: { left: 8, right: nameRoom, top: legend.top, bottom: gridBottom(ctx, marks), containLabel: true },
    xAxis: { type: 'category', data: GDP_YEARS.map(String), boundaryGap: false },
    yAxis: { type: scale === 'log' ? 'log' : 'value', name: yName, nameGap: 10, nameTextStyle: { align: 'left', verticalAlign: 'bottom' }, min: axis.min, max: axis.max, ...(scale === 'log' ? { logBase: 10 } : {}) },
    series: [
      ...rows.map((r, k) => {
        const color = t.palette[k % t.palette.length]!
        const shape = NINE_SHAPES[k % NINE_SHAPES.length]!
        const secondary = r.figs.some((f) => f?.source.tier === 'secondary')
        const name = entityName(d, r.id, lang)
        return {
          type: 'line',
          name: names[k],
          connectNulls: false,
          itemStyle: { color },
          lineStyle: { color, width: t.lineWidth, type: secondary ? 'dashed' : 'solid' },
          symbol: shape,
          data: r.figs.map((f) =>
            f && f.value !== null && (!indexed || r.figs[bi]) ? { value: valueOf(r, f), tip: tipFor(f, name, lang, indexNote(r, f)), ...pointStyle(f, color, ctx, shape) } : null,
          ),
        }
      }),
      ...(endLabels ? [endLabels] : []),
      // Beside the chosen point (never on it, nor on another city's); no label: values would crowd nine lines, the legend names the triangle "‡".
      ...(others.length && !indexed
        ? [
            conflictSeries(
              ctx,
              `${tr(OTHER_SOURCE, lang)} ‡`,
              others.map((o) => {
                const i = GDP_YEARS.indexOf(o.f.year!)
                const chosen = o.r.figs[i]
                return { x: String(o.f.year), y: o.f.value! / unit.div, chosen: chosen?.value != null ? chosen.value / unit.div : null, tip: conflictItem(o.f, entityName(d, o.r.id, lang), lang, null).tip as string, label: '', left: conflictGoesLeft(o.r.figs, i) }
              }),
            ),
          ]
        : []),
    ],
  }
  return chartResult(option, all, ctx, indexed || scale === 'log' ? yName : unit.label, [], indexed ? ['derived'] : [], { d })
}

/** The nine-cities dashboard's charts, in display order. */
export const CITIES_CHARTS: ChartSpec[] = [
  chart('cities-map', both('charts.titles.cities-map'), mapChart),
  chart('cities-shares', both('charts.titles.cities-shares'), sharesChart),
  chart('cities-provinces', both('charts.titles.cities-provinces'), provinceChart),
  chart('cities-nine-shares', both('charts.titles.cities-nine-shares'), nineSharesChart),
  chart('cities-gdp', both('charts.titles.cities-gdp'), cityGdpChart),
]

const shareKpi = (id: string, indicator: string, label: Text): KpiSpec =>
  headlineKpi({
    id,
    dashboard: 'cities',
    dataset: DS,
    entity: 'corridor',
    indicator,
    label,
    comparison: (f, ctx) => (f.value === null ? undefined : fill(tr(both('charts.kpis.fractionEquivalent'), ctx.lang), { fraction: fractionNote(f.value) })),
  })

/** The nine-cities dashboard's KPI cards. */
export const CITIES_KPIS: KpiSpec[] = [
  shareKpi('gdp-share-national', 'gdp-share-national', both('charts.kpis.gdp-share-national')),
  shareKpi('fiscal-income-share-local', 'fiscal-income-share-local', both('charts.kpis.fiscal-income-share-local')),
  shareKpi('hightech-share-national', 'hightech-share-national', both('charts.kpis.hightech-share-national')),
  headlineKpi({ id: 'corridor-area', dashboard: 'cities', dataset: DS, entity: 'corridor', indicator: 'area', label: both('charts.kpis.corridor-area') }),
  headlineKpi({ id: 'corridor-population', dashboard: 'cities', dataset: DS, entity: 'corridor', indicator: 'population', label: both('charts.kpis.corridor-population') }),
]

/** The nine-cities dashboard: national shares, provinces, city GDP and the corridor map. */
export const CITIES: DashboardSpec = {
  id: 'cities',
  title: (ctx) => tr(both('charts.dashboards.cities'), ctx.lang),
  takeaway: (ctx) =>
    tr(both('charts.dashboards.citiesTakeaway'), ctx.lang),
  kpis: CITIES_KPIS,
  charts: CITIES_CHARTS,
}
