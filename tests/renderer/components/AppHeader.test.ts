import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import AppHeader from '../../../src-renderer/src/components/AppHeader.vue'
import { createAppI18n } from '../../../src-renderer/src/i18n'
import { useNavStore } from '../../../src-renderer/src/stores/nav'
import { useSettingsStore } from '../../../src-renderer/src/stores/settings'
import { installFakeApi } from '../fake-api'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

async function mountHeader(lang: 'en' | 'zh-CN' = 'en') {
  const fake = installFakeApi()
  await useSettingsStore().init()
  const wrapper = mount(AppHeader, { global: { plugins: [pinia, createAppI18n(lang)] } })
  return { wrapper, ...fake }
}

describe('AppHeader', () => {
  it('shows the title and one tab per view, the current one selected', async () => {
    const { wrapper } = await mountHeader()
    expect(wrapper.get('h1').text()).toBe('G60 Briefing')
    const tabs = wrapper.findAll('[role="tab"]')
    expect(tabs.map((t) => t.text())).toEqual(['Overview', 'Urban rectification', 'Industry before and after 2016', 'The nine cities'])
    expect(tabs.map((t) => t.attributes('aria-selected'))).toEqual(['true', 'false', 'false', 'false'])
  })

  it('moves to a view when its tab is clicked', async () => {
    const { wrapper } = await mountHeader()
    await wrapper.get('[data-view="cities"]').trigger('click')
    expect(useNavStore().view).toBe('cities')
    expect(wrapper.get('[data-view="cities"]').attributes('aria-selected')).toBe('true')
    expect(wrapper.get('[data-view="overview"]').attributes('aria-selected')).toBe('false')
  })

  it('moves between tabs with the arrow keys, Home and End, keeping only the current tab in the tab order', async () => {
    const { wrapper } = await mountHeader()
    const tab = (v: string) => wrapper.get(`[data-view="${v}"]`)
    expect(tab('overview').attributes('tabindex')).toBe('0')
    expect(tab('cities').attributes('tabindex')).toBe('-1')
    await tab('overview').trigger('keydown', { key: 'ArrowRight' })
    expect(useNavStore().view).toBe('rectification')
    expect(tab('rectification').attributes('tabindex')).toBe('0')
    await tab('rectification').trigger('keydown', { key: 'End' })
    expect(useNavStore().view).toBe('cities')
    await tab('cities').trigger('keydown', { key: 'ArrowRight' })
    expect(useNavStore().view).toBe('overview')
    await tab('overview').trigger('keydown', { key: 'ArrowLeft' })
    expect(useNavStore().view).toBe('cities')
    await tab('cities').trigger('keydown', { key: 'Home' })
    expect(useNavStore().view).toBe('overview')
    await tab('overview').trigger('keydown', { key: 'a' })
    expect(useNavStore().view).toBe('overview')
  })

  it('asks main to change the theme when the theme select changes', async () => {
    const { wrapper, api } = await mountHeader()
    const select = wrapper.get('select[data-control="theme"]')
    expect((select.element as HTMLSelectElement).value).toBe('light')
    await select.setValue('projector')
    await flushPromises()
    expect(api.updateSettings).toHaveBeenCalledWith({ theme: 'projector' })
    expect(useSettingsStore().theme).toBe('projector')
  })

  it('asks main to change the language, null for "System"', async () => {
    const { wrapper, api } = await mountHeader()
    const select = wrapper.get('select[data-control="lang"]')
    expect((select.element as HTMLSelectElement).value).toBe('system')
    await select.setValue('zh-CN')
    expect(api.updateSettings).toHaveBeenLastCalledWith({ lang: 'zh-CN' })
    await select.setValue('system')
    expect(api.updateSettings).toHaveBeenLastCalledWith({ lang: null })
  })

  it('speaks Chinese when the language is zh-CN', async () => {
    const { wrapper } = await mountHeader('zh-CN')
    expect(wrapper.get('h1').text()).toBe('G60 简报')
  })
})
