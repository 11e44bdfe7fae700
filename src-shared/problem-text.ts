/**
 * A dataset problem in the UI language. Loaders write each problem's texts
 * in English from the templates of `i18n/problems-en.ts` (the CLI prints them
 * so); here a text is read back into its key and `{params}` (`problemKeyOf`)
 * and written again from the catalogue of the UI language (`problemText`).
 * Keys are recovered from the text rather than carried beside it so that the
 * problems of the worker, the IPC contract and the CLI stay one plain shape;
 * a text no template matches (a file's own words) is shown as written.
 */
import type { DatasetProblem } from './dataset'
import type { Lang } from './settings'
import { PROBLEMS_EN, type ProblemKey } from './i18n/problems-en'
import { PROBLEMS_ZH_CN } from './i18n/problems-zh-CN'

/** The catalogue of problem texts of each UI language. */
export const PROBLEM_TEXTS: Record<Lang, Record<ProblemKey, string>> = { en: PROBLEMS_EN, 'zh-CN': PROBLEMS_ZH_CN }

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Each template as an anchored pattern with its parameter names; fixed texts by exact text. */
const FIXED = new Map<string, ProblemKey>()
const PATTERNS: { key: ProblemKey; re: RegExp; names: string[] }[] = []
for (const [key, template] of Object.entries(PROBLEMS_EN) as [ProblemKey, string][]) {
  const names: string[] = []
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part)
      if (!m) return escape(part)
      names.push(m[1]!)
      return '([\\s\\S]+?)'
    })
    .join('')
  if (names.length === 0) FIXED.set(template, key)
  else PATTERNS.push({ key, re: new RegExp(`^${source}$`), names })
}

/** The key and parameters of an English problem text, or null when no template writes it. */
export function problemKeyOf(text: string): { key: ProblemKey; params: Record<string, string> } | null {
  const fixed = FIXED.get(text)
  if (fixed !== undefined) return { key: fixed, params: {} }
  for (const { key, re, names } of PATTERNS) {
    const m = re.exec(text)
    if (m) return { key, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) }
  }
  return null
}

/** `text` (an English problem text) in `lang`; parameters that are texts of the catalogue are translated too; unknown texts as written. */
export function problemText(text: string, lang: Lang): string {
  if (lang === 'en') return text
  const found = problemKeyOf(text)
  if (!found) return text
  return PROBLEM_TEXTS[lang][found.key].replace(/\{(\w+)\}/g, (_, n: string) => {
    const v = found.params[n] ?? ''
    return n === 'detail' ? problemText(v, lang) : v
  })
}

/** The app's own words a problem's found value may be (anything else there is the file's own text, kept as written). */
const GOT_WORDS: ReadonlySet<ProblemKey> = new Set(['nothing', 'aList', 'noExtension', 'noSheets'])

/** A problem with its message, column, found value and expected value in `lang` (file, row, sheet and the file's own text as written). */
export function localizeProblem(p: DatasetProblem, lang: Lang): DatasetProblem {
  if (lang === 'en') return p
  const out: DatasetProblem = { ...p, message: problemText(p.message, lang) }
  if (p.column !== undefined && problemKeyOf(p.column)?.key === 'columnNumber') out.column = problemText(p.column, lang)
  if (p.got !== undefined && GOT_WORDS.has(FIXED.get(p.got)!)) out.got = problemText(p.got, lang)
  if (p.expected !== undefined) out.expected = problemText(p.expected, lang)
  return out
}
