/**
 * The dataset model shared by main and renderer.
 *
 * A dataset is metadata plus a long table of *figures*: one row per number,
 * each with the entity it describes (a city, a town, the corridor), the
 * indicator, the year (or period), the value and its source. A missing value
 * is `null` and is drawn as a gap; nothing is ever interpolated.
 *
 * The JSON form below is what `resources/datasets/*.json` hold and what
 * docs/datasets.md documents; CSV and XLSX files are read into the same shape.
 * Across IPC a dataset travels in the columnar form (`ColumnarDataset`).
 */
import type { Lang } from './settings'

/** Source tiers, most to least authoritative: the seed article, official publications, secondary pages, figures derived from others. */
export const TIERS = ['article', 'official', 'secondary', 'derived'] as const
/** A source's tier (see `TIERS`). */
export type Tier = (typeof TIERS)[number]

/** How exact a figure is, as its source words it ("over 4,000", "about 58 million"). */
export const QUALIFIERS = ['exact', 'over', 'about', 'nearly', 'estimate'] as const
/** A figure's qualifier (see `QUALIFIERS`). */
export type Qualifier = (typeof QUALIFIERS)[number]

/** A text in both languages. */
export type Localized = Record<Lang, string>

/**
 * Where a figure comes from: tier, title, URL, year, quote or formula.
 *
 * Titles follow citation practice (issue 12 §3): `title` is the source's own title in
 * its own language ("松江年鉴2018 第197页", "Shanghai Daily (shine.cn), …"), shown as
 * it is in both languages, with an optional translation into the other language in
 * `title_zh` or `title_en`. A source without a title of its own (a description we
 * wrote, "A journal paper (not named)") or one that has both (a bilingual page) has
 * `title` null and both `title_zh` and `title_en`, and is named in the UI language.
 * Read it through `sourceTitle`.
 */
export interface Source {
  tier: Tier
  /** The source's own title, in the source's language; `null` when it is named by `title_zh` and `title_en` (see above). */
  title: string | null
  /** The title in Chinese: a translation of an English `title`, or with `title_en` the Chinese name of a source without `title`. */
  title_zh?: string
  /** The title in English: a translation of a Chinese `title`, or with `title_zh` the English name of a source without `title`. */
  title_en?: string
  /** Where it can be read; `null` only for the source article. */
  url: string | null
  /** The year the source was published or refers to, if known. */
  year: number | null
  /** The exact words quoted from the source, for tiers other than `derived`. */
  quote: string | null
  /** For `derived` figures: how it was computed, e.g. "1,033 ÷ 2.296". */
  formula: string | null
  /**
   * For `derived` figures: the lowest tier among the figures it was computed from
   * (a share derived from a secondary page keeps its "secondary" mark). Absent: official.
   */
  inputTier?: Exclude<Tier, 'derived'>
}

/** One number of a dataset, with its entity, indicator, year or period, unit, qualifier, source, note and conflict flag. */
export interface Figure {
  entity: string
  indicator: string
  /** Calendar year the figure refers to; `null` for undated facts. */
  year: number | null
  /** A span instead of one year, e.g. "2016–2020", shown as the period label. */
  period: string | null
  /** `null` is a gap: the source has no value. */
  value: number | null
  /**
   * Decimals the source prints (55.0 → 1, 16106.0 → 1), so the app shows the value as printed;
   * absent: as many as the number needs.
   */
  decimals?: number
  /** Upper end for a range such as 300,000–400,000 people. */
  valueHigh: number | null
  unit: string
  qualifier: Qualifier
  source: Source
  /** Shown with the figure in Chinese, e.g. a conflict between two sources; quoted source text stays as quoted. Read it through `figureNote`. */
  note_zh: string | null
  /** The same note in English; `null` when the file gives it in one language only (`figureNote` then shows the other). */
  note_en: string | null
  /** True when another source gives a different value for the same figure. */
  conflict: boolean
}

/** What a dataset says about an entity: its name, group and map coordinates. */
export interface EntityMeta {
  name: Localized
  /** Optional grouping, e.g. the province of a city. */
  group?: string
  /** Longitude and latitude, for the map. */
  coord?: [number, number]
}

/** What a dataset says about an indicator: its name and default unit code. */
export interface IndicatorMeta {
  name: Localized
  /** Default unit code for this indicator's figures. */
  unit: string
}

/** A dataset's metadata: id, title, default unit, notes, entities, indicators, groups and events. */
export interface DatasetMeta {
  id: string
  title: Localized
  /** Default unit code for figures that name none. */
  unit: string
  notes: Localized | null
  entities: Record<string, EntityMeta>
  indicators: Record<string, IndicatorMeta>
  /** Names of provinces or other groups used by `EntityMeta.group`. */
  groups?: Record<string, Localized>
  /** Dated milestones drawn as annotations (e.g. the valley's 1.0 → 3.0 editions). */
  events?: DatasetEvent[]
}

/** A dated event drawn on time charts (e.g. the G60 1.0 launch), with its label and source. */
export interface DatasetEvent {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string
  label: Localized
  source: Source
  /** The event's note in Chinese (see `Figure.note_zh`). */
  note_zh: string | null
  /** The event's note in English (see `Figure.note_en`). */
  note_en: string | null
}

/** Anything that carries a note in both languages: a figure or an event. */
export type Noted = Pick<Figure, 'note_zh' | 'note_en'>

/**
 * The note of a figure or event in `lang`, falling back to the other language
 * when the file gives it in one only; `null` when there is none. Every view,
 * chart and export reads notes through this, so a note follows the UI language.
 */
export function figureNote(f: Noted, lang: Lang): string | null {
  return (lang === 'zh-CN' ? (f.note_zh ?? f.note_en) : (f.note_en ?? f.note_zh)) ?? null
}

/** The brackets a title's translation is shown in after the title, per UI language: "松江年鉴2018 第197页 [Songjiang Yearbook 2018, page 197]". */
export const TRANSLATION_BRACKETS: Record<Lang, [string, string]> = { 'zh-CN': ['［', '］'], en: [' [', ']'] }

/**
 * A source's title as shown in `lang`, the one rule for every view, chart, table and
 * export: the source's own title as it is, followed by its translation into `lang` in
 * brackets when the data gives one ("松江年鉴2018 第197页 [Songjiang Yearbook 2018,
 * page 197]" in English, just "松江年鉴2018 第197页" in Chinese); a source without a
 * title of its own is named in `lang` only (`title_zh` / `title_en`, the other when
 * only one is given).
 */
export function sourceTitle(s: Pick<Source, 'title' | 'title_zh' | 'title_en'>, lang: Lang): string {
  const own = lang === 'zh-CN' ? s.title_zh : s.title_en
  if (s.title === null) return own ?? (lang === 'zh-CN' ? s.title_en : s.title_zh) ?? ''
  if (!own || own === s.title) return s.title
  const [open, close] = TRANSLATION_BRACKETS[lang]
  return `${s.title}${open}${own}${close}`
}

/** A key that tells sources apart (tier, titles, URL, formula), for lists of distinct sources. */
export function sourceKey(s: Source): string {
  return JSON.stringify([s.tier, s.title, s.title_zh ?? null, s.title_en ?? null, s.url, s.formula])
}

/** The JSON file form: metadata plus figures (rows). */
export interface DatasetFile extends DatasetMeta {
  figures: Figure[]
}

/**
 * The IPC form: numbers in typed arrays, strings dictionary-coded, sources
 * stored once and referenced by index. Gaps are NaN in `value`.
 */
export interface ColumnarDataset {
  meta: DatasetMeta
  length: number
  /** Dictionary of strings; string columns hold indexes into it. */
  strings: string[]
  entity: Uint32Array
  indicator: Uint32Array
  /** Year, or 0 when the figure has none. */
  year: Int32Array
  /** Index into `strings`, or 0xffffffff for none. */
  period: Uint32Array
  value: Float64Array
  valueHigh: Float64Array
  /** Printed decimals per figure, −1 where not given; the array itself is optional (readers that do not know it). */
  decimals?: Int8Array
  unit: Uint32Array
  qualifier: Uint8Array
  /** Index into `sources`. */
  source: Uint32Array
  /** Index into `strings` of the Chinese note, or `NONE`. */
  noteZh: Uint32Array
  /** Index into `strings` of the English note, or `NONE`. */
  noteEn: Uint32Array
  conflict: Uint8Array
  sources: Source[]
}

/** The index that stands for "none" in the columnar form's Uint32 columns (no year, no note, …). */
export const NONE = 0xffffffff

/** A note written in one language only (a computed figure's note, built in the UI language): `figureNote` shows it in both. */
export function noteIn(lang: Lang, text: string | null): Noted {
  return lang === 'zh-CN' ? { note_zh: text, note_en: null } : { note_zh: null, note_en: text }
}

/** Packs figures into the columnar IPC form. */
export function toColumnar(file: DatasetFile): ColumnarDataset {
  const { figures, ...meta } = file
  const n = figures.length
  const strings: string[] = []
  const stringIndex = new Map<string, number>()
  const str = (s: string | null): number => {
    if (s === null) return NONE
    let i = stringIndex.get(s)
    if (i === undefined) {
      i = strings.length
      strings.push(s)
      stringIndex.set(s, i)
    }
    return i
  }
  const sources: Source[] = []
  const sourceIndex = new Map<string, number>()
  const cols = {
    entity: new Uint32Array(n),
    indicator: new Uint32Array(n),
    year: new Int32Array(n),
    period: new Uint32Array(n),
    value: new Float64Array(n),
    valueHigh: new Float64Array(n),
    decimals: new Int8Array(n),
    unit: new Uint32Array(n),
    qualifier: new Uint8Array(n),
    source: new Uint32Array(n),
    noteZh: new Uint32Array(n),
    noteEn: new Uint32Array(n),
    conflict: new Uint8Array(n),
  }
  figures.forEach((f, i) => {
    cols.entity[i] = str(f.entity)
    cols.indicator[i] = str(f.indicator)
    cols.year[i] = f.year ?? 0
    cols.period[i] = str(f.period)
    cols.value[i] = f.value ?? NaN
    cols.valueHigh[i] = f.valueHigh ?? NaN
    cols.decimals[i] = f.decimals ?? -1
    cols.unit[i] = str(f.unit)
    cols.qualifier[i] = QUALIFIERS.indexOf(f.qualifier)
    const key = JSON.stringify(f.source)
    let s = sourceIndex.get(key)
    if (s === undefined) {
      s = sources.length
      sources.push(f.source)
      sourceIndex.set(key, s)
    }
    cols.source[i] = s
    cols.noteZh[i] = str(f.note_zh)
    cols.noteEn[i] = str(f.note_en)
    cols.conflict[i] = f.conflict ? 1 : 0
  })
  return { meta, length: n, strings, ...cols, sources }
}

/** Unpacks one row of the columnar form. */
export function figureAt(d: ColumnarDataset, i: number): Figure {
  const s = (k: number): string | null => (k === NONE ? null : d.strings[k]!)
  const num = (v: number): number | null => (Number.isNaN(v) ? null : v)
  const decimals = d.decimals?.[i] ?? -1
  return {
    entity: d.strings[d.entity[i]!]!,
    indicator: d.strings[d.indicator[i]!]!,
    year: d.year[i] === 0 ? null : d.year[i]!,
    period: s(d.period[i]!),
    value: num(d.value[i]!),
    valueHigh: num(d.valueHigh[i]!),
    ...(decimals >= 0 ? { decimals } : {}),
    unit: d.strings[d.unit[i]!]!,
    qualifier: QUALIFIERS[d.qualifier[i]!]!,
    source: d.sources[d.source[i]!]!,
    note_zh: s(d.noteZh[i]!),
    note_en: s(d.noteEn[i]!),
    conflict: d.conflict[i] === 1,
  }
}

/** All figures of a columnar dataset, for small datasets and tests. */
export function fromColumnar(d: ColumnarDataset): Figure[] {
  return Array.from({ length: d.length }, (_, i) => figureAt(d, i))
}

/** A problem found while loading a dataset, pointing at the exact cell. */
export interface DatasetProblem {
  file: string
  sheet?: string
  /** 1-based row as a spreadsheet shows it. */
  row?: number
  /** Column header as written in the file (or its letter for XLSX). */
  column?: string
  message: string
  got?: string
  expected?: string
}
