/**
 * Where things go on a deck slide, in inches, and the text of its speaker
 * notes. Pure functions: the PowerPoint writer (`pptx.ts`) places what these
 * compute, and tests check the geometry without building a file.
 */
import { TIERS, sourceKey, sourceTitle, type Source } from '../../src-shared/dataset'
import { paren, tag } from '../../src-shared/charts/labels'
import { t } from '../../src-shared/i18n'
import type { Lang, Theme } from '../../src-shared/settings'
import { noAddress, sourceTierText } from '../../src-shared/format'
import { textWidth, wrapText } from './text'

/** The two slide shapes a deck is written in. */
export const DECK_ASPECTS = ['16:9', '4:3'] as const
/** A deck's slide shape: widescreen `16:9` or standard `4:3`. */
export type DeckAspect = (typeof DECK_ASPECTS)[number]

/**
 * Slide sizes in inches and pptxgenjs's name for each: `LAYOUT_WIDE` is
 * PowerPoint's own widescreen size (13.333 × 7.5 in), `LAYOUT_4x3` its
 * standard one (10 × 7.5 in).
 */
export const SLIDE_SIZES: Record<DeckAspect, { layout: 'LAYOUT_WIDE' | 'LAYOUT_4x3'; width: number; height: number }> = {
  '16:9': { layout: 'LAYOUT_WIDE', width: 13.333, height: 7.5 },
  '4:3': { layout: 'LAYOUT_4x3', width: 10, height: 7.5 },
}

/** CSS pixels per inch: a chart box of w × h in is laid out at w·96 × h·96 px and its PNG drawn at twice that. */
export const PX_PER_INCH = 96
/** The chart picture's pixel ratio over the slide's size at 96 px per inch. */
export const CHART_PIXEL_RATIO = 2

/** A box on the slide, in inches from its top-left corner. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** Type sizes in points; the projector theme reads from further away and gets larger ones. */
export interface DeckType {
  title: number
  takeaway: number
  source: number
  meta: number
  marking: number
}

/** Type sizes for `theme`. */
export function deckType(theme: Theme): DeckType {
  const k = theme === 'projector' ? 2 : 0
  return { title: 26 + k, takeaway: 15 + k, source: 10 + k / 2, meta: 10 + k / 2, marking: 11 }
}

const MARGIN = 0.45
const MARKING_HEIGHT = 0.32
const LEADING = 1.25
/** Lines the source box may take before its type is made smaller, then cut. */
const SOURCE_LINES = 4
const MAX_SOURCE_LINES = 6

/** The marking band along the top edge, or `null` without a marking. */
export function markingBox(aspect: DeckAspect, marking: string | null): Box | null {
  return marking ? { x: 0, y: 0, w: SLIDE_SIZES[aspect].width, h: MARKING_HEIGHT } : null
}

/** The boxes of a chart slide, in inches; the chart's also in 96-dpi pixels, and the source box with its type size and text. */
export interface ChartSlideLayout {
  marking: Box | null
  title: Box
  takeaway: Box
  /** The picture's box, a whole number of 96-dpi pixels on each side. */
  chart: Box & { pxWidth: number; pxHeight: number }
  source: Box & { fontSize: number; text: string }
  meta: Box
}

/**
 * Lays out a chart slide: marking band, title, takeaway, the chart picture,
 * then the source line (sized to fit: smaller type for a long line, cut with
 * "…" only past six lines — the notes hold every source in full) and the
 * as-of/unit line.
 */
export function chartSlideLayout(aspect: DeckAspect, theme: Theme, marking: string | null, sourceLine: string): ChartSlideLayout {
  const size = SLIDE_SIZES[aspect]
  const type = deckType(theme)
  const band = markingBox(aspect, marking)
  const inner = size.width - 2 * MARGIN
  const top = (band?.h ?? 0) + 0.2
  const title: Box = { x: MARGIN, y: top, w: inner, h: (type.title * LEADING * 1.05) / 72 + 0.1 }
  const takeaway: Box = { x: MARGIN, y: title.y + title.h, w: inner, h: (type.takeaway * LEADING * 2) / 72 + 0.08 }
  const meta: Box = { x: MARGIN, y: size.height - 0.2 - (type.meta * LEADING) / 72 - 0.08, w: inner, h: (type.meta * LEADING) / 72 + 0.08 }

  // Wrap with the caption's width estimate (in points), a tenth narrower so PowerPoint's own wrapping never needs more lines.
  const widthPt = inner * 72 * 0.9
  let fontSize = type.source
  let lines = wrapText(sourceLine, widthPt, fontSize)
  while (lines.length > SOURCE_LINES && fontSize > type.source - 2) {
    fontSize -= 1
    lines = wrapText(sourceLine, widthPt, fontSize)
  }
  const cut = lines.length > MAX_SOURCE_LINES
  if (cut) lines = wrapText(sourceLine, widthPt, fontSize, { maxLines: MAX_SOURCE_LINES })
  const sourceH = (Math.max(1, lines.length) * fontSize * LEADING) / 72 + 0.1
  const source = { x: MARGIN, y: meta.y - sourceH, w: inner, h: sourceH, fontSize, text: cut ? lines.join(' ') : sourceLine }

  const chartTop = takeaway.y + takeaway.h + 0.05
  const pxWidth = Math.round(inner * PX_PER_INCH)
  const pxHeight = Math.round((source.y - 0.08 - chartTop) * PX_PER_INCH)
  const chart = { x: MARGIN, y: chartTop, w: pxWidth / PX_PER_INCH, h: pxHeight / PX_PER_INCH, pxWidth, pxHeight }
  return { marking: band, title, takeaway, chart, source, meta }
}

/** The headline-figures slide: a title, then a grid of boxes, three to a row. */
export function kpiSlideLayout(aspect: DeckAspect, theme: Theme, marking: string | null, n: number): { marking: Box | null; title: Box; boxes: Box[] } {
  const size = SLIDE_SIZES[aspect]
  const type = deckType(theme)
  const band = markingBox(aspect, marking)
  const inner = size.width - 2 * MARGIN
  const title: Box = { x: MARGIN, y: (band?.h ?? 0) + 0.2, w: inner, h: (type.title * LEADING * 1.05) / 72 + 0.1 }
  const cols = 3
  const rows = Math.max(1, Math.ceil(n / cols))
  const gap = 0.2
  const top = title.y + title.h + 0.2
  const w = (inner - gap * (cols - 1)) / cols
  const h = (size.height - 0.4 - top - gap * (rows - 1)) / rows
  const boxes = Array.from({ length: n }, (_, i) => ({ x: MARGIN + (i % cols) * (w + gap), y: top + Math.floor(i / cols) * (h + gap), w, h }))
  return { marking: band, title, boxes }
}

/** The boxes of a title or section slide: a heading, a subheading and a body. */
export function textSlideLayout(aspect: DeckAspect, marking: string | null): { marking: Box | null; heading: Box; subheading: Box; body: Box } {
  const size = SLIDE_SIZES[aspect]
  const band = markingBox(aspect, marking)
  const inner = size.width - 2 * 0.8
  return {
    marking: band,
    heading: { x: 0.8, y: size.height * 0.26, w: inner, h: 1.3 },
    subheading: { x: 0.8, y: size.height * 0.26 + 1.35, w: inner, h: 1.0 },
    body: { x: 0.8, y: size.height * 0.26 + 2.45, w: inner, h: size.height * 0.74 - 2.45 - 0.5 },
  }
}

/** Distinct sources, official first then by title as shown in `lang`, as the pack PDF lists them; derived ones with different formulas stay apart. */
export function distinctSources(sources: readonly Source[], lang: Lang): Source[] {
  const seen = new Map<string, Source>()
  for (const s of sources) seen.set(sourceKey(s), s)
  return [...seen.values()].sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || sourceTitle(a, lang).localeCompare(sourceTitle(b, lang), lang))
}

/**
 * One source in full: `[Tier] Title (year) — URL` (`【官方】标题（年）— URL` in Chinese), and the formula of a derived figure.
 * The one labelling rule (src-shared/format.ts): only the seed article goes without an
 * address; any other source without one says "no address recorded".
 */
export function sourceNote(s: Source, lang: Lang): string {
  const year = s.year ? paren(String(s.year), lang) : ''
  const where = s.url ? ` — ${s.url}` : s.tier === 'article' ? '' : ` — ${noAddress(lang)}`
  const formula = s.formula ? ` — ${t(lang, 'exportText.formula', { formula: s.formula })}` : ''
  return `${tag(sourceTierText(s, lang), lang)} ${sourceTitle(s, lang)}${year}${where}${formula}`
}

/**
 * The speaker notes of a slide: its note, then a heading and every source
 * of the slide in full, one per line.
 */
export function slideNotes(note: string | undefined, sources: readonly Source[], lang: Lang): string {
  const parts: string[] = []
  if (note?.trim()) parts.push(note.trim(), '')
  const list = distinctSources(sources, lang)
  if (list.length) {
    parts.push(`${t(lang, 'exportText.slideSources')}:`)
    for (const s of list) parts.push(sourceNote(s, lang))
  }
  return parts.join('\n')
}

/** A text box's inner margins left and right together, in inches (pptxgenjs's default inset of 0.1 in a side). */
const BOX_INSETS = 0.2

/**
 * How much wider than our estimate (`textWidth`) a viewer's substitute font
 * may draw a headline text, by weight. The deck names Noto Sans SC but cannot
 * embed it; without it LibreOffice draws Latin text in DejaVu Sans (and
 * Chinese in Droid Sans Fallback, 1 em a character as estimated). Measured
 * with fontkit over the headline slide's labels and values: DejaVu Sans Bold
 * is up to 1.13× the bold estimate ("about 58 million people"), DejaVu Sans up
 * to 1.05× the regular one; rounded up. `npm run check:pptx -- --without-font`
 * draws the deck that way.
 */
export const SUBSTITUTE_WIDTH = { regular: 1.08, bold: 1.15 } as const

/** `textWidth` with the substitute font's margin ({@link SUBSTITUTE_WIDTH}). */
function safeWidth(text: string, size: number, bold: boolean): number {
  return textWidth(text, size, bold) * SUBSTITUTE_WIDTH[bold ? 'bold' : 'regular']
}

/**
 * The largest type size, at most `maxPt`, at which `text` fits on one line of
 * a box `widthIn` inches wide, so a long value ("over 4,000 enterprises" on a
 * 4:3 slide) shrinks instead of wrapping over the line below it. Widths come
 * from the bundled font's metrics (`textWidth`) with room for a wider
 * substitute font ({@link SUBSTITUTE_WIDTH}), in points at 72 to the inch.
 */
export function oneLineSize(text: string, maxPt: number, widthIn: number, bold = false): number {
  const room = Math.max(0.1, widthIn - BOX_INSETS) * 72
  const width = safeWidth(text, maxPt, bold)
  return width <= room ? maxPt : Math.floor((maxPt * room) / width * 10) / 10
}

/** Lines a headline figure's label may take before its type is made smaller. */
const KPI_LABEL_LINES = 2

/**
 * The largest type size, at most `maxPt` and in half points, at which `text`
 * wraps to at most `lines` lines in a box `widthIn` inches wide (widths from
 * the bundled font's metrics, the box taken narrower by the substitute font's
 * margin, {@link SUBSTITUTE_WIDTH}); 6 pt when even that does not fit.
 */
export function linesFitSize(text: string, maxPt: number, widthIn: number, lines: number, bold = false): number {
  const room = (Math.max(0.1, widthIn - BOX_INSETS) * 72) / SUBSTITUTE_WIDTH[bold ? 'bold' : 'regular']
  for (let size = maxPt; size > 6; size -= 0.5) {
    if (wrapText(text, room, size, { bold }).length <= lines) return size
  }
  return 6
}

/** Where a headline figure's label, value and source line go inside its card, with their type sizes. */
export interface KpiCardLayout {
  label: Box & { fontSize: number }
  value: Box & { fontSize: number }
  source: Box & { fontSize: number }
}

/**
 * Stacks a headline figure's card: the label on up to two lines (smaller
 * type when longer, so it never runs into the value), the value on one line
 * (`oneLineSize`), then the source line in the space left.
 */
export function kpiCardLayout(card: Box, label: string, value: string, type: DeckType): KpiCardLayout {
  const pad = 0.15
  const x = card.x + pad
  const w = card.w - 2 * pad
  const labelPt = linesFitSize(label, type.takeaway - 2, w, KPI_LABEL_LINES)
  const labelH = (KPI_LABEL_LINES * labelPt * LEADING) / 72 + 0.1
  const valueY = card.y + pad + labelH
  const valueH = (type.title * LEADING) / 72 + 0.1
  const sourceY = valueY + valueH + 0.05
  return {
    label: { x, y: card.y + pad, w, h: labelH, fontSize: labelPt },
    value: { x, y: valueY, w, h: valueH, fontSize: oneLineSize(value, type.title, w, true) },
    source: { x, y: sourceY, w, h: Math.max(0.3, card.y + card.h - pad - sourceY), fontSize: type.source - 1 },
  }
}

