/**
 * The corridor map: the nine cities' regions shaded by a chosen figure in one
 * year (a continuous colour legend with the indicator, unit and year), cities
 * without a figure drawn as "no data", province names on the map, tooltips on
 * cities and on every other region. No marker carries a label: the names sit on
 * the regions themselves.
 */
import type { ColumnarDataset, Figure } from '../dataset'
import { axisUnit, formatNumber } from '../format'
import { both, fill } from '../i18n'
import { own } from '../own'
import { alternates, figures, yearSeries } from '../query'
import { citiesByProvince, niceCeil } from './cities'
import { baseOption, chartResult, collectMarks, escapeHtml, labelText, missingDataset, missingFigures, suffix, tipFor, tokens } from './common'
import { entityName, groupName, indicatorName, MAP_REGION, paren, PROVINCE_LABEL_REGION, shortGroupName, T, tr } from './labels'
import { nameTruncation, textWidth } from './layout'
import { CORRIDOR_MAP_NAME, corridorBounds, regionNames, regionProvince } from './map'
import type { ChartContext, ChartResult, DataIndex } from './types'

const DS = 'nine-cities'
const OTHER_SOURCE = both('chart.otherSource')
/** Height of the legend's colour bar, px. */
const BAR = 110

/** The nine cities that have a region on the map, in province order. */
function mappedCities(d: ColumnarDataset): { id: string; group: string; region: string }[] {
  return citiesByProvince(d).flatMap((c) => {
    const region = own(MAP_REGION, c.id)
    return region ? [{ ...c, region }] : []
  })
}

/**
 * The year to compare the cities in for one indicator: the latest in which every city has
 * a figure, else the one most cities have (latest on a tie), with how many have it; `null` when none has any.
 */
export function commonYear(d: ColumnarDataset, indicator: string): { year: number; count: number } | null {
  const cities = citiesByProvince(d)
  const years = [...new Set(cities.flatMap((c) => figures(d, { entity: c.id, indicator }).filter((f) => f.year !== null && f.value !== null && f.period === null).map((f) => f.year!)))].sort((a, b) => b - a)
  let best: { year: number; count: number } | null = null
  for (const year of years) {
    const count = cities.filter((c) => yearSeries(d, c.id, indicator, [year])[0]).length
    if (count === cities.length) return { year, count }
    if (!best || count > best.count) best = { year, count }
  }
  return best
}

/**
 * The figures the map can shade the cities by: indicators (in the dataset's order) that at
 * least half the cities report in one common year, excluding percentages (rates of different bases do not shade well).
 */
export function mapIndicators(d: ColumnarDataset | undefined): string[] {
  if (!d) return []
  const n = citiesByProvince(d).length
  return Object.entries(d.meta.indicators)
    .filter(([, ind]) => ind.unit !== 'percent')
    .map(([id]) => id)
    .filter((id) => (commonYear(d, id)?.count ?? 0) * 2 >= n && n > 0)
}

/** Tooltip of a city: its figure (and any other source's figure for the same year), or "no data". */
function cityTip(d: ColumnarDataset, c: { id: string; group: string }, f: Figure | null, indicator: string, year: number, lang: ChartContext['lang']): string {
  const name = `${entityName(d, c.id, lang)}${paren(groupName(d, c.group, lang), lang)}`
  const what = indicatorName(d, indicator, lang)
  if (!f) return `<b>${escapeHtml(name)}</b><br/>${escapeHtml(fill(tr(both('chart.noFigure'), lang), { what, year }))}`
  const others = alternates(d, c.id, indicator, [year]).map((a) => tipFor(a, `${name} · ${what}${paren(`${tr(OTHER_SOURCE, lang)} ‡`, lang)}`, lang))
  return [tipFor(f, `${name} · ${what}`, lang), ...others].join('<br/><br/>')
}

/** Tooltip of a region that is not one of the nine cities: its name (as the map file gives it) and province. */
function regionTip(d: ColumnarDataset, region: string, lang: ChartContext['lang']): string {
  const province = regionProvince(region)
  return `<b>${escapeHtml(region)}</b>${province ? escapeHtml(paren(groupName(d, province, lang), lang)) : ''}<br/>${escapeHtml(tr(both('chart.notInCorridor'), lang))}`
}

/** The legend's room at the left of the map, px (left-anchored, so its text never runs off the chart): the widest of its title lines and value labels, with the colour bar. */
function legendWidth(ctx: ChartContext, lines: string[]): number {
  const t = tokens(ctx)
  return Math.max(...lines.map((l) => textWidth(l, t.small))) + 16
}

/** The corridor map chart: the nine cities shaded by `ctx.mapIndicator` (GDP by default) in its common year. */
export function mapChart(data: DataIndex, ctx: ChartContext): ChartResult {
  const d = data.get(DS)
  if (!d) return missingDataset(DS, ctx.lang)
  const lang = ctx.lang
  const t = tokens(ctx)
  const choices = mapIndicators(d)
  const indicator = ctx.mapIndicator && choices.includes(ctx.mapIndicator) ? ctx.mapIndicator : (choices[0] ?? 'gdp')
  const common = commonYear(d, indicator)
  const cities = mappedCities(d)
  if (!common || cities.length === 0) return missingFigures(DS, [indicatorName(d, indicator, lang)], lang)
  const { year } = common
  const figs = cities.map((c) => yearSeries(d, c.id, indicator, [year])[0] ?? null)
  const drawn = figs.filter((f): f is Figure => f !== null)
  const others = cities.flatMap((c) => alternates(d, c.id, indicator, [year]))
  const unit = axisUnit(drawn[0]!.unit, lang)
  const max = niceCeil(Math.max(...drawn.map((f) => f.value! / unit.div)))
  const title = [indicatorName(d, indicator, lang), fill(tr(both('chart.mapLegendYear'), lang), { unit: unit.label, year })]
  // The scale's ticks beside the colour bar, top to bottom: its maximum, half of it, zero.
  const ticks = [max, max / 2, 0].map((v) => formatNumber(v, lang, 1))
  const noData = tr(T.noData, lang)
  const legendW = legendWidth(ctx, [...title, ...ticks.map((x) => `xxxx${x}`), `${noData}xxxx`])
  const marks = collectMarks([...drawn, ...others])
  const provinceLabels = Object.entries(PROVINCE_LABEL_REGION).filter(([, r]) => regionNames().includes(r))
  // The nine cities' outlines are drawn bold, so a city with no data still reads as one of the nine.
  const cityOutline = { borderColor: t.text, borderWidth: t.lineWidth >= 4 ? 2.5 : 1.5 }
  const cityTips = new Map(cities.map((c, i) => [c.region, cityTip(d, c, figs[i]!, indicator, year, lang)]))
  const halo = { textBorderColor: t.background, textBorderWidth: 3 }
  const base = baseOption(ctx, marks, 'map')
  const footH = marks.length ? t.small + 16 : 8
  const barTop = 4 + 2 * (t.small + 4) + 14
  const option = {
    ...base,
    geo: {
      map: CORRIDOR_MAP_NAME,
      roam: false,
      // Every drawn region whole, fitted into the box right of the legend.
      boundingCoords: corridorBounds(),
      left: legendW,
      right: 4,
      top: 4,
      bottom: footH,
      label: { show: false },
      // Hovering a region shows the geo component's tooltip (the shaded series sits on it): a city's figures, else the region's name and province.
      tooltip: { show: true, formatter: (p: { name?: string }) => (p.name ? (cityTips.get(p.name) ?? regionTip(d, p.name, lang)) : '') },
      emphasis: { disabled: true },
      regions: [
        ...cities.map((c, i) => ({ name: c.region, itemStyle: cityOutline, label: { show: true, formatter: `${entityName(d, c.id, lang)}${suffix(figs[i]!)}`, ...labelText(ctx), ...halo, ...nameTruncation(ctx) } })),
        ...provinceLabels.map(([p, r]) => ({ name: r, label: { show: true, formatter: shortGroupName(d, p, lang), ...labelText(ctx, t.muted), fontSize: t.base, fontWeight: 'bold', ...halo } })),
      ],
    },
    // The colour scale; its legend is drawn below as plain graphics (the component's own bar writes invalid hover CSS into SVG exports).
    visualMap: { type: 'continuous', show: false, seriesIndex: 0, min: 0, max, inRange: { color: t.mapRamp }, outOfRange: { color: t.mapNoData } },
    graphic: [
      ...(base.graphic as object[]),
      // The legend: indicator, then unit and year; the colour bar with its ticks beside it.
      { type: 'text', left: 4, top: 4, silent: true, style: { text: title.join('\n'), ...labelText(ctx), fill: t.text, lineHeight: t.small + 4 } },
      { type: 'rect', left: 4, top: barTop, shape: { width: 14, height: BAR }, silent: true, style: { fill: { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops: [{ offset: 0, color: t.mapRamp[1] }, { offset: 1, color: t.mapRamp[0] }] }, stroke: t.mapBorder, lineWidth: 1 } },
      ...ticks.map((text, i) => ({ type: 'text', left: 24, top: barTop + (i * BAR) / 2 - (t.small + 2) / 2, silent: true, style: { text, ...labelText(ctx), fill: t.text } })),
      // The "no data" key under it: an empty swatch with a city's outline, then the words.
      { type: 'rect', left: 4, bottom: footH + 4, shape: { width: 14, height: t.small }, silent: true, style: { fill: t.mapNoData, stroke: cityOutline.borderColor, lineWidth: cityOutline.borderWidth } },
      { type: 'text', left: 24, bottom: footH + 2, silent: true, style: { text: noData, ...labelText(ctx), fill: t.text } },
    ],
    series: [
      {
        type: 'map',
        geoIndex: 0,
        // Hover keeps the region's own shade (a highlight colour would read as a value).
        emphasis: { disabled: true },
        select: { disabled: true },
        name: indicatorName(d, indicator, lang),
        // Not a number where a city has no figure: the legend's "no data" colour, never a zero.
        // `figures`: how many figures the region's tooltip shows (its own and any other source's), one table row each.
        data: cities.map((c, i) => ({
          name: c.region,
          value: figs[i] ? figs[i]!.value! / unit.div : NaN,
          tip: cityTips.get(c.region)!,
          figures: figs[i] ? 1 + alternates(d, c.id, indicator, [year]).length : 0,
        })),
      },
    ],
    aria: { ...(base.aria as object), label: { description: `${indicatorName(d, indicator, lang)} ${year}` } },
  }
  return chartResult(option, [...drawn, ...others], ctx, unit.label, [tr(T.mapSource, lang)], [], { d })
}
