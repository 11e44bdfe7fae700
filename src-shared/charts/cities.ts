/** The nine cities: national shares, cities by province, city GDP 2015–2022, the corridor map. */
import type { ColumnarDataset, Figure } from '../dataset'
import { axisUnit, figureParts, formatNumber } from '../format'
import { own } from '../own'
import { headline, preferred, figures, yearSeries } from '../query'
import { chartOf, gridBottom, gridRight, xName, SHAPES, barStyle, baseOption, chartResult, collectMarks, escapeHtml, labelText, missingDataset, missingFigures, pointStyle, suffix, tipFor, tokens } from './common'
import { headlineKpi } from './kpi'
import { entityName, groupName, indicatorName, MAP_REGION, shortGroupName, shortName, T, tr } from './labels'
import { labelRoom, plotTop, topLegend } from './layout'
import { rowBars, rowsOption, type RowGroup } from './rows'
import { CORRIDOR_MAP_NAME } from './map'
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
        ...byYear.map((x) => ({ series: 1, value: x.value!, tip: tipFor(x, `${indicatorName(d, ind, lang)} ${x.year}`, lang), label: `${formatNumber(x.value!, lang)}%${suffix(x)} (${x.year})`, style: barStyle(x, colors[1]!, ctx) })),
      ],
    }
  }).filter((g) => g.rows.length > 0)
  const kinds = [
    { name: tr({ 'zh-CN': '原文所述份额', en: 'Share in the article' }, lang), color: colors[0]! },
    ...(dated.length ? [{ name: tr({ 'zh-CN': '各年来源所述（分数换算）†', en: 'As sources put it, by year†' }, lang), color: colors[1]! }] : []),
  ]
  const table = rowBars(ctx, groups, kinds)
  const all = [...main, ...dated]
  const marks = collectMarks(all)
  const option = rowsOption(ctx, marks, 'shares', kinds, table)
  return chartResult(option, all, ctx, '%')
}

function latestGdp(d: ColumnarDataset, id: string): Figure | null {
  return yearSeries(d, id, 'gdp', [...GDP_YEARS].reverse()).find((f) => f !== null) ?? null
}

function provinceChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const t = tokens(ctx)
  const cities = citiesByProvince(d).map((c) => ({ ...c, f: latestGdp(d, c.id) })).filter((c) => c.f !== null)
  if (cities.length === 0) return missingFigures(DS, [indicatorName(d, 'gdp', lang)], lang)
  const unit = axisUnit(cities[0]!.f!.unit, lang)
  const groups = [...new Set(cities.map((c) => c.group))]
  const figs = cities.map((c) => c.f!)
  const marks = collectMarks(figs)
  const legend = topLegend(ctx, groups.map((g) => shortGroupName(d, g, lang)), (h) => plotTop(ctx, h, false))
  const labels = cities.map((c) => `${formatNumber(c.f!.value! / unit.div, lang, 0)}${suffix(c.f!)}`)
  const option = {
    ...baseOption(ctx, marks, 'provinces'),
    legend: legend.legend,
    media: legend.media,
    grid: { left: 8, right: labelRoom(ctx, labels), top: legend.top, bottom: gridBottom(ctx, marks, true), containLabel: true },
    xAxis: { type: 'value', ...xName(ctx, unit.label) },
    yAxis: { type: 'category', inverse: true, axisLabel: { interval: 0 }, data: cities.map((c) => `${entityName(d, c.id, lang)} ${c.f!.year}`) },
    series: groups.map((g, k) => {
      const color = t.palette[k % t.palette.length]!
      return {
        type: 'bar',
        name: shortGroupName(d, g, lang),
        stack: 'city',
        barMaxWidth: 18,
        itemStyle: { color },
        label: { show: true, position: 'right', ...labelText(ctx) },
        data: cities.map((c) =>
          c.group === g ? { value: c.f!.value! / unit.div, tip: tipFor(c.f!, `${entityName(d, c.id, lang)} (${groupName(d, g, lang)})`, lang), label: { formatter: `${formatNumber(c.f!.value! / unit.div, lang, 0)}${suffix(c.f!)}` }, ...barStyle(c.f!, color, ctx) } : null,
        ),
      }
    }),
  }
  return chartResult(option, figs, ctx, unit.label)
}

function cityGdpChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const t = tokens(ctx)
  const rows = citiesByProvince(d).map((c) => ({ ...c, figs: yearSeries(d, c.id, 'gdp', GDP_YEARS) })).filter((r) => r.figs.some((f) => f !== null))
  if (rows.length === 0) return missingFigures(DS, [indicatorName(d, 'gdp', lang)], lang)
  const unit = axisUnit(rows[0]!.figs.find((f) => f !== null)!.unit, lang)
  const all = rows.flatMap((r) => r.figs)
  const marks = collectMarks(all)
  const names = rows.map((r) => `${entityName(d, r.id, lang)}${r.figs.some((f) => f?.source.tier === 'secondary') ? '*' : ''}`)
  const legend = topLegend(ctx, names, (h) => plotTop(ctx, h, true))
  const option = {
    ...baseOption(ctx, marks, 'city gdp'),
    legend: legend.legend,
    media: legend.media,
    grid: { left: 8, right: Math.max(24, gridRight(ctx)), top: legend.top, bottom: gridBottom(ctx, marks), containLabel: true },
    xAxis: { type: 'category', data: GDP_YEARS.map(String), boundaryGap: false },
    yAxis: { type: 'value', name: unit.label, nameGap: 10, nameTextStyle: { align: 'left', verticalAlign: 'bottom' } },
    series: rows.map((r, k) => {
      const color = t.palette[k % t.palette.length]!
      const secondary = r.figs.some((f) => f?.source.tier === 'secondary')
      const name = entityName(d, r.id, lang)
      return {
        type: 'line',
        name: names[k],
        connectNulls: false,
        itemStyle: { color },
        lineStyle: { color, width: t.lineWidth, type: secondary ? 'dashed' : 'solid' },
        symbol: SHAPES[k % SHAPES.length],
        data: r.figs.map((f) => (f && f.value !== null ? { value: f.value / unit.div, tip: tipFor(f, name, lang), ...pointStyle(f, color, ctx, SHAPES[k % SHAPES.length]) } : null)),
      }
    }),
  }
  return chartResult(option, all, ctx, unit.label)
}

/**
 * Which side of its marker a city's name goes. The cities around Lake Tai sit
 * within a name's length of each other, so there names go above or below:
 * Huzhou above (Xuancheng's name reaches towards it from the west), Jiaxing
 * below (between Songjiang's and Hangzhou's), Hangzhou left (clear of Jiaxing's), Suzhou
 * above, Xuancheng below.
 */
const LABEL_SIDE: Record<string, 'left' | 'right' | 'top' | 'bottom'> = { suzhou: 'top', huzhou: 'top', jiaxing: 'bottom', xuancheng: 'bottom', hangzhou: 'left' }

function mapChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const t = tokens(ctx)
  const cities = citiesByProvince(d).filter((c) => own(d.meta.entities, c.id)?.coord)
  if (cities.length === 0) return missingFigures(DS, [tr(T.coordinates, lang)], lang)
  const figs = cities.map((c) => latestGdp(d, c.id))
  const option = {
    ...baseOption(ctx, ['secondary'], 'map'),
    geo: {
      map: CORRIDOR_MAP_NAME,
      roam: false,
      // The corridor, not the whole of the four provinces: Hefei in the west to Songjiang, Jinhua in the south.
      boundingCoords: [
        [116.4, 32.6],
        [122.2, 28.7],
      ],
      layoutCenter: ['50%', '50%'],
      layoutSize: '100%',
      silent: true,
      label: { show: false },
      regions: cities.filter((c) => own(MAP_REGION, c.id)).map((c) => ({ name: own(MAP_REGION, c.id), itemStyle: { areaColor: t.mapHighlight } })),
    },
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        name: tr({ 'zh-CN': '九城市*', en: 'Nine cities*' }, lang),
        symbol: 'circle',
        symbolSize: t.symbolSize + 5,
        // Opaque (scatter defaults to 0.8), so names and their halo keep full contrast.
        itemStyle: { color: t.background, borderColor: t.palette[1], borderWidth: Math.max(2, t.lineWidth), opacity: 1 },
        // A halo in the background colour keeps names readable over region borders.
        label: { show: true, position: 'right', distance: 6, formatter: '{b}', ...labelText(ctx), textBorderColor: t.background, textBorderWidth: 4 },
        data: cities.map((c, i) => {
          const [lon, lat] = own(d.meta.entities, c.id)!.coord!
          const name = entityName(d, c.id, lang)
          const coordLine = `${tr(T.coordinates, lang)}: ${formatNumber(lon, lang)}, ${formatNumber(lat, lang)} — ${tr(T.coordSource, lang)}`
          const f = figs[i]
          const tip = f
            ? tipFor(f, `${name} (${groupName(d, c.group, lang)}) · ${indicatorName(d, 'gdp', lang)}`, lang, [coordLine])
            : `<b>${escapeHtml(name)}</b> (${escapeHtml(groupName(d, c.group, lang))})<br/>${escapeHtml(coordLine)}`
          return { name: `${name}*`, value: [lon, lat], tip, label: { position: own(LABEL_SIDE, c.id) ?? 'right' } }
        }),
      },
    ],
  }
  return chartResult(option, figs, ctx, '', [tr(T.mapSource, lang), `${tr(T.coordinates, lang)}: ${tr(T.coordSource, lang)}`], ['secondary'])
}

/** The nine-cities dashboard's charts, in display order. */
export const CITIES_CHARTS: ChartSpec[] = [
  chart('cities-map', { 'zh-CN': 'G60 科创走廊九城市', en: 'The G60 corridor: nine cities' }, mapChart),
  chart('cities-shares', { 'zh-CN': '九城市占全国的份额', en: "The nine cities' national shares" }, sharesChart),
  chart('cities-provinces', { 'zh-CN': '按省份分组：最新 GDP', en: 'Cities by province: latest GDP' }, provinceChart),
  chart('cities-gdp', { 'zh-CN': '各城市 GDP，2015–2022', en: 'City GDP, 2015–2022' }, cityGdpChart),
]

const shareKpi = (id: string, indicator: string, label: { 'zh-CN': string; en: string }): KpiSpec =>
  headlineKpi({
    id,
    dashboard: 'cities',
    dataset: DS,
    entity: 'corridor',
    indicator,
    label,
    comparison: (f, ctx) => (f.value === null ? undefined : `${fractionNote(f.value)}${ctx.lang === 'en' ? ' (fraction equivalent)' : '（分数换算）'}`),
  })

/** The nine-cities dashboard's KPI cards. */
export const CITIES_KPIS: KpiSpec[] = [
  shareKpi('gdp-share-national', 'gdp-share-national', { 'zh-CN': '占全国 GDP', en: 'Share of national GDP' }),
  shareKpi('fiscal-income-share-local', 'fiscal-income-share-local', { 'zh-CN': '占全国地方财政收入', en: 'Share of local fiscal income' }),
  shareKpi('hightech-share-national', 'hightech-share-national', { 'zh-CN': '占全国高新技术企业', en: 'Share of high-tech enterprises' }),
  headlineKpi({ id: 'corridor-area', dashboard: 'cities', dataset: DS, entity: 'corridor', indicator: 'area', label: { 'zh-CN': '走廊面积', en: 'Corridor area' } }),
  headlineKpi({ id: 'corridor-population', dashboard: 'cities', dataset: DS, entity: 'corridor', indicator: 'population', label: { 'zh-CN': '走廊人口', en: 'Corridor population' } }),
]

/** The nine-cities dashboard: national shares, provinces, city GDP and the corridor map. */
export const CITIES: DashboardSpec = {
  id: 'cities',
  title: (ctx) => tr({ 'zh-CN': '一廊九城', en: 'One corridor, nine cities' }, ctx.lang),
  takeaway: (ctx) =>
    tr({ 'zh-CN': '横跨沪苏浙皖四省市的九座城市，在全国经济与创新中占有显著份额。', en: "Nine cities across Shanghai, Jiangsu, Zhejiang and Anhui hold a notable share of China's economy and innovation." }, ctx.lang),
  kpis: CITIES_KPIS,
  charts: CITIES_CHARTS,
}
