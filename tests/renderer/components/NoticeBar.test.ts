import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import NoticeBar from '../../../src-renderer/src/components/NoticeBar.vue'
import { createAppI18n } from '../../../src-renderer/src/i18n'
import { useNoticesStore } from '../../../src-renderer/src/stores/notices'
import type { Notice } from '../../../src-shared/ipc-contract'
import { installFakeApi } from '../fake-api'

const recovered: Notice = {
  id: 'settings-recovered',
  level: 'warning',
  message: 'Your settings file could not be read, so the affected settings were reset to their defaults.',
  details: ['not valid JSON', 'The old file was kept as /u/settings.corrupt-1.json'],
}
const info: Notice = { id: 'hello', level: 'info', message: 'Hello', details: [] }

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

async function mountBar(notices: Notice[]) {
  const fake = installFakeApi({ notices })
  await useNoticesStore().init()
  const wrapper = mount(NoticeBar, { global: { plugins: [pinia, createAppI18n('en')] } })
  return { wrapper, ...fake }
}

describe('NoticeBar', () => {
  it('renders nothing when there is no notice', async () => {
    const { wrapper } = await mountBar([])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('renders each notice with its message, details and level', async () => {
    const { wrapper } = await mountBar([recovered, info])
    const alerts = wrapper.findAll('[role="alert"]')
    expect(alerts.map((a) => a.attributes('data-notice'))).toEqual(['settings-recovered', 'hello'])
    const first = wrapper.get('[data-notice="settings-recovered"]')
    expect(first.classes()).toContain('warning')
    expect(first.get('.message').text()).toBe(recovered.message)
    expect(first.findAll('li').map((li) => li.text())).toEqual(recovered.details)
    expect(wrapper.get('[data-notice="hello"]').find('ul').exists()).toBe(false)
  })

  it('dismisses a notice through main and removes it', async () => {
    const { wrapper, api } = await mountBar([recovered, info])
    const button = wrapper.get('[data-notice="settings-recovered"] button')
    expect(button.text()).toBe('Dismiss')
    await button.trigger('click')
    await flushPromises()
    expect(api.dismissNotice).toHaveBeenCalledWith('settings-recovered')
    expect(wrapper.findAll('[role="alert"]').map((a) => a.attributes('data-notice'))).toEqual(['hello'])
  })

  it('shows notices main posts later', async () => {
    const { wrapper, emit } = await mountBar([])
    emit('notices:changed', [info])
    await flushPromises()
    expect(wrapper.get('[data-notice="hello"] .message').text()).toBe('Hello')
  })
})
