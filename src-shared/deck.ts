/**
 * The presentation deck: an ordered list of slides with, per slide, whether it
 * is shown, the presenter's note and an auto-advance time; plus the deck's
 * presentation options (theme, overscan margin, font scale, animation, a deck
 * auto-advance interval). Pure: main owns the file (`src-main/deck-store.ts`),
 * the renderer shows and edits it.
 *
 * Slide ids: `title`, `kpis`, `section:<dashboard>`, `chart:<dashboard>:<chart id>`.
 * The catalogue of slides that exist comes from the dashboards
 * (`defaultSlideIds`), so a chart added later appears in a saved deck, and a
 * slide whose chart no longer exists is dropped with a problem reported.
 */
import type { DashboardId } from './charts/types'
import { THEMES, type Theme } from './settings'

/** One slide of the deck, as the user arranged it. */
export interface DeckSlide {
  /** `title`, `kpis`, `section:<dashboard>` or `chart:<dashboard>:<chart id>`. */
  id: string
  /** Left out slides stay in the deck (and the deck panel) but are not shown. */
  included: boolean
  /** The presenter's note, plain text, at most `MAX_NOTE` characters. */
  note: string
  /** Seconds before auto-advance moves on from this slide; `null` uses the deck interval. */
  advanceSeconds: number | null
}

/** How the show looks and runs. */
export interface DeckOptions {
  /** The theme slides are drawn in; the projector theme by default. */
  theme: Theme
  /** Margin kept clear on every edge for projectors that crop the picture, percent of the screen (0–10). */
  overscanPercent: number
  /** Scales every slide text, percent (90–150). */
  fontScalePercent: number
  /** Chart animation on slides (at most 300 ms) or none. */
  animation: boolean
  /** Seconds per slide when auto-advance runs; `null` means auto-advance is off. */
  intervalSeconds: number | null
}

/** The whole deck as `deck.json` holds it (format version 1). */
export interface Deck {
  version: 1
  slides: DeckSlide[]
  options: DeckOptions
}

/** What a slide id names. */
export type SlideRef =
  | { kind: 'title' }
  | { kind: 'kpis' }
  | { kind: 'section'; dashboard: DashboardId }
  | { kind: 'chart'; dashboard: DashboardId; chartId: string }

/** Longest note kept, in characters (a page of speaker notes). */
export const MAX_NOTE = 4000
/** Shortest auto-advance time allowed, seconds. */
export const MIN_ADVANCE = 2
/** Longest auto-advance time allowed, seconds (an hour). */
export const MAX_ADVANCE = 3600
/** Overscan margin allowed, percent of the screen (issue 10: 0–10%). */
export const OVERSCAN_RANGE = [0, 10] as const
/** Font scale allowed, percent (issue 10: 90–150%). */
export const FONT_SCALE_RANGE = [90, 150] as const

/** Projector theme, no overscan, 100% text, animation on, auto-advance off. */
export const DEFAULT_DECK_OPTIONS: Readonly<DeckOptions> = Object.freeze({
  theme: 'projector',
  overscanPercent: 0,
  fontScalePercent: 100,
  animation: true,
  intervalSeconds: null,
})

const DASHBOARD_IDS: readonly DashboardId[] = ['rectification', 'industry', 'cities']

/** Parses a slide id; `null` for anything that is not one. */
export function parseSlideId(id: string): SlideRef | null {
  if (id === 'title' || id === 'kpis') return { kind: id }
  const parts = id.split(':')
  const dashboard = parts[1] as DashboardId
  if (!DASHBOARD_IDS.includes(dashboard)) return null
  if (parts[0] === 'section' && parts.length === 2) return { kind: 'section', dashboard }
  if (parts[0] === 'chart' && parts.length === 3 && parts[2]) return { kind: 'chart', dashboard, chartId: parts[2] }
  return null
}

/**
 * The default order of slides: title, headline KPIs, then per dashboard its
 * section slide and one slide per chart. `charts` lists each dashboard's chart
 * ids in dashboard order (from `DASHBOARDS`).
 */
export function defaultSlideIds(charts: Record<DashboardId, readonly string[]>): string[] {
  return ['title', 'kpis', ...DASHBOARD_IDS.flatMap((d) => [`section:${d}`, ...charts[d].map((c) => `chart:${d}:${c}`)])]
}

/** A fresh deck of every slide, included, without notes. */
export function defaultDeck(ids: readonly string[]): Deck {
  return { version: 1, slides: ids.map((id) => ({ id, included: true, note: '', advanceSeconds: null })), options: { ...DEFAULT_DECK_OPTIONS } }
}

/** One thing wrong in a saved deck: where (`slides[3].note`) and what. */
export interface DeckProblem {
  where: string
  message: string
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const inRange = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi
const isAdvance = (v: unknown): v is number | null => v === null || (Number.isInteger(v) && inRange(v, MIN_ADVANCE, MAX_ADVANCE))

function checkOptions(raw: unknown, problems: DeckProblem[]): DeckOptions {
  const o: DeckOptions = { ...DEFAULT_DECK_OPTIONS }
  if (!isObject(raw)) {
    if (raw !== undefined) problems.push({ where: 'options', message: 'expected an object' })
    return o
  }
  const check = <K extends keyof DeckOptions>(key: K, ok: (v: unknown) => boolean, expected: string) => {
    if (!(key in raw)) return
    if (ok(raw[key])) o[key] = raw[key] as DeckOptions[K]
    else problems.push({ where: `options.${key}`, message: `expected ${expected}` })
  }
  check('theme', (v) => THEMES.includes(v as Theme), `one of ${THEMES.join(', ')}`)
  check('overscanPercent', (v) => inRange(v, ...OVERSCAN_RANGE), `a number from ${OVERSCAN_RANGE[0]} to ${OVERSCAN_RANGE[1]}`)
  check('fontScalePercent', (v) => inRange(v, ...FONT_SCALE_RANGE), `a number from ${FONT_SCALE_RANGE[0]} to ${FONT_SCALE_RANGE[1]}`)
  check('animation', (v) => typeof v === 'boolean', 'true or false')
  check('intervalSeconds', isAdvance, `null or whole seconds from ${MIN_ADVANCE} to ${MAX_ADVANCE}`)
  return o
}

function checkSlide(raw: unknown, i: number, problems: DeckProblem[]): DeckSlide | null {
  const where = `slides[${i}]`
  if (!isObject(raw) || typeof raw.id !== 'string') {
    problems.push({ where, message: 'expected {id, included, note, advanceSeconds}' })
    return null
  }
  const slide: DeckSlide = { id: raw.id, included: true, note: '', advanceSeconds: null }
  if (typeof raw.included === 'boolean') slide.included = raw.included
  else problems.push({ where: `${where}.included`, message: 'expected true or false' })
  if (typeof raw.note === 'string' && raw.note.length <= MAX_NOTE) slide.note = raw.note
  else problems.push({ where: `${where}.note`, message: `expected text of at most ${MAX_NOTE} characters` })
  if (isAdvance(raw.advanceSeconds)) slide.advanceSeconds = raw.advanceSeconds
  else problems.push({ where: `${where}.advanceSeconds`, message: `expected null or whole seconds from ${MIN_ADVANCE} to ${MAX_ADVANCE}` })
  return slide
}

/**
 * Validates a deck against the slides that exist (`ids`, in default order).
 * Keeps every valid field; a bad field falls back to its default, an unknown
 * or repeated slide is dropped, a slide missing from the file is inserted
 * after its predecessor in the default order. Each fix is reported.
 */
export function validateDeck(raw: unknown, ids: readonly string[]): { deck: Deck; problems: DeckProblem[] } {
  if (!isObject(raw) || raw.version !== 1 || !Array.isArray(raw.slides)) {
    return { deck: defaultDeck(ids), problems: [{ where: '(file)', message: 'expected {version: 1, slides: [...], options: {...}}' }] }
  }
  const problems: DeckProblem[] = []
  const known = new Set(ids)
  const slides: DeckSlide[] = []
  raw.slides.forEach((s, i) => {
    const slide = checkSlide(s, i, problems)
    if (!slide) return
    if (!known.has(slide.id)) problems.push({ where: `slides[${i}]`, message: `no such slide "${slide.id}"` })
    else if (slides.some((x) => x.id === slide.id)) problems.push({ where: `slides[${i}]`, message: `slide "${slide.id}" appears twice` })
    else slides.push(slide)
  })
  const deck: Deck = { version: 1, slides: mergeNewSlides(slides, ids), options: checkOptions(raw.options, problems) }
  return { deck, problems }
}

/** Slides that exist but are not in `slides` go in after their default predecessor (new charts join a saved deck). */
function mergeNewSlides(slides: DeckSlide[], ids: readonly string[]): DeckSlide[] {
  const out = [...slides]
  ids.forEach((id, i) => {
    if (out.some((s) => s.id === id)) return
    const before = i === 0 ? -1 : out.findIndex((s) => s.id === ids[i - 1])
    out.splice(before + 1, 0, { id, included: true, note: '', advanceSeconds: null })
  })
  return out
}

/** Moves the slide at `index` by `step` places (−1 up, +1 down); out-of-range moves change nothing. */
export function moveSlide(deck: Deck, index: number, step: number): Deck {
  const to = index + step
  if (index < 0 || index >= deck.slides.length || to < 0 || to >= deck.slides.length) return deck
  const slides = [...deck.slides]
  const [moved] = slides.splice(index, 1)
  slides.splice(to, 0, moved!)
  return { ...deck, slides }
}

/** Changes one slide's fields. */
export function updateSlide(deck: Deck, id: string, patch: Partial<Omit<DeckSlide, 'id'>>): Deck {
  return { ...deck, slides: deck.slides.map((s) => (s.id === id ? { ...s, ...patch } : s)) }
}

/** The slides the show presents, in order. */
export function shownSlides(deck: Deck): DeckSlide[] {
  return deck.slides.filter((s) => s.included)
}

/** Seconds the show stays on `slide` when auto-advance runs; `null` when it does not advance. */
export function advanceAfter(deck: Deck, slide: DeckSlide): number | null {
  return slide.advanceSeconds ?? deck.options.intervalSeconds
}
