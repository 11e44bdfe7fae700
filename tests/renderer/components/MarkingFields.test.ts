import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import MarkingFields from '../../../src-renderer/src/components/MarkingFields.vue'
import MarkingBanner from '../../../src-renderer/src/components/MarkingBanner.vue'
import { createAppI18n } from '../../../src-renderer/src/i18n'
import { useSettingsStore } from '../../../src-renderer/src/stores/settings'
import type { SettingsPatch } from '../../../src-shared/settings'
import { installFakeApi } from '../fake-api'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

async function mountFields() {
  const fake = installFakeApi()
  await useSettingsStore().init()
  const plugins = [pinia, createAppI18n('en')]
  const fields = mount(MarkingFields, { global: { plugins } })
  const banner = mount(MarkingBanner, { global: { plugins } })
  return { fields, banner, ...fake }
}

describe('MarkingFields and MarkingBanner', () => {
  it('start off and empty; no banner', async () => {
    const { fields, banner } = await mountFields()
    expect((fields.get('[data-field="marking-on"]').element as HTMLInputElement).checked).toBe(false)
    expect(banner.find('[data-role="marking-banner"]').exists()).toBe(false)
  })

  it('save each change, and the banner shows the text of the language in use', async () => {
    const { fields, banner, api } = await mountFields()
    await fields.get('[data-field="marking-en"]').setValue('For internal briefing only')
    await fields.get('[data-field="marking-on"]').setValue(true)
    await flushPromises()
    expect(api.updateSettings).toHaveBeenLastCalledWith({ marking: { on: true, text: { 'zh-CN': '', en: 'For internal briefing only' } } })
    expect(banner.get('[data-role="marking-banner"]').text()).toBe('For internal briefing only')
  })

  it('keep what was typed while an earlier save is still unanswered', async () => {
    const { fields, api } = await mountFields()
    // Main answers in order (it serialises settings writes); the first answer comes only after the second field was typed into.
    let release!: () => void
    let previous: Promise<unknown> = new Promise<void>((r) => (release = r))
    const original = api.updateSettings.getMockImplementation()!
    api.updateSettings.mockImplementation((patch: SettingsPatch) => {
      const answer = previous.then(() => original(patch))
      previous = answer
      return answer
    })
    await fields.get('[data-field="marking-zh-CN"]').setValue('内部资料')
    // Typing into the English field (input events), then the first answer arrives, then the field is left (change).
    const en = fields.get('[data-field="marking-en"]')
    ;(en.element as HTMLInputElement).value = 'For internal briefing only'
    await en.trigger('input')
    release()
    await flushPromises()
    await en.trigger('change')
    await flushPromises()
    expect((fields.get('[data-field="marking-en"]').element as HTMLInputElement).value).toBe('For internal briefing only')
    expect(useSettingsStore().settings.marking.text).toEqual({ 'zh-CN': '内部资料', en: 'For internal briefing only' })
  })
})
