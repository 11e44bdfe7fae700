import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import DataBar from '../../../src-renderer/src/components/DataBar.vue'
import { createAppI18n } from '../../../src-renderer/src/i18n'
import { useDataStore } from '../../../src-renderer/src/stores/data'
import type { DatasetSnapshot } from '../../../src-shared/ipc-contract'
import type { Lang } from '../../../src-shared/settings'
import { installFakeApi } from '../fake-api'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  installFakeApi()
})

const snapshot = (over: Partial<DatasetSnapshot>): DatasetSnapshot => ({
  datasets: [],
  origins: { share: { kind: 'user', file: '/data/briefing/share.csv' } },
  problems: [],
  folder: '/data/briefing',
  folderMissing: false,
  loadedAt: '2026-01-02T03:04:05.000Z',
  ...over,
})

function mountBar(s: DatasetSnapshot, lang: Lang = 'en') {
  useDataStore().snapshot = s
  return mount(DataBar, { global: { plugins: [pinia, createAppI18n(lang)] } })
}

describe('DataBar', () => {
  it('names the data folder while it is there', () => {
    const bar = mountBar(snapshot({}))
    expect(bar.text()).toContain('Data: /data/briefing (1 dataset of yours)')
    expect(bar.find('[data-state="folder-missing"]').exists()).toBe(false)
  })

  it.each([
    ['en', 'Data folder missing: /data/briefing. Its last data stays on screen'],
    ['zh-CN', '数据文件夹不见了：/data/briefing。'],
  ] as const)('says the folder is missing while it is gone (%s)', (lang, text) => {
    const bar = mountBar(snapshot({ folderMissing: true }), lang)
    const missing = bar.find('[data-state="folder-missing"]')
    expect(missing.exists()).toBe(true)
    expect(missing.attributes('role')).toBe('status')
    expect(missing.text()).toContain(text)
    expect(bar.text()).not.toContain('dataset of yours')
  })
})
