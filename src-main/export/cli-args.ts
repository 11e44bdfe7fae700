/**
 * The export CLI's arguments: parsed and checked up front, so a bad flag or
 * value stops the run with a usage message before any work is done.
 */
import { parseArgs } from 'node:util'
import type { DatasetProblem } from '../../src-shared/dataset'
import { LANGS, THEMES, type Lang, type Theme } from '../../src-shared/settings'
import { PACK_FORMATS, type PackFormat } from './pack'
import { DECK_ASPECTS, type DeckAspect } from './pptx-layout'
import { CITY_SCALES, MAX_MARKING_LENGTH, type CityScale } from '../../src-shared/settings'
import { MAX_SCALE, MIN_SCALE, checkChartOptions } from './render'

/** The export CLI's help text, printed for `--help` and after a usage error. */
export const USAGE = `Usage: npm run export -- --out <dir> [options]

Exports every chart of every dashboard as PNG and SVG, plus one PDF with an
index of figures and sources, and on request a PowerPoint deck (pptx), into
<dir> (created if missing).

Options:
  --out <dir>          folder to write to (required)
  --data <folder>      a data folder whose datasets replace the bundled ones of the same id
  --format <list>      any of png,svg,pdf,pptx, comma-separated (default png,svg,pdf)
  --scale <n>          pixel ratio for PNG, ${MIN_SCALE}–${MAX_SCALE} (default 2)
  --size <WxH>         chart size in px, e.g. 1920x1080 (default), 3840x2160, 800x450
  --lang <lang>        ${LANGS.join(' | ')} (default zh-CN)
  --theme <theme>      ${THEMES.join(' | ')} (default light)
  --aspect <shape>     the deck's slides: ${DECK_ASPECTS.join(' | ')} (default 16:9)
  --marking <text>     a marking printed on every page, picture and slide, e.g. "内部资料" (default none)
  --city-scale <s>     the city GDP chart's scale: ${CITY_SCALES.join(' | ')} (default absolute)
  --map <indicator>    the figure the map shades the cities by, e.g. population (default gdp)
  -h, --help           show this help

Exit status: 0 done, 1 bad data or a failed write, 2 bad arguments.`

/** The export CLI's options after parsing and checking. */
export interface CliOptions {
  out: string
  data: string | null
  formats: PackFormat[]
  scale: number
  width: number
  height: number
  lang: Lang
  theme: Theme
  aspect: DeckAspect
  marking: string | null
  /** The city GDP chart's scale, as chosen on screen in the app. */
  cityScale: CityScale
  /** The map's figure (an indicator id), or `null` for GDP. */
  mapIndicator: string | null
}

/** The outcome of parsing the export CLI's arguments: help, options, or a usage error message. */
export type ParsedArgs = { ok: true; help: true } | { ok: true; help: false; options: CliOptions } | { ok: false; message: string }

/** Parses `npm run export` arguments (`--out`, `--data`, `--format`, `--scale`, `--size`, `--lang`, `--theme`); never throws, a bad argument gives `{ ok: false, message }`. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        data: { type: 'string' },
        format: { type: 'string', default: 'png,svg,pdf' },
        scale: { type: 'string', default: '2' },
        size: { type: 'string', default: '1920x1080' },
        lang: { type: 'string', default: 'zh-CN' },
        theme: { type: 'string', default: 'light' },
        aspect: { type: 'string', default: '16:9' },
        marking: { type: 'string' },
        'city-scale': { type: 'string', default: 'absolute' },
        map: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (err) {
    return { ok: false, message: (err as Error).message }
  }
  if (values.help) return { ok: true, help: true }
  if (!values.out) return { ok: false, message: '--out <dir> is required' }
  const formats = values.format.split(',').map((f) => f.trim().toLowerCase())
  const unknown = formats.filter((f) => !(PACK_FORMATS as readonly string[]).includes(f))
  if (unknown.length || formats.length === 0) return { ok: false, message: `unknown format "${unknown.join(',') || values.format}": use ${PACK_FORMATS.join(', ')}` }
  if (!/^\d+(\.\d+)?$/.test(values.scale)) return { ok: false, message: `--scale must be a number from ${MIN_SCALE} to ${MAX_SCALE}, got "${values.scale}"` }
  const scale = Number(values.scale)
  const size = /^(\d+)x(\d+)$/i.exec(values.size)
  if (!size) return { ok: false, message: `--size must be WIDTHxHEIGHT in px, e.g. 1920x1080, got "${values.size}"` }
  const lang = LANGS.find((l) => l.toLowerCase() === values.lang.toLowerCase())
  if (!lang) return { ok: false, message: `unknown language "${values.lang}": use ${LANGS.join(' or ')}` }
  if (!(THEMES as readonly string[]).includes(values.theme)) return { ok: false, message: `unknown theme "${values.theme}": use ${THEMES.join(', ')}` }
  if (!(DECK_ASPECTS as readonly string[]).includes(values.aspect)) return { ok: false, message: `unknown slide shape "${values.aspect}": use ${DECK_ASPECTS.join(' or ')}` }
  const marking = values.marking?.trim() || null
  if (marking && (/[\u0000-\u001f\u007f]/.test(marking) || [...marking].length > MAX_MARKING_LENGTH)) return { ok: false, message: `--marking must be one line of at most ${MAX_MARKING_LENGTH} characters` }
  const options: CliOptions = {
    out: values.out,
    data: values.data ?? null,
    formats: [...new Set(formats)] as PackFormat[],
    scale,
    width: Number(size[1]),
    height: Number(size[2]),
    lang,
    theme: values.theme as Theme,
    aspect: values.aspect as DeckAspect,
    marking,
    cityScale: values['city-scale'] as CityScale,
    mapIndicator: values.map ?? null,
  }
  const bad = checkChartOptions(options)
  if (bad) return { ok: false, message: bad }
  return { ok: true, help: false, options }
}

/** `file:row:column: message`, the way compilers point at a problem. */
export function formatProblem(p: DatasetProblem): string {
  const where = [p.file, p.sheet, p.row, p.column].filter((x) => x !== undefined && x !== '').join(':')
  const extra = [p.got !== undefined ? `got ${JSON.stringify(p.got)}` : '', p.expected ? `expected ${p.expected}` : ''].filter(Boolean).join(', ')
  return `${where}: ${p.message}${extra ? ` (${extra})` : ''}`
}
