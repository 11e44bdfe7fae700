import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import DatasetPreview from '../../../src-renderer/src/components/DatasetPreview.vue'
import { createAppI18n } from '../../../src-renderer/src/i18n'
import { useDataStore } from '../../../src-renderer/src/stores/data'
import { toColumnar, type DatasetFile } from '../../../src-shared/dataset'
import type { Lang } from '../../../src-shared/settings'
import { installFakeApi } from '../fake-api'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  installFakeApi()
})

const source = { tier: 'official' as const, title: 'S', url: 'https://e.org', year: null, quote: 'q', formula: null }
const file: DatasetFile = {
  id: 'growth',
  title: { 'zh-CN': '增速', en: 'Growth' },
  unit: 'percent',
  notes: null,
  entities: { jx: { name: { 'zh-CN': '嘉兴', en: 'Jiaxing' } } },
  indicators: { gdp: { name: { 'zh-CN': '生产总值', en: 'GDP' }, unit: 'percent' } },
  figures: [
    { entity: 'jx', indicator: 'gdp', year: 2016, period: null, value: 6.7, valueHigh: null, unit: 'percent', qualifier: 'about', source, note_zh: null, note_en: null, conflict: false },
    { entity: 'jx', indicator: 'gdp', year: null, period: '2016–2020', value: null, valueHigh: null, unit: 'percent', qualifier: 'exact', source, note_zh: null, note_en: null, conflict: false },
  ],
}

function mountList(lang: Lang) {
  useDataStore().snapshot = { datasets: [toColumnar(file)], origins: { growth: { kind: 'user', file: '/d/growth.xlsx' } }, problems: [], folder: '/d', folderMissing: false, loadedAt: '2026-01-02T03:04:05.000Z' }
  return mount(DatasetPreview, { global: { plugins: [pinia, createAppI18n(lang)] } })
}

describe('DatasetPreview', () => {
  it('lists each loaded dataset with a preview table of its figures as read', () => {
    const list = mountList('en')
    expect(list.find('summary').text()).toBe('Datasets (1)')
    expect(list.find('[data-dataset="growth"] summary').text()).toContain('Growth')
    expect(list.find('[data-dataset="growth"] summary').text()).toContain('2 figures · growth')
    const rows = list.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([
      ['Jiaxing', 'GDP', '2016', '6.7', '%', 'about', 'Official'],
      ['Jiaxing', 'GDP', '2016–2020', '—', '%', 'exact', 'Official'],
    ])
    // The codes read stay at hand, as each cell's title.
    expect(list.findAll('tbody tr')[0]!.findAll('td').map((c) => c.attributes('title') ?? '')).toEqual(['jx', 'gdp', '', '', 'percent', 'about', 'official'])
    expect(list.findAll('th').map((h) => h.text())).toEqual(['Entity', 'Indicator', 'Year or period', 'Value', 'Unit', 'Qualifier', 'Source tier'])
  })

  it('speaks Chinese', () => {
    const list = mountList('zh-CN')
    expect(list.find('summary').text()).toBe('数据集（1）')
    expect(list.find('[data-dataset="growth"]').text()).toContain('增速')
    expect(list.find('.note').text()).toBe('按读取结果显示前 2 个数字（共 2 个）')
    const rows = list.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([
      ['嘉兴', '生产总值', '2016', '6.7', '%', '约', '官方'],
      ['嘉兴', '生产总值', '2016–2020', '—', '%', '确数', '官方'],
    ])
  })
})
