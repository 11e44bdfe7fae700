/**
 * The rule book of dataset files, part two: the shape of a JSON dataset file
 * written once in zod 4, from the rules of `dataset-rules.ts`. Derived from it:
 * the validation of JSON files (`src-main/datasets/validate.ts` parses with
 * `datasetRule` and turns each issue into a problem), the JSON Schema for
 * editors (`datasetJsonSchema()`, written to
 * resources/datasets/schema/dataset.schema.json by `npm run schema`), and the
 * check that the model's hand-written types equal the inferred ones
 * (tests/shared/dataset-schema.test.ts). A message and what was expected
 * travel together in a zod issue's message (`say`, `splitMessage`).
 */
import * as z from 'zod'
import { QUALIFIERS, TIERS, type Tier } from './dataset'
import { DATE_PATTERN, DECIMALS_MAX, EXPECTED, ID_PATTERN, INPUT_TIERS, MESSAGES, NEEDS, URL_PATTERN, YEAR_MAX, YEAR_MIN, say, sourceNeeds, TIER_NEEDS, titleNeeds } from './dataset-rules'
import { UNITS } from './units'

type Issue = { input?: unknown; code?: string }
const missingOr = (missing: string, wrong: string, expected?: string) => (iss: Issue) => say(iss.input === undefined ? missing : wrong, expected)

/** A closed object: a key it does not know is `unknown field "<key>"` (see `MESSAGES.unknownField`), any other value `error`. */
function closed<T extends z.core.$ZodLooseShape>(shape: T, error: string | ((iss: Issue) => string)) {
  const known = Object.keys(shape).filter((k) => !k.startsWith('$')).join(', ')
  return z.strictObject(shape, { error: (iss: Issue) => (iss.code === 'unrecognized_keys' ? say(MESSAGES.unknownField, known) : typeof error === 'string' ? error : error(iss)) })
}


/** Non-empty text (not only spaces). */
const text = (expected = 'text') => z.string({ error: missingOr('missing', 'not text', expected) }).regex(/\S/, { error: say('empty', 'non-empty text') })
/** Text or null; left out means null. */
const optionalText = () => text('text or null').nullable().default(null)

/** A dataset id: kebab-case ASCII. (Entity, indicator and group keys are any text: a CSV names them as its cells do.) */
export const idRule = z.string({ error: missingOr('missing', 'not text', 'text') }).regex(ID_PATTERN, { error: say(MESSAGES.datasetId, EXPECTED.id) }).meta({ id: 'id', description: 'kebab-case identifier, e.g. "nine-cities"' })
/** A text in both languages. */
export const localizedRule = closed({ 'zh-CN': text(), en: text() }, missingOr('missing', 'not a {"zh-CN", "en"} pair', '{ "zh-CN": "…", "en": "…" }'))
  .meta({ id: 'localized' })
/** A unit code from src-shared/units.ts. */
export const unitRule = z.enum(Object.keys(UNITS), { error: missingOr('missing unit', MESSAGES.unknownUnit, EXPECTED.unit) }).meta({ id: 'unit', description: 'A unit code from src-shared/units.ts (table in docs/datasets.md).' })
/** A source tier. */
export const tierRule = z.enum(TIERS, { error: missingOr('missing tier', MESSAGES.unknownTier, EXPECTED.tier) }).meta({ id: 'tier' })
/** A figure's qualifier. */
export const qualifierRule = z.enum(QUALIFIERS, { error: say(MESSAGES.unknownQualifier, EXPECTED.qualifier) }).meta({ id: 'qualifier' })
/** A year a figure refers to or a source was published. */
export const yearRule = z.int({ error: say(MESSAGES.notYear, EXPECTED.year) }).min(YEAR_MIN, { error: say(MESSAGES.notYear, EXPECTED.year) }).max(YEAR_MAX, { error: say(MESSAGES.notYear, EXPECTED.year) }).meta({ id: 'year' })
const optionalYear = () => yearRule.nullable().default(null)
const optionalNumber = () => z.number({ error: say(MESSAGES.notNumber, 'a finite number or null') }).nullable().default(null)
const optionalNote = (description: string) => optionalText().meta({ description })

/** A figure's or event's source, with the rules of its tier (`sourceNeeds`). */
export const sourceRule = closed(
    {
      tier: tierRule,
      title: optionalText().meta({ description: "The source's own title, in the source's own language (a Chinese page's title in Chinese, an English page's in English), shown as it is in both languages. null (or left out) only for a source without a title of its own, named by title_zh and title_en." }),
      title_zh: text('text').optional().meta({ description: 'With title: its Chinese translation, shown after it in brackets in Chinese. Without title: the Chinese name of a source that has no title of its own (a description), shown in Chinese only.' }),
      title_en: text('text').optional().meta({ description: 'With title: its English translation, shown after it in brackets in English. Without title: the English name of a source that has no title of its own, shown in English only.' }),
      url: z.string({ error: missingOr('missing', 'not text', 'text or null') }).regex(URL_PATTERN, { error: say(MESSAGES.notLink, EXPECTED.url) }).nullable().default(null).meta({ description: 'An http(s) address. null for the source article, or for a secondary or derived source whose title says "no address recorded".' }),
      year: optionalYear().meta({ description: 'Year the source was published, if known.' }),
      quote: optionalText().meta({ description: 'The exact words of the source (required unless tier is derived).' }),
      formula: optionalText().meta({ description: 'How a derived figure was computed, e.g. "1,033 ÷ 2.296" (required when tier is derived).' }),
      inputTier: z.enum(INPUT_TIERS, { error: say(NEEDS.inputTier, EXPECTED.inputTier) }).optional().meta({ description: 'Derived figures only: the lowest tier among the figures it was computed from (absent: official).' }),
    },
    missingOr('every figure needs a source', 'not a source object', '{ tier, title, url, year, quote, formula }'),
  )
  // The tier and title rules run even when another field of the source is wrong, as every problem of a row is listed at once.
  .superRefine(
    (value, ctx) => {
      const s = value as Partial<Record<keyof typeof value, unknown>>
      // Given is enough here: a title that is empty or not text has its own problem already.
      const given = (k: 'title' | 'title_zh' | 'title_en') => s[k] !== undefined && s[k] !== null
      for (const need of titleNeeds({ title: given('title'), titleZh: given('title_zh'), titleEn: given('title_en') })) {
        ctx.addIssue({ code: 'custom', path: [need.field], input: s[need.field] ?? null, message: say(need.message, need.expected) })
      }
      if (!(TIERS as readonly unknown[]).includes(s.tier)) return
      const inputTier = (INPUT_TIERS as readonly unknown[]).includes(s.inputTier) ? (s.inputTier as string) : undefined
      for (const need of sourceNeeds(s.tier as Tier, { url: s.url != null, quote: s.quote != null, formula: s.formula != null, inputTier })) {
        ctx.addIssue({ code: 'custom', path: [need.field], input: s[need.field] ?? null, message: say(need.message, need.expected) })
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .meta({ id: 'source' })

/** What a dataset says about an entity. */
export const entityRule = closed(
    {
      name: localizedRule,
      group: z.string({ error: say('unknown group', 'a group id') }).optional().meta({ description: 'A key of `groups`, e.g. the province of a city.' }),
      coord: z
        .tuple([z.number({ error: say('not a [longitude, latitude] pair', '[121.2, 31.0]') }).min(-180).max(180), z.number({ error: say('not a [longitude, latitude] pair', '[121.2, 31.0]') }).min(-90).max(90)], {
          error: say('not a [longitude, latitude] pair', '[121.2, 31.0]'),
        })
        .optional()
        .meta({ description: '[longitude, latitude]' }),
    },
    say('not an entity object', '{ "name": { "zh-CN", "en" }, "group"?, "coord"? }'),
  )
  .meta({ id: 'entity' })

/** What a dataset says about an indicator. */
export const indicatorRule = closed({ name: localizedRule, unit: unitRule }, say('not an indicator object', '{ "name": { "zh-CN", "en" }, "unit": "…" }')).meta({ id: 'indicator' })

/** One figure of a JSON file, as written (defaults filled; `unit` and the legacy `note` are resolved by the reader). */
export const figureRule = closed(
    {
      entity: text().meta({ description: 'A key of `entities`.' }),
      indicator: text().meta({ description: 'A key of `indicators`.' }),
      year: optionalYear().meta({ description: 'Calendar year the figure refers to; null for an undated fact.' }),
      period: optionalText().meta({ description: 'A span instead of one year, e.g. "2016–2020"; year is then null.' }),
      value: optionalNumber().meta({ description: 'The number as the source prints it, in the figure\'s unit; null is a gap.' }),
      valueHigh: optionalNumber().meta({ description: 'Upper end of a range ("300,000 to 400,000"), else null.' }),
      decimals: z.int({ error: say(MESSAGES.notDecimals, EXPECTED.decimals) }).min(0, { error: say(MESSAGES.notDecimals, EXPECTED.decimals) }).max(DECIMALS_MAX, { error: say(MESSAGES.notDecimals, EXPECTED.decimals) }).optional().meta({ description: 'Decimals the source prints when JSON would lose them (55.0 → 55 with decimals 1).' }),
      unit: unitRule.optional().meta({ description: "The figure's unit; left out: its indicator's." }),
      qualifier: qualifierRule.default('exact'),
      source: sourceRule,
      note_zh: optionalNote('The note in Chinese (quoted source text stays as quoted); null for none.'),
      note_en: optionalNote('The note in English; null for none. A note given in one language only is shown in both.'),
      note: optionalNote('Legacy single note (before notes were bilingual): fills note_zh and note_en where they are not given.'),
      conflict: z.boolean({ error: say('not true or false', 'true or false') }).default(false).meta({ description: 'true when another source gives a different value for the same thing.' }),
    },
    say('not a figure object', '{ entity, indicator, year, value, unit, source, … }'),
  )
  .superRefine(
    ({ value, valueHigh }, ctx) => {
      if (typeof value === 'number' && typeof valueHigh === 'number' && valueHigh < value) ctx.addIssue({ code: 'custom', path: ['valueHigh'], input: valueHigh, message: say(MESSAGES.rangeBelow, `≥ ${value}`) })
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .meta({ id: 'figure' })

/** A dated event drawn on time charts. */
export const eventRule = closed(
    {
      date: z.string({ error: missingOr('missing', 'not text', 'text') }).regex(DATE_PATTERN, { error: say(MESSAGES.notDate, EXPECTED.date) }).meta({ description: 'YYYY, YYYY-MM or YYYY-MM-DD' }),
      label: localizedRule,
      source: sourceRule,
      note_zh: optionalNote('The note in Chinese; null for none.'),
      note_en: optionalNote('The note in English; null for none.'),
      note: optionalNote('Legacy single note: fills note_zh and note_en where they are not given.'),
    },
    say('not an event object', '{ date, label, source, note_zh, note_en }'),
  )
  .meta({ id: 'event' })

const record = <T extends z.ZodType>(value: T, error: string, expected: string) => z.record(z.string(), value, { error: say(error, expected) })

/** A dataset file (JSON), as written. Keys starting with `$` are not part of it (the reader ignores them). */
export const datasetRule = closed(
    {
      $schema: z.string().optional().meta({ description: 'Path or URL of this schema, for editors.' }),
      id: idRule.meta({ description: 'Dataset id. A user dataset with the id of a bundled one replaces it.' }),
      title: localizedRule,
      unit: unitRule.meta({ description: 'Default unit code for figures that name none.' }),
      notes: localizedRule.nullable().default(null),
      entities: record(entityRule, 'missing or not an object of entities', '{ "<id>": { "name": { "zh-CN", "en" } } }'),
      indicators: record(indicatorRule, 'missing or not an object of indicators', '{ "<id>": { "name": {…}, "unit": "…" } }'),
      groups: record(localizedRule, 'not an object of groups', '{ "<id>": { "zh-CN", "en" } }').optional(),
      events: z.array(eventRule, { error: say('not a list of events', '[{ date, label, source, note_zh, note_en }]') }).optional(),
      figures: z.array(figureRule, { error: say('missing or not a list of figures', '[{ entity, indicator, year, value, unit, source, … }]') }),
    },
    say('a dataset must be a JSON object', '{ "id", "title", "unit", "entities", "indicators", "figures" }'),
  )
  .meta({ title: 'G60 Briefing dataset file', description: 'A dataset: metadata plus figures, each figure with its source. See docs/datasets.md. Derived from src-shared/dataset-rules.ts by `npm run schema`.' })

/**
 * The JSON Schema (draft 2020-12) of a dataset file, for editors: derived from `datasetRule`, with
 * the tier rules of `TIER_NEEDS` as `if`/`then` and the title rules of `titleNeeds` (a title, or
 * title_zh and title_en; not a title with both translations).
 */
export function datasetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(datasetRule, {
    target: 'draft-2020-12',
    io: 'input',
    override: (ctx) => {
      if (ctx.zodSchema !== sourceRule) return
      const ownTitle = { required: ['title'], properties: { title: { type: 'string' } } }
      const bothNames = { required: ['title_zh', 'title_en'], properties: { title_zh: { type: 'string' }, title_en: { type: 'string' } } }
      const titles: object[] = [{ anyOf: [ownTitle, bothNames] }, { not: { allOf: [ownTitle, bothNames] } }]
      ctx.jsonSchema.allOf = [...titles, ...TIERS.flatMap((tier): object[] => {
        const need = TIER_NEEDS[tier]
        const filled = (field: string) => ({ required: [field], properties: { [field]: { type: 'string' } } })
        const then: Record<string, unknown>[] = []
        if (need.url) then.push(filled('url'))
        if (need.formula) then.push(filled('formula'))
        if (need.quoteOrFormula) then.push({ anyOf: [filled('quote'), filled('formula')] })
        return then.length === 0 ? [] : [{ if: { properties: { tier: { const: tier } } }, then: then.length === 1 ? then[0] : { allOf: then } }]
      })] as typeof ctx.jsonSchema.allOf
    },
  }) as Record<string, unknown>
}
