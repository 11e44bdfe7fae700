/**
 * A hand-built chart spec and dataset index for export tests that should not
 * depend on the real dashboards' data.
 */
import type { ChartContext, ChartSpec, DataIndex } from '../../../src-shared/charts/types'
import type { Source } from '../../../src-shared/dataset'
import type { ChartExportRequest } from '../../../src-shared/export-contract'

export const OFFICIAL: Source = {
  tier: 'official',
  title: 'Songjiang Statistical Yearbook 2018, p. 197',
  url: 'https://example.org/songjiang-yearbook-2018',
  year: 2018,
  quote: null,
  formula: null,
}

export const SECONDARY: Source = {
  tier: 'secondary',
  title: '松江区城市更新白皮书',
  url: null,
  year: 2019,
  quote: null,
  formula: null,
}

const title = (ctx: ChartContext): string => (ctx.lang === 'en' ? 'Land vacated per year' : '每年腾退土地')

export const FIXTURE_CHART: ChartSpec = {
  id: 'rectification-land',
  dashboard: 'rectification',
  title,
  build: (_data, ctx) => ({
    kind: 'chart',
    option: {
      grid: { left: 60, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: ['2015', '2016', '2017'] },
      yAxis: { type: 'value', name: ctx.lang === 'en' ? 'ha' : '公顷' },
      series: [{ type: 'bar', data: [120, 340, 410], label: { show: true, position: 'top' } }],
    },
    table: [],
    sources: [OFFICIAL, SECONDARY],
    sourceLine:
      ctx.lang === 'en'
        ? `Official: ${OFFICIAL.title} · Secondary: ${SECONDARY.title}`
        : `官方：${OFFICIAL.title} · 二手：${SECONDARY.title}`,
    marks: ['secondary'],
    asOf: '2017',
    unitLabel: ctx.lang === 'en' ? 'ha' : '公顷',
  }),
}

export const EMPTY_CHART: ChartSpec = {
  id: 'empty',
  dashboard: 'cities',
  title: () => 'Nothing here',
  build: () => ({ kind: 'empty', message: 'dataset "cities" is not loaded' }),
}

export const NO_DATA: DataIndex = { get: () => undefined }

/**
 * What the export dialog sends to save the bundled industry GDP chart: a PNG
 * file at slide size (1920×1080) and 1×, from an 800×450 panel, light theme,
 * solid background, with its caption; `more` overrides any field.
 */
export function chartRequest(more: Partial<ChartExportRequest> = {}): ChartExportRequest {
  return { chartId: 'industry-gdp', format: 'png', scale: 1, preset: 'slide', shown: { width: 800, height: 450 }, theme: 'light', background: 'solid', caption: true, destination: 'file', ...more }
}
