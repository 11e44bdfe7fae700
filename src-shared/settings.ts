/**
 * User settings: their shape, defaults and validation. Shared by the main
 * process (which owns the file) and the renderer (which shows and edits them).
 */
import { ID_PATTERN } from './dataset-rules'

/** The app's themes: light, dark, and projector (high contrast, large type). */
export const THEMES = ['light', 'dark', 'projector'] as const
/** A theme's name (see `THEMES`). */
export type Theme = (typeof THEMES)[number]

/** The app's languages. */
export const LANGS = ['zh-CN', 'en'] as const
/** A language code (see `LANGS`). */
export type Lang = (typeof LANGS)[number]

/** The scales the city GDP chart offers: absolute values, indexed to the first common year = 100, or a log axis. */
export const CITY_SCALES = ['absolute', 'indexed', 'log'] as const
/** One of `CITY_SCALES`. */
export type CityScale = (typeof CITY_SCALES)[number]

/** Longest indicator id the map choice may name, in characters (ids are short kebab-case words). */
export const MAX_INDICATOR_ID_LENGTH = 100

/**
 * The main window's last normal (not maximised, not full-screen) position and
 * size in screen DIP, and whether it was maximised or full screen. A file
 * written before `fullScreen` existed reads as `fullScreen: false`.
 */
export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
  fullScreen: boolean
}

/** The user's settings, as kept in `settings.json`. */
export interface Settings {
  theme: Theme
  /** `null` follows the system locale. */
  lang: Lang | null
  lastDataFolder: string | null
  windowBounds: WindowBounds | null
  /** The year that splits "before" from "after" on the industry dashboard. */
  breakYear: number
  /** ECharts aria decal patterns, for readers who cannot tell colours apart. */
  decals: boolean
  /** A marking such as "For internal briefing only", shown as a banner and on every exported page; off by default. */
  marking: Marking
  /** How the city GDP chart is scaled, on screen, on slides and in every export. */
  cityScale: CityScale
  /**
   * The indicator id the corridor map shades the cities by, on screen, on slides and in every
   * export; `null` for the map's default (GDP). An id the data does not offer draws the default.
   */
  mapIndicator: string | null
}

/**
 * The user's marking: whether it is on, and its text per language. An empty
 * text in one language falls back to the other's (see `markingText`).
 */
export interface Marking {
  on: boolean
  text: Record<Lang, string>
}

/** Longest marking text, in characters: it must fit a thin banner on one line. */
export const MAX_MARKING_LENGTH = 80

/** The settings the page may change (window bounds are main's alone). */
export type SettingsPatch = Partial<Omit<Settings, 'windowBounds'>>

/** The settings of a first start, and of any value that fails validation. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'light',
  lang: null,
  lastDataFolder: null,
  windowBounds: null,
  breakYear: 2016,
  decals: false,
  marking: Object.freeze({ on: false, text: Object.freeze({ 'zh-CN': '', en: '' }) }),
  cityScale: 'absolute',
  mapIndicator: null,
})

/**
 * The marking to print in `lang`, or `null` when it is off or has no text:
 * the text in `lang`, else the other language's (a marking given once is
 * printed in both languages' exports).
 */
export function markingText(marking: Marking, lang: Lang): string | null {
  if (!marking.on) return null
  const own = marking.text[lang].trim()
  if (own) return own
  const other = LANGS.filter((l) => l !== lang).map((l) => marking.text[l].trim()).find(Boolean)
  return other ?? null
}

/** Picks zh-CN for any Chinese system locale, English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh\b/i.test(locale) ? 'zh-CN' : 'en'
}

/** A setting that failed validation: its key and why. */
export interface SettingsProblem {
  key: string
  message: string
}

const MIN_BREAK_YEAR = 2011
const MAX_BREAK_YEAR = 2022

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

function checkBounds(v: unknown): WindowBounds | null | undefined {
  if (v === null) return null
  if (typeof v !== 'object' || v === undefined) return undefined
  const b = v as Record<string, unknown>
  const ok =
    isFiniteNumber(b.x) &&
    isFiniteNumber(b.y) &&
    isFiniteNumber(b.width) &&
    isFiniteNumber(b.height) &&
    (b.width as number) >= 200 &&
    (b.height as number) >= 150 &&
    typeof b.maximized === 'boolean' &&
    (b.fullScreen === undefined || typeof b.fullScreen === 'boolean')
  if (!ok) return undefined
  return { x: b.x as number, y: b.y as number, width: b.width as number, height: b.height as number, maximized: b.maximized as boolean, fullScreen: b.fullScreen === true }
}

function checkMarking(v: unknown): Marking | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected {on, text: {zh-CN, en}}'
  const m = v as Record<string, unknown>
  if (typeof m.on !== 'boolean') return 'expected "on" to be true or false'
  const text = m.text
  if (typeof text !== 'object' || text === null || Array.isArray(text)) return 'expected "text" to be {zh-CN, en}'
  const out = {} as Record<Lang, string>
  for (const lang of LANGS) {
    const s = (text as Record<string, unknown>)[lang]
    if (typeof s !== 'string') return `expected the ${lang} text to be a string`
    if (/[\u0000-\u001f\u007f]/.test(s)) return `the ${lang} text must be one line without control characters`
    if ([...s].length > MAX_MARKING_LENGTH) return `the ${lang} text must be at most ${MAX_MARKING_LENGTH} characters`
    out[lang] = s
  }
  return { on: m.on, text: out }
}

type Checker = (v: unknown) => { ok: true; value: unknown } | { ok: false; message: string }

const CHECKS: Record<keyof Settings, Checker> = {
  theme: (v) => (THEMES.includes(v as Theme) ? { ok: true, value: v } : { ok: false, message: `expected one of ${THEMES.join(', ')}` }),
  lang: (v) => (v === null || LANGS.includes(v as Lang) ? { ok: true, value: v } : { ok: false, message: `expected null or one of ${LANGS.join(', ')}` }),
  lastDataFolder: (v) => (v === null || (typeof v === 'string' && v.length > 0 && v.length < 4096) ? { ok: true, value: v } : { ok: false, message: 'expected null or a folder path' }),
  windowBounds: (v) => {
    const b = checkBounds(v)
    return b === undefined ? { ok: false, message: 'expected null or {x, y, width, height, maximized, fullScreen}' } : { ok: true, value: b }
  },
  breakYear: (v) =>
    Number.isInteger(v) && (v as number) >= MIN_BREAK_YEAR && (v as number) <= MAX_BREAK_YEAR
      ? { ok: true, value: v }
      : { ok: false, message: `expected a whole year from ${MIN_BREAK_YEAR} to ${MAX_BREAK_YEAR}` },
  decals: (v) => (typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, message: 'expected true or false' }),
  marking: (v) => {
    const m = checkMarking(v)
    return typeof m === 'string' ? { ok: false, message: m } : { ok: true, value: m }
  },
  cityScale: (v) => (CITY_SCALES.includes(v as CityScale) ? { ok: true, value: v } : { ok: false, message: `expected one of ${CITY_SCALES.join(', ')}` }),
  mapIndicator: (v) =>
    v === null || (typeof v === 'string' && v.length <= MAX_INDICATOR_ID_LENGTH && ID_PATTERN.test(v))
      ? { ok: true, value: v }
      : { ok: false, message: `expected null or an indicator id (kebab-case, at most ${MAX_INDICATOR_ID_LENGTH} characters)` },
}

/**
 * Validates settings read from disk. Keeps every valid field, resets the rest
 * to defaults, and reports each reset so the user can be told.
 */
export function validateSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, problems: [{ key: '(file)', message: 'expected a JSON object' }] }
  }
  const problems: SettingsProblem[] = []
  const record = raw as Record<string, unknown>
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    if (!(key in record)) continue
    const r = CHECKS[key](record[key])
    if (r.ok) (settings as unknown as Record<string, unknown>)[key] = r.value
    else problems.push({ key, message: r.message })
  }
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(CHECKS, key)) problems.push({ key, message: 'unknown setting' })
  }
  return { settings, problems }
}

/**
 * Validates a patch sent by the renderer: unlike a file on disk, a bad patch
 * is refused whole.
 */
export function validatePatch(raw: unknown): { ok: true; patch: SettingsPatch } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'settings patch must be an object' }
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'windowBounds' || !Object.hasOwn(CHECKS, key)) return { ok: false, message: `unknown or read-only setting "${key}"` }
    const r = CHECKS[key as keyof Settings](value)
    if (!r.ok) return { ok: false, message: `setting "${key}": ${r.message}` }
    patch[key] = r.value
  }
  return { ok: true, patch: patch as SettingsPatch }
}
