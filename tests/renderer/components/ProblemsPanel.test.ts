import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import DataBar from '../../../src-renderer/src/components/DataBar.vue'
import ProblemsPanel from '../../../src-renderer/src/components/ProblemsPanel.vue'
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

type Problem = DatasetSnapshot['problems'][number]
const problem = (row: number, message = 'Not a number'): Problem => ({ file: '/data/briefing/share.csv', row, column: 'value', message }) as Problem
const snapshot = (problems: Problem[]): DatasetSnapshot => ({ datasets: [], origins: {}, problems, folder: '/data/briefing', folderMissing: false, loadedAt: '2026-01-02T03:04:05.000Z' })

/** The data bar and the panel, as the app shows them together. */
function mountShell(lang: Lang = 'en') {
  const Shell = defineComponent({ render: () => h('div', [h(DataBar), h(ProblemsPanel)]) })
  return mount(Shell, { global: { plugins: [pinia, createAppI18n(lang)] } })
}

describe('ProblemsPanel and the data bar count', () => {
  it('is hidden with its close button and shown again with the count in the data bar', async () => {
    const data = useDataStore()
    data.snapshot = snapshot([problem(3), problem(4)])
    const w = mountShell()
    await nextTick()
    expect(w.find('[data-role="problems"]').exists()).toBe(true)
    const count = w.find('[data-action="toggle-problems"]')
    expect(count.text()).toContain('2 problems')
    expect(count.attributes('aria-expanded')).toBe('true')
    await w.find('[data-action="hide-problems"]').trigger('click')
    expect(w.find('[data-role="problems"]').exists()).toBe(false)
    expect(w.find('[data-action="toggle-problems"]').attributes('aria-expanded')).toBe('false')
    await w.find('[data-action="toggle-problems"]').trigger('click')
    expect(w.find('[data-role="problems"]').exists()).toBe(true)
  })

  it('opens again by itself when a new problem comes in, not when the same ones are sent again', async () => {
    const data = useDataStore()
    data.snapshot = snapshot([problem(3)])
    const w = mountShell()
    await nextTick()
    await w.find('[data-action="hide-problems"]').trigger('click')
    data.snapshot = snapshot([problem(3)])
    await nextTick()
    expect(w.find('[data-role="problems"]').exists()).toBe(false)
    data.snapshot = snapshot([problem(3), problem(9, 'Unknown unit')])
    await nextTick()
    await nextTick()
    expect(w.find('[data-role="problems"]').exists()).toBe(true)
    expect(w.findAll('[data-role="problem"]')).toHaveLength(2)
  })

  it('shows no count when there is nothing wrong, and counts in Chinese', async () => {
    const data = useDataStore()
    data.snapshot = snapshot([])
    const w = mountShell('zh-CN')
    expect(w.find('[data-action="toggle-problems"]').exists()).toBe(false)
    data.snapshot = snapshot([problem(3)])
    await nextTick()
    expect(w.find('[data-action="toggle-problems"]').text()).toContain('1 个问题')
  })
})
