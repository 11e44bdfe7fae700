/**
 * The rule book of dataset files, part one: the rules as data and plain
 * functions, written once (issue 11 §3) — ids, years, decimals, links, dates,
 * what each problem says and expects, and what a source needs for its tier
 * (`TIER_NEEDS`, `sourceNeeds`). The shapes of files are written once in zod
 * in `dataset-schema.ts`, from these rules; from there come the validation of
 * JSON files, the JSON Schema for editors (`npm run schema`) and the check of
 * the model's types. Table rows (CSV, XLSX: `table-finish.ts`, `meta-rows.ts`)
 * use the same rules directly — per distinct text, numbers with the predicates
 * below — never a row at a time through zod, which would cost seconds on a
 * million rows (tests/shared/dataset-rules.test.ts checks that the predicates
 * and the zod rules agree).
 *
 * Problem messages are English, as the CLI prints them; the problems panel
 * shows them in the UI language (`problem-text.ts`, `i18n/problems-*.ts`).
 */
import { QUALIFIERS, TIERS, type Tier } from './dataset'

/** A dataset, entity or indicator id: lower-case kebab-case ASCII (docs/datasets.md). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Earliest year a figure may have; earlier is taken as a typing error. */
export const YEAR_MIN = 1900
/** Latest year a figure may have; later is taken as a typing error. */
export const YEAR_MAX = 2100
/** Most decimals a source may be said to print (`decimals`). */
export const DECIMALS_MAX = 6
/** A source address: an absolute http(s) URL without spaces. */
export const URL_PATTERN = /^https?:\/\/\S+$/i
/** An event's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/
/** The tiers a derived figure's inputs may have (`inputTier`). */
export const INPUT_TIERS = ['article', 'official', 'secondary'] as const

/** What each field expects, as problems state it after "expected:". */
export const EXPECTED = {
  id: 'kebab-case, e.g. "nine-cities"',
  tier: TIERS.join(' | '),
  qualifier: QUALIFIERS.join(' | '),
  unit: 'a unit code from docs/datasets.md, e.g. yuan-100m, percent, km2',
  year: `a whole year from ${YEAR_MIN} to ${YEAR_MAX}, or empty`,
  number: 'a number such as 1234.5, 1,234.5 or 6.7%, or empty / — for a gap',
  url: 'an http(s):// link',
  boolean: 'yes / no (是 / 否), or empty',
  decimals: `an integer from 0 to ${DECIMALS_MAX}`,
  date: 'YYYY, YYYY-MM or YYYY-MM-DD',
  formula: 'e.g. "1,033 ÷ 2.296"',
  quote: 'the sentence the figure comes from',
  inputTier: 'article, official or secondary, on a derived source',
  title: "the source's own title, in its own language (or title_zh and title_en for a source without one)",
  translation: 'title with title_zh or title_en (its translation), or title_zh and title_en without title',
} as const

/** Whether `v` is a whole year from `YEAR_MIN` to `YEAR_MAX` (the rule of `yearRule`, for numbers read from tables). */
export function isYear(v: number): boolean {
  return Number.isInteger(v) && v >= YEAR_MIN && v <= YEAR_MAX
}

/** Whether `v` is a count of printed decimals (the rule of `decimals`, for numbers read from tables). */
export function isDecimals(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= DECIMALS_MAX
}

/** Whether `s` is an absolute http(s) URL, as a source address must be. */
export function isHttpUrl(s: string): boolean {
  return URL_PATTERN.test(s)
}

/** Joins a problem's message and what was expected inside one zod issue message. */
export const SEP = '\u001f'
/** A message and what was expected, as one zod issue message (see `splitMessage`). */
export const say = (message: string, expected?: string): string => (expected === undefined ? message : `${message}${SEP}${expected}`)

/** A zod issue message split into the problem's message and expected text. */
export function splitMessage(text: string): { message: string; expected?: string } {
  const i = text.indexOf(SEP)
  return i < 0 ? { message: text } : { message: text.slice(0, i), expected: text.slice(i + 1) }
}

/** What problems say, once for JSON files, table rows and header-block rows. */
export const MESSAGES = {
  notYear: 'not a year',
  notNumber: 'not a number',
  notLink: 'not a link',
  notDate: 'not a date',
  notDecimals: 'not a count of decimals',
  unknownUnit: 'unknown unit',
  unknownTier: 'unknown tier',
  unknownQualifier: 'unknown qualifier',
  rangeBelow: 'the upper end of a range is below its value',
  datasetId: 'dataset id is not kebab-case',
  unknownField: 'unknown field',
} as const

/** What a source of one tier lacks: the field, the message and what was expected. */
export interface Need {
  field: 'url' | 'quote' | 'formula' | 'inputTier' | 'title' | 'title_en'
  message: string
  expected: string
}

/** The needs of each tier: an official source is read on a named page, so it has an address; a derived one has its formula; every other one quotes its words (or gives a formula). */
export const TIER_NEEDS: Record<Tier, { url: boolean; formula: boolean; quoteOrFormula: boolean }> = {
  article: { url: false, formula: false, quoteOrFormula: true },
  official: { url: true, formula: false, quoteOrFormula: true },
  secondary: { url: false, formula: false, quoteOrFormula: true },
  derived: { url: false, formula: true, quoteOrFormula: false },
}

/** The messages of the tier rules, once for JSON files, table rows and event rows. */
export const NEEDS: Record<'url' | 'formula' | 'quote' | 'inputTier', string> = {
  url: 'an official source needs a URL',
  formula: 'a derived figure needs the formula it was computed with',
  quote: 'a source needs the exact words quoted (or a formula)',
  inputTier: 'only a derived figure names the tier of its inputs',
}

/** What a source of `tier` lacks, given which of its fields are filled (`inputTier` as written, if any). */
export function sourceNeeds(tier: Tier, has: { url: boolean; quote: boolean; formula: boolean; inputTier?: string }): Need[] {
  const need = TIER_NEEDS[tier]
  const out: Need[] = []
  if (need.url && !has.url) out.push({ field: 'url', message: NEEDS.url, expected: EXPECTED.url })
  if (need.formula && !has.formula) out.push({ field: 'formula', message: NEEDS.formula, expected: EXPECTED.formula })
  else if (need.quoteOrFormula && !has.quote && !has.formula) out.push({ field: 'quote', message: NEEDS.quote, expected: EXPECTED.quote })
  if (has.inputTier !== undefined && (tier !== 'derived' || !(INPUT_TIERS as readonly string[]).includes(has.inputTier))) {
    out.push({ field: 'inputTier', message: NEEDS.inputTier, expected: EXPECTED.inputTier })
  }
  return out
}

/** The messages of the title rules (`titleNeeds`), once for JSON files, table rows and event rows. */
export const TITLE_NEEDS = {
  title: 'a source needs its title (or title_zh and title_en when it has no title of its own)',
  translation: 'a source with its own title takes one translation, title_zh or title_en, not both',
} as const

/**
 * What a source's titles lack or have too many of (issue 12 §3): a source has its own
 * title in its own language (`title`), with at most one translation (`title_zh` or
 * `title_en`); a source without a title of its own (a description we wrote) or with one
 * in each language has `title_zh` and `title_en` and no `title`. `has` says which are filled.
 */
export function titleNeeds(has: { title: boolean; titleZh: boolean; titleEn: boolean }): Need[] {
  if (!has.title && !(has.titleZh && has.titleEn)) return [{ field: 'title', message: TITLE_NEEDS.title, expected: EXPECTED.title }]
  if (has.title && has.titleZh && has.titleEn) return [{ field: 'title_en', message: TITLE_NEEDS.translation, expected: EXPECTED.translation }]
  return []
}
