/**
 * The one message catalogue: both languages have the same keys and the same
 * placeholders, and every key the code names exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MESSAGES, t, lookup, both } from '../../../src-shared/i18n'

const ROOT = resolve(import.meta.dirname, '../../..')

/** Every leaf of a catalogue as `dotted.key → message`. */
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv)
  }
  return out
}

const en = leaves(MESSAGES.en)
const zh = leaves(MESSAGES['zh-CN'])
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()

/** Source files of the three layers that show text. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|vue)$/.test(name) ? [p] : []
  })
}

describe('the message catalogue', () => {
  it('has the same keys in both languages', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([])
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([])
  })

  it('has the same placeholders in both languages', () => {
    const differ = [...en].filter(([k, v]) => placeholders(v).join() !== placeholders(zh.get(k) ?? '').join()).map(([k]) => k)
    expect(differ).toEqual([])
  })

  it('uses no vue-i18n special characters that would break a message', () => {
    const bad = [...en, ...zh].filter(([, v]) => /[@$]/.test(v)).map(([k]) => k)
    expect(bad).toEqual([])
  })

  it('knows every key the code asks for', () => {
    const used = new Set<string>()
    for (const file of ['src-renderer', 'src-shared', 'src-main'].flatMap((d) => sources(join(ROOT, d)))) {
      const text = readFileSync(file, 'utf8')
      // t('a.b'), $t('a.b'), t(lang, 'a.b'), both('a.b'), i18n.global.t('a.b'), keypath="a.b"
      for (const m of text.matchAll(/\b(?:\$?t|both)\(\s*(?:[\w.]+,\s*)?'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1])
      for (const m of text.matchAll(/keypath="([a-zA-Z][\w-]*(?:\.[\w-]+)+)"/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(50)
    expect([...used].filter((k) => !en.has(k))).toEqual([])
  })

  it('fills placeholders and refuses an unknown key', () => {
    expect(t('en', 'exportText.asOf', { date: '2024-06-30' })).toBe('Data as of 2024-06-30')
    expect(t('zh-CN', 'exportText.page', { n: 3 })).toBe('第 3 页')
    expect(() => t('en', 'chart.nope' as never)).toThrow('no message "chart.nope" in en')
    expect(both('chart.source')).toEqual({ 'zh-CN': '来源', en: 'Source' })
  })

  it('treats ids such as constructor as ordinary ids, not object properties', () => {
    expect(lookup('names', 'songjiang', 'en')).toBe('Songjiang')
    expect(lookup('names', 'constructor', 'en')).toBeUndefined()
    expect(lookup('names', '__proto__', 'zh-CN')).toBeUndefined()
  })
})
