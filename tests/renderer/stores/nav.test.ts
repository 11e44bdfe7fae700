import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useNavStore } from '../../../src-renderer/src/stores/nav'

const key = (key: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = { ctrlKey: true }) =>
  new KeyboardEvent('keydown', { key, ...mods })

beforeEach(() => setActivePinia(createPinia()))

describe('the nav store', () => {
  it('starts on the overview', () => {
    expect(useNavStore().view).toBe('overview')
  })

  it('switches views with Ctrl+1…4 and Cmd+1…4', () => {
    const nav = useNavStore()
    expect(nav.handleKey(key('4'))).toBe(true)
    expect(nav.view).toBe('cities')
    expect(nav.handleKey(key('2', { metaKey: true }))).toBe(true)
    expect(nav.view).toBe('rectification')
    expect(nav.handleKey(key('3'))).toBe(true)
    expect(nav.view).toBe('industry')
    expect(nav.handleKey(key('1'))).toBe(true)
    expect(nav.view).toBe('overview')
  })

  it.each([
    ['a digit without Ctrl or Cmd', key('2', {})],
    ['Ctrl+Alt+2', key('2', { ctrlKey: true, altKey: true })],
    ['Ctrl+Shift+2', key('2', { ctrlKey: true, shiftKey: true })],
    ['Ctrl+5', key('5')],
    ['Ctrl+0', key('0')],
    ['Ctrl+S', key('s')],
    ['Ctrl+Enter', key('Enter')],
  ])('ignores %s and leaves the view alone', (_name, event) => {
    const nav = useNavStore()
    nav.go('industry')
    expect(nav.handleKey(event)).toBe(false)
    expect(nav.view).toBe('industry')
  })

  it('ignores a view that does not exist', () => {
    const nav = useNavStore()
    nav.go('settings' as never)
    expect(nav.view).toBe('overview')
  })
})
