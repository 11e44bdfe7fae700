/**
 * The caption strip drawn under an exported chart: its title, the source
 * line (each source with its tier), the data's as-of date, the unit and the
 * marks for secondary, derived or conflicting figures. Composed as SVG text
 * so it survives any image viewer, and wrapped so it never clips.
 */
import type { SourceMark } from '../../src-shared/charts/types'
import type { Lang } from '../../src-shared/settings'
import { CSS_FONT_STACK } from './fonts'
import { WORDS } from './labels'
import type { ExportPalette } from './palette'
import { escapeXml, wrapText } from './text'

/** What a caption strip says: the chart's title, source line, as-of date, unit label and source marks. */
export interface CaptionInput {
  title: string
  sourceLine: string
  asOf: string | null
  unitLabel: string
  marks: SourceMark[]
}

interface Line {
  text: string
  size: number
  bold: boolean
  color: string
}

/** A caption broken into positioned lines, and its total height in layout px. */
export interface CaptionLayout {
  lines: Line[]
  height: number
}

const PAD_X = 16
const PAD_TOP = 9
const PAD_BOTTOM = 10
const LEADING = 1.35

/** The line with the as-of date, unit and marks, e.g. "Data as of 2017 · Unit: m² · includes derived figures". */
export function metaLine(input: CaptionInput, lang: Lang): string {
  const w = WORDS[lang]
  const parts: string[] = []
  if (input.asOf) parts.push(w.asOf(input.asOf))
  if (input.unitLabel) parts.push(w.unit(input.unitLabel))
  for (const m of input.marks) parts.push(w.marks[m])
  return parts.join(w.sep)
}

/**
 * Lays the caption out for a strip `width` px wide and at most `maxHeight`
 * tall: the title keeps up to two lines and the date/unit line one or two;
 * the source line gets what is left and ends with "…" when cut.
 */
export function layoutCaption(
  input: CaptionInput,
  lang: Lang,
  width: number,
  palette: ExportPalette,
  opts: { maxHeight: number; includeTitle?: boolean; scale?: number },
): CaptionLayout {
  const k = opts.scale ?? 1
  const body = palette.fontSize * k
  const titleSize = body * 1.2
  const inner = width - 2 * PAD_X * k
  const lh = (size: number): number => size * LEADING
  const title = opts.includeTitle === false ? [] : wrapText(input.title, inner, titleSize, { bold: true, maxLines: 2 })
  const meta = wrapText(metaLine(input, lang), inner, body, { maxLines: 2 })
  const fixed = (PAD_TOP + PAD_BOTTOM) * k + title.length * lh(titleSize) + meta.length * lh(body)
  const room = Math.max(1, Math.floor((opts.maxHeight - fixed) / lh(body)))
  const sources = input.sourceLine ? wrapText(input.sourceLine, inner, body, { maxLines: room }) : []
  const lines: Line[] = [
    ...title.map((text) => ({ text, size: titleSize, bold: true, color: palette.text })),
    ...sources.map((text) => ({ text, size: body, bold: false, color: palette.muted })),
    ...meta.map((text) => ({ text, size: body, bold: false, color: palette.muted })),
  ]
  const height = Math.ceil((PAD_TOP + PAD_BOTTOM) * k + lines.reduce((h, l) => h + lh(l.size), 0))
  return { lines, height }
}

/** The caption as SVG elements, its top-left corner at (x, y). */
export function captionSvg(layout: CaptionLayout, x: number, y: number, width: number, palette: ExportPalette, scale = 1): string {
  const out = [`<line x1="${x + PAD_X * scale}" y1="${y + 0.5}" x2="${x + width - PAD_X * scale}" y2="${y + 0.5}" stroke="${palette.border}" stroke-width="1"/>`]
  let top = y + PAD_TOP * scale
  for (const l of layout.lines) {
    // Alphabetic baseline: Noto Sans SC's ascent is about 0.88em, plus half the leading.
    const baseline = top + l.size * ((LEADING - 1) / 2 + 0.88)
    out.push(
      `<text x="${x + PAD_X * scale}" y="${baseline.toFixed(1)}" font-family="${CSS_FONT_STACK}" font-size="${l.size.toFixed(1)}"${l.bold ? ' font-weight="700"' : ''} fill="${l.color}">${escapeXml(l.text)}</text>`,
    )
    top += l.size * LEADING
  }
  return `<g class="g60-caption">${out.join('')}</g>`
}
