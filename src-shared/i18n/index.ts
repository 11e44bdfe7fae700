/**
 * The one message catalogue, for both processes: the renderer hands
 * `MESSAGES` to vue-i18n; the chart option builders and the exports look
 * words up with `t` here. Keys are dotted paths checked by the compiler.
 */
import type { Lang } from '../settings'
import en from './en'
import zhCN from './zh-CN'

/** The catalogue's shape, taken from the English messages. */
export type MessageSchema = typeof en

/** Both languages' catalogues, by language code. */
export const MESSAGES: Record<Lang, MessageSchema> = { en, 'zh-CN': zhCN }

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every message's dotted key, e.g. `'chart.source'` or `'exportText.asOf'`. */
export type MessageKey = Leaves<MessageSchema>

/** A text in both languages, as chart definitions and datasets carry names. */
export type Text = Record<Lang, string>

/** The sections whose keys are ids (names by entity or indicator id, unit labels by code). */
export type IdSection = 'names' | 'shortNames' | 'units' | 'tiers' | 'qualifiers'

/** Fills `{key}` placeholders; a placeholder with no value is left as it is. */
export function fill(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : `{${k}}`))
}

/**
 * The message at `key` in `lang`, placeholders filled from `vars`.
 * @throws Error when `key` does not name a message (only possible with an unchecked string).
 */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES[lang]
  for (const part of key.split('.')) {
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined
  }
  if (typeof node !== 'string') throw new Error(`no message "${key}" in ${lang}`)
  return fill(node, vars)
}

/** The message at `key` in both languages. */
export function both(key: MessageKey): Text {
  return { 'zh-CN': t('zh-CN', key), en: t('en', key) }
}

/**
 * A word looked up by id in an id-keyed section (`names`, `units`, …), or
 * `undefined` when the catalogue has none. Ids come from data, so only own
 * keys count: an id `constructor` is an ordinary id, not Object's constructor.
 */
export function lookup(section: IdSection, id: string, lang: Lang): string | undefined {
  const table = MESSAGES[lang][section] as Record<string, string>
  return Object.hasOwn(table, id) ? table[id] : undefined
}
