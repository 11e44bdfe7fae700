import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ChartTable from '../../../src-renderer/src/components/ChartTable.vue'
import { createAppI18n } from '../../../src-renderer/src/i18n'
import { figureRow } from '../../../src-shared/charts/table'
import type { Figure, Source } from '../../../src-shared/dataset'
import type { SaveOutcome } from '../../../src-shared/save-contract'
import { useNoticesStore } from '../../../src-renderer/src/stores/notices'
import { installFakeApi } from '../fake-api'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

const src = (tier: Source['tier'], title: string): Source => ({ tier, title, url: tier === 'article' ? null : `https://example.org/${encodeURIComponent(title)}`, year: null, quote: 'q', formula: null })
const ARTICLE = src('article', 'G60 S&T Innovation Valley article')
const fig = (entity: string, indicator: string, year: number, value: number, unit: string, source: Source, more: Partial<Figure> = {}): Figure => ({
  entity, indicator, year, period: null, value, valueHigh: null, unit, qualifier: 'exact', source, note_zh: null, note_en: null, conflict: false, ...more,
})

const rows = [
  figureRow(fig('songjiang', 'gdp', 2020, 1637.11, 'yuan-100m', src('official', 'Shanghai Daily')), undefined, 'en'),
  figureRow(fig('songjiang', 'gdp', 2015, 995.36, 'yuan-100m', src('official', 'Yearbook')), undefined, 'en'),
  figureRow(fig('songjiang', 'secondary-industry-share', 2015, 55, 'percent', ARTICLE, { decimals: 1 }), undefined, 'en'),
]

function mountTable() {
  return mount(ChartTable, {
    props: { rows, title: 'Songjiang GDP', lang: 'en', chartId: 'industry-gdp', sourceLine: 'Source: Shanghai Daily (official)', asOf: '2020' },
    global: { plugins: [pinia, createAppI18n('en')] },
  })
}

describe('ChartTable', () => {
  it('shows one row per figure the chart draws, each with every column, the value as printed', () => {
    const w = mountTable()
    expect(w.findAll('[data-role="table-row"]')).toHaveLength(3)
    expect(w.findAll('th').map((h) => h.text())).toEqual(['Entity', 'Indicator', 'Year or period', 'Value (as printed)', 'Unit', 'Qualifier', 'Tier', 'Source', 'URL', 'Note'])
    const values = w.findAll('td[data-col="value"]').map((c) => c.text())
    expect(values).toEqual(['1,637.11', '995.36', '55.0'])
    expect(w.findAll('td[data-col="url"]')[0]!.text()).toBe('https://example.org/Shanghai%20Daily')
    expect(w.get('caption').text()).toContain('Songjiang GDP')
  })

  it('sorts by a column, numbers by value, and says so with aria-sort', async () => {
    const w = mountTable()
    const th = () => w.find('th[aria-sort="ascending"], th[aria-sort="descending"]')
    await w.get('[data-sort="value"]').trigger('click')
    expect(w.findAll('td[data-col="value"]').map((c) => c.text())).toEqual(['55.0', '995.36', '1,637.11'])
    expect(th().attributes('aria-sort')).toBe('ascending')
    await w.get('[data-sort="value"]').trigger('click')
    expect(w.findAll('td[data-col="value"]').map((c) => c.text())).toEqual(['1,637.11', '995.36', '55.0'])
    expect(th().attributes('aria-sort')).toBe('descending')
  })

  it('copies the rows as tab-separated text with a header line, as shown', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = mountTable()
    await w.get('[data-action="table-copy"]').trigger('click')
    await Promise.resolve()
    const tsv = writeText.mock.calls[0]![0] as string
    const lines = tsv.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]!.split('\t')).toHaveLength(10)
    expect(lines[1]!.split('\t')[3]).toBe('1,637.11')
    expect(w.get('[data-role="table-status"]').text()).toContain('Copied 3 rows')
  })

  it('saves the rows as shown (sorted) as CSV through main, and tells where the file went or why it was not written', async () => {
    const { api } = installFakeApi()
    const outcomes: SaveOutcome[] = [
      { saved: true, path: '/tmp/t.csv', format: 'csv', rows: 3 },
      { saved: false, path: '/ro/t.xlsx', reason: 'read-only', detail: 'EROFS' },
    ]
    const saveTable = vi.fn(async () => ({ ok: true as const, value: outcomes.shift()! }))
    Object.assign(api, { saveTable })
    const w = mountTable()
    await w.get('[data-sort="value"]').trigger('click')
    await w.get('[data-action="table-save-csv"]').trigger('click')
    await vi.waitFor(() => expect(useNoticesStore().notices.map((n) => n.message)).toEqual(['Saved /tmp/t.csv (3 rows).']))
    const request = (saveTable.mock.calls[0] as unknown[])[0] as { rows: { value: string }[] }
    expect(request).toMatchObject({ chartId: 'industry-gdp', title: 'Songjiang GDP', sourceLine: 'Source: Shanghai Daily (official)', asOf: '2020', format: 'csv' })
    expect(request.rows.map((r) => r.value)).toEqual(['55.0', '995.36', '1,637.11'])
    expect(structuredClone(request)).toEqual(request)
    await w.get('[data-action="table-save-xlsx"]').trigger('click')
    await vi.waitFor(() => expect(useNoticesStore().notices.at(-1)).toMatchObject({ id: 'save-failed', level: 'error', message: 'The disk is read-only: could not write /ro/t.xlsx. Choose another folder.' }))
  })

  it('closes on Esc', async () => {
    const w = mountTable()
    await w.get('[data-role="chart-table"]').trigger('keydown', { key: 'Escape' })
    expect(w.emitted('close')).toHaveLength(1)
  })
})
