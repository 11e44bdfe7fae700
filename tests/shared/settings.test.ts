import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, langFromLocale, markingText, MAX_MARKING_LENGTH, validatePatch, validateSettings } from '../../src-shared/settings'

const bounds = { x: 10, y: 20, width: 1280, height: 800, maximized: false, fullScreen: false }

describe('validateSettings', () => {
  it('accepts a complete valid file as it is', () => {
    const raw = { theme: 'dark', lang: 'zh-CN', lastDataFolder: '/data/g60', windowBounds: bounds, breakYear: 2018, decals: true, marking: { on: true, text: { 'zh-CN': '内部资料', en: '' } }, cityScale: 'log', mapIndicator: 'population' }
    expect(validateSettings(raw)).toEqual({ settings: raw, problems: [] })
  })

  it('fills missing fields with defaults without calling them problems', () => {
    expect(validateSettings({ theme: 'projector' })).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'projector' }, problems: [] })
    expect(validateSettings({})).toEqual({ settings: { ...DEFAULT_SETTINGS }, problems: [] })
  })

  it('keeps the valid fields and resets each invalid one, naming it', () => {
    const { settings, problems } = validateSettings({ theme: 'neon', lang: 'en', breakYear: 1999, decals: 'yes', lastDataFolder: '' })
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' })
    expect(problems.map((p) => p.key).sort()).toEqual(['breakYear', 'decals', 'lastDataFolder', 'theme'])
    expect(problems.find((p) => p.key === 'theme')?.message).toBe('expected one of light, dark, projector')
    expect(problems.find((p) => p.key === 'breakYear')?.message).toBe('expected a whole year from 2011 to 2022')
  })

  it('refuses window bounds that are incomplete, too small or not numbers', () => {
    for (const windowBounds of [{ ...bounds, width: 50 }, { ...bounds, x: 'left' }, { x: 1, y: 2 }, { ...bounds, height: Infinity }, { ...bounds, fullScreen: 'yes' }, 'big']) {
      const result = validateSettings({ windowBounds })
      expect(result.settings.windowBounds).toBeNull()
      expect(result.problems).toEqual([{ key: 'windowBounds', message: 'expected null or {x, y, width, height, maximized, fullScreen}' }])
    }
    expect(validateSettings({ windowBounds: null }).problems).toEqual([])
  })

  it('reads bounds saved before full screen was remembered as not full screen', () => {
    const { x, y, width, height, maximized } = bounds
    expect(validateSettings({ windowBounds: { x, y, width, height, maximized } })).toEqual({ settings: { ...DEFAULT_SETTINGS, windowBounds: { ...bounds, fullScreen: false } }, problems: [] })
    expect(validateSettings({ windowBounds: { ...bounds, fullScreen: true } }).settings.windowBounds).toEqual({ ...bounds, fullScreen: true })
  })

  it('reports unknown keys', () => {
    expect(validateSettings({ theme: 'dark', colour: 'red' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
      problems: [{ key: 'colour', message: 'unknown setting' }],
    })
    expect(validateSettings({ toString: 'x' }).problems).toEqual([{ key: 'toString', message: 'unknown setting' }])
  })

  it('replaces anything that is not an object with the defaults', () => {
    for (const raw of [null, 42, 'settings', [1, 2]]) {
      expect(validateSettings(raw)).toEqual({ settings: { ...DEFAULT_SETTINGS }, problems: [{ key: '(file)', message: 'expected a JSON object' }] })
    }
  })
})

describe('validatePatch', () => {
  it('accepts a patch of valid, writable settings', () => {
    expect(validatePatch({ theme: 'dark', lang: null, breakYear: 2016 })).toEqual({ ok: true, patch: { theme: 'dark', lang: null, breakYear: 2016 } })
    expect(validatePatch({})).toEqual({ ok: true, patch: {} })
  })

  it('refuses the whole patch when one field is invalid', () => {
    expect(validatePatch({ theme: 'dark', lang: 'fr' })).toEqual({ ok: false, message: 'setting "lang": expected null or one of zh-CN, en' })
  })

  it('refuses window bounds and unknown keys', () => {
    expect(validatePatch({ windowBounds: bounds })).toEqual({ ok: false, message: 'unknown or read-only setting "windowBounds"' })
    expect(validatePatch({ admin: true })).toEqual({ ok: false, message: 'unknown or read-only setting "admin"' })
    // Keys inherited from Object.prototype are not settings either.
    expect(validatePatch(JSON.parse('{"__proto__": {"theme": "dark"}}'))).toEqual({ ok: false, message: 'unknown or read-only setting "__proto__"' })
    expect(validatePatch({ constructor: 'x' })).toEqual({ ok: false, message: 'unknown or read-only setting "constructor"' })
  })

  it('takes the view choices (city GDP scale, map figure) only as a known scale and an indicator id', () => {
    expect(validatePatch({ cityScale: 'indexed', mapIndicator: 'budget-revenue' })).toEqual({ ok: true, patch: { cityScale: 'indexed', mapIndicator: 'budget-revenue' } })
    expect(validatePatch({ mapIndicator: null })).toEqual({ ok: true, patch: { mapIndicator: null } })
    expect(validatePatch({ cityScale: 'sideways' })).toEqual({ ok: false, message: 'setting "cityScale": expected one of absolute, indexed, log' })
    for (const mapIndicator of ['../../etc/passwd', 'GDP', '', 'a'.repeat(101), 42, { id: 'gdp' }]) {
      expect(validatePatch({ mapIndicator }), String(mapIndicator)).toEqual({ ok: false, message: 'setting "mapIndicator": expected null or an indicator id (kebab-case, at most 100 characters)' })
    }
    // On disk, a bad choice falls back to the default with a problem named.
    expect(validateSettings({ cityScale: 'sideways', mapIndicator: 'Population!' })).toEqual({
      settings: { ...DEFAULT_SETTINGS },
      problems: [
        { key: 'cityScale', message: 'expected one of absolute, indexed, log' },
        { key: 'mapIndicator', message: 'expected null or an indicator id (kebab-case, at most 100 characters)' },
      ],
    })
  })

  it('refuses anything that is not an object', () => {
    for (const raw of [null, undefined, 'dark', ['theme']]) {
      expect(validatePatch(raw)).toEqual({ ok: false, message: 'settings patch must be an object' })
    }
  })
})

describe('the marking', () => {
  const marking = (on: boolean, zh: string, en: string) => ({ on, text: { 'zh-CN': zh, en } })

  it('is off by default, with no text', () => {
    expect(DEFAULT_SETTINGS.marking).toEqual(marking(false, '', ''))
    expect(markingText(DEFAULT_SETTINGS.marking, 'zh-CN')).toBeNull()
  })

  it('prints each language its own text, or the other one when it has none', () => {
    const both = marking(true, '内部资料', 'For internal briefing only')
    expect(markingText(both, 'zh-CN')).toBe('内部资料')
    expect(markingText(both, 'en')).toBe('For internal briefing only')
    expect(markingText(marking(true, '  内部资料 ', ''), 'en')).toBe('内部资料')
    expect(markingText(marking(true, '', 'Internal'), 'zh-CN')).toBe('Internal')
    expect(markingText(marking(true, ' ', ''), 'en')).toBeNull()
    expect(markingText(marking(false, '内部资料', 'Internal'), 'en')).toBeNull()
  })

  it('accepts a one-line text of at most the limit in either language', () => {
    const ok = marking(true, '内'.repeat(MAX_MARKING_LENGTH), 'For internal briefing only')
    expect(validatePatch({ marking: ok })).toEqual({ ok: true, patch: { marking: ok } })
  })

  it('refuses a text too long, on several lines, not a string, or a missing switch, naming the problem', () => {
    expect(validatePatch({ marking: marking(true, '内'.repeat(MAX_MARKING_LENGTH + 1), '') })).toEqual({ ok: false, message: `setting "marking": the zh-CN text must be at most ${MAX_MARKING_LENGTH} characters` })
    expect(validatePatch({ marking: marking(true, '', 'line one\nline two') })).toEqual({ ok: false, message: 'setting "marking": the en text must be one line without control characters' })
    expect(validatePatch({ marking: { on: true, text: { 'zh-CN': 1, en: '' } } })).toEqual({ ok: false, message: 'setting "marking": expected the zh-CN text to be a string' })
    expect(validatePatch({ marking: { text: { 'zh-CN': '', en: '' } } })).toEqual({ ok: false, message: 'setting "marking": expected "on" to be true or false' })
    expect(validatePatch({ marking: '内部资料' })).toEqual({ ok: false, message: 'setting "marking": expected {on, text: {zh-CN, en}}' })
  })

  it('resets a bad marking read from disk to the default, keeping the rest', () => {
    const r = validateSettings({ theme: 'dark', marking: { on: 'yes' } })
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
    expect(r.problems).toEqual([{ key: 'marking', message: 'expected "on" to be true or false' }])
  })
})

describe('langFromLocale', () => {
  it('picks Chinese for any Chinese locale', () => {
    for (const locale of ['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN', 'ZH-cn']) expect(langFromLocale(locale)).toBe('zh-CN')
  })
  it('picks English otherwise, including no locale', () => {
    for (const locale of ['en-US', 'de', 'zhx', '', null, undefined]) expect(langFromLocale(locale)).toBe('en')
  })
})
