/**
 * What an exported chart says, read back from the SVG the briefing pack writes
 * (render.ts → compose.ts → ECharts SSR + caption), for every chart of every
 * dashboard in both languages, on the bundled data:
 *
 * (a) every number drawn is a figure of the chart's table at the precision its
 *     source prints (the label may be in the chart's axis unit), an axis tick,
 *     a year, or a span's length: no rounded, padded or invented number;
 * (b) the source line names each source under its own tier, with the heading of
 *     that tier in the export's language, and only the seed article is "the
 *     article" (原文 / Article / source article);
 * (d) one number format per chart: values are drawn in the axis unit, no label
 *     carries its own scale word ("3.92 万" against a "40,000" axis);
 * (c) a zh-CN export has no English sentence (three Latin words in a row) apart
 *     from the own titles of English pages and URLs (a Chinese page's title is
 *     Chinese, a description we wrote is in Chinese: tests/fixtures/source-languages.ts
 *     says which pages are English), and none of the app's own English words; nor
 *     have its tooltips or the table printed under it in the pack's PDF (notes,
 *     formulas, tiers) one; an en export shows a Chinese page's title with its
 *     English translation in brackets.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DASHBOARDS } from '../../../src-shared/charts'
import type { DataIndex } from '../../../src-shared/charts/types'
import { sourceTitle, toColumnar, TIERS, TRANSLATION_BRACKETS, type ColumnarDataset, type DatasetFile } from '../../../src-shared/dataset'
import { MESSAGES, t } from '../../../src-shared/i18n'
import { LANGS, type Lang } from '../../../src-shared/settings'
import { buildChart, chartContext, chartSvgFromResult } from '../../../src-main/export/render'
import type { ChartData } from '../../../src-main/export/compose'
import { englishPageTitles, pageLanguage, sourcesOfFiles } from '../../fixtures/source-languages'

const dir = resolve(import.meta.dirname, '../../../resources/datasets')
const files = ['article-facts', 'rectification', 'songjiang-economy', 'nine-cities'].map((id) => JSON.parse(readFileSync(resolve(dir, `${id}.json`), 'utf8')) as DatasetFile)
const datasets = files.map(toColumnar)
/** What a zh-CN export may show in English: the own titles of English pages (never a description or a Chinese page's title). */
const ENGLISH_TITLES = englishPageTitles(sourcesOfFiles(files))
const data: DataIndex = new Map<string, ColumnarDataset>(datasets.map((d) => [d.meta.id, d]))
const charts = Object.values(DASHBOARDS).flatMap((d) => d.charts)

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!))

interface Export {
  id: string
  lang: Lang
  result: ChartData
  /** Texts of the chart picture (labels, ticks, legend, axis names, footnote). */
  body: string[]
  /** The caption's title, source and meta lines, each joined back into one string. */
  title: string
  sourceLine: string
  meta: string
}

/** Every chart as the pack exports it (1920×1080, light, caption on), its texts split into picture and caption. */
function exportAll(): Export[] {
  return LANGS.flatMap((lang) =>
    charts.map((spec) => {
      const opts = { width: 1920, height: 1080, theme: 'light' as const, lang, background: 'solid' as const, caption: true }
      const built = buildChart(spec, data, chartContext(opts))
      if ('error' in built) throw new Error(`${spec.id}: ${built.error}`)
      const svg = chartSvgFromResult(built.title, built.result, opts)
      const at = svg.indexOf('<g class="g60-caption">')
      const caption = [...svg.slice(at).matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ bold: m[1]!.includes('font-weight="700"'), text: decode(m[2]!) }))
      const titleLines = caption.filter((l) => l.bold).map((l) => l.text)
      const rest = caption.filter((l) => !l.bold).map((l) => l.text)
      // The meta line ("Data as of …" / "数据截至 …") closes the caption; the source line wraps above it.
      const metaAt = rest.findIndex((l) => l.startsWith(t(lang, 'exportText.asOf', { date: '' }).trim()))
      const join = (lines: string[]) => lines.join(lang === 'en' ? ' ' : '\n')
      return {
        id: spec.id,
        lang,
        result: built.result,
        body: texts(svg.slice(0, at)),
        title: join(titleLines),
        sourceLine: join(metaAt < 0 ? rest : rest.slice(0, metaAt)),
        meta: join(metaAt < 0 ? [] : rest.slice(metaAt)),
      }
    }),
  )
}

/** A pattern for `s` that also matches it broken over caption lines (a line break or space between any two characters). */
const wrapped = (s: string): RegExp => new RegExp([...s].map((c) => (c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\s*'), 'g')

const groupSep = (lang: Lang) => (lang === 'en' ? ',' : ',')
const plain = (s: string, lang: Lang) => s.replaceAll(groupSep(lang), '').replace('−', '-')
const decimalsIn = (s: string) => (s.includes('.') ? s.split('.')[1]!.length : 0)

/** The numbers a chart's table prints (both ends of a range), with their printed decimals. */
function printed(r: ChartData, lang: Lang): { v: number; dec: number }[] {
  return r.table.flatMap((row) => row.value.split('–').filter((x) => /\d/.test(x)).map((x) => plain(x.trim(), lang)).map((x) => ({ v: Number(x), dec: decimalsIn(x) })))
}

/** Scales a chart may draw its values in (its axis unit): 1, 10 (亿元 → billion), 10⁴ (万), 10⁸ (亿), 10⁶, 10⁹. */
const SCALES = [1, 10, 100, 1e4, 1e6, 1e8, 1e9]

/** Whether `token` prints one of the table's numbers at some scale, keeping exactly its printed digits. */
function isFigure(token: string, table: { v: number; dec: number }[], lang: Lang): boolean {
  const n = Number(plain(token, lang))
  const dec = decimalsIn(plain(token, lang))
  return table.some(({ v, dec: d }) =>
    SCALES.some((s) => {
      if (Math.abs(v / s - n) >= 1e-9 * Math.max(1, Math.abs(n))) return false
      const exact = Math.max(0, d + Math.round(Math.log10(s)))
      // Stated decimals (55.0) are printed exactly; a whole number's trailing zeros (39,200 → 3.92 万) are no precision claim.
      return d > 0 ? dec === exact : dec <= exact
    }),
  )
}

/** Pure-number texts that are evenly spaced from another two or more (axis ticks: 0, 500, 1,000 …), or the ends of a colour scale (`visualMap` min and max). */
function ticks(body: string[], lang: Lang, option: Record<string, unknown>): Set<string> {
  const nums = body.filter((s) => /^-?[\d,]+(\.\d+)?%?$/.test(s)).map((s) => ({ s, n: Number(plain(s.replace('%', ''), lang)) }))
  const out = new Set<string>()
  const scales = [option.visualMap ?? []].flat() as { min?: number; max?: number }[]
  for (const x of nums) if (scales.some((v) => x.n === v.min || x.n === v.max)) out.add(x.s)
  for (const a of nums)
    for (const b of nums) {
      const step = b.n - a.n
      if (step <= 0) continue
      const c = nums.find((x) => Math.abs(x.n - (b.n + step)) < 1e-9)
      if (c) for (const x of [a, b, c]) out.add(x.s)
    }
  return out
}

/** The numbers in `text` that are neither years, spans, event labels nor fractions: each must be a figure. */
function unexplainedNumbers(e: Export, text: string, table: { v: number; dec: number }[]): string[] {
  const stripped = text
    .replace(/\d{4}\s*[→–-]\s*\d{4}(\s*[,，]\s*\d+\s*(years?|年))?/g, ' ') // spans "2013→2015, 2 years", periods "2016–2019"
    .replace(/\b\d\.0\b(?=[*‡†]*(\s|$|·))/g, ' ') // edition labels "1.0", "2.0", "3.0" of the timeline
    .replace(/\b\d+th FYP\b/g, ' ')
    .replace(/[≈=]\s*\d+\/\d+/g, ' ') // the fraction a share is stated as ("≈1/15")
    .replace(/(^|[^\d,.])(19|20)\d{2}(?![\d,.])/g, '$1 ') // years
    .replace(/G60/g, ' ')
  return [...stripped.matchAll(/[-−]?\d[\d,]*(\.\d+)?/g)].map((m) => m[0]).filter((tok) => !isFigure(tok, table, e.lang))
}

const exports = exportAll()
const zh = exports.filter((e) => e.lang === 'zh-CN')

describe('every exported chart, read back from its SVG', () => {
  it('exports every chart in both languages', () => {
    expect(exports).toHaveLength(charts.length * 2)
    expect(charts.length).toBeGreaterThanOrEqual(15)
  })

  it('(a) draws only numbers of its table, at the precision their source prints, besides ticks, years and spans', () => {
    const bad: string[] = []
    for (const e of exports) {
      const table = printed(e.result, e.lang)
      const tick = ticks(e.body, e.lang, e.result.option)
      for (const s of [...e.body.filter((x) => !tick.has(x)), e.title, e.meta]) for (const n of unexplainedNumbers(e, s, table)) bad.push(`${e.id} ${e.lang}: "${n}" in "${s}"`)
    }
    expect(bad).toEqual([])
  })

  it('(b) lists each source under its own tier, in the export language, and calls only the seed article the article', () => {
    const bad: string[] = []
    for (const e of exports) {
      const line = e.sourceLine.replace(/\s+/g, ' ')
      const lead = t(e.lang, 'charts.sourceLine.lead')
      if (!line.startsWith(`${lead} — `)) bad.push(`${e.id} ${e.lang}: source line does not start with "${lead} — ": ${line.slice(0, 40)}`)
      const heads = TIERS.map((tier) => ({ tier, head: t(e.lang, `charts.sourceLine.${tier}`) + t(e.lang, 'charts.sourceLine.colon') }))
      for (const s of e.result.sources) {
        // Found under its own tier's heading: the heading comes after the lead, before the title, with no other heading between.
        const own = heads.find((h) => h.tier === s.tier)!
        const at = line.search(wrapped(own.head.trim()))
        const title = line.slice(at).search(wrapped(sourceTitle(s, e.lang)))
        const between = at < 0 || title < 0 ? '' : line.slice(at + own.head.length, at + title)
        if (at < 0 || title < 0 || heads.some((h) => h.tier !== s.tier && between.includes(h.head.trim()))) bad.push(`${e.id} ${e.lang}: "${sourceTitle(s, e.lang)}" is not under "${own.head}"`)
      }
      // The article's words appear only where the seed article is a source, and it is the only source without an address that may be.
      const seed = e.result.sources.some((s) => s.tier === 'article' && s.url === null)
      const articleWords = e.lang === 'en' ? /\b(Article:|source article)/i : /原文/
      if (!seed && articleWords.test(line)) bad.push(`${e.id} ${e.lang}: calls a source the article without the seed article among its sources`)
      for (const s of e.result.sources) if (s.tier === 'article' && s.url !== null) bad.push(`${e.id}: "${sourceTitle(s, e.lang)}" has an address, so it is not the seed article`)
      // No heading repeats the lead ("Source — Source article").
      for (const h of heads) if (h.head.toLowerCase().includes(lead.toLowerCase().replace(/s$/, ''))) bad.push(`${e.id} ${e.lang}: heading "${h.head}" repeats the lead "${lead}"`)
    }
    expect(bad).toEqual([])
  })

  it('(d) draws every value in the chart\'s one unit: no label with its own scale word beside plain ticks', () => {
    const bad = exports.flatMap((e) => e.body.filter((x) => /\d\s*(万亿|亿|万|million|billion|trillion)(?![\u4e00-\u9fff\w])/.test(x)).map((x) => `${e.id} ${e.lang}: "${x}"`))
    expect(bad).toEqual([])
  })

  it('(c) has no English sentence in a zh-CN export apart from English pages\' titles and URLs', () => {
    const bad: string[] = []
    for (const e of zh) {
      for (const text of [...e.body, e.title, e.sourceLine, e.meta]) {
        const rest = ENGLISH_TITLES.reduce((s, title) => s.replace(wrapped(title), ' '), text).replace(/https?:\/\/\S+/g, ' ')
        // Three Latin words in a row (units, codes and names such as GDP, R&D, G60, ECharts, JSON count as words too).
        const m = /[A-Za-z][\w'’&.-]*(?:[\s,;:()]+[A-Za-z][\w'’&.-]*){2,}/.exec(rest)
        if (m) bad.push(`${e.id}: "${m[0]}" in "${text}"`)
      }
    }
    expect(bad).toEqual([])
  })

  it('(c) has no English sentence in a zh-CN chart\'s tooltips or table rows (the PDF prints the rows) apart from English pages\' titles, URLs and quotes', () => {
    const bad: string[] = []
    for (const e of zh) {
      const tips = JSON.stringify(e.result.option).match(/"tip":"(?:[^"\\]|\\.)*"/g) ?? []
      const fromTips = tips.map((x) => (JSON.parse(`{${x}}`) as { tip: string }).tip.replace(/<[^>]+>/g, '\n').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))))
      const fromRows = e.result.table.flatMap((r) => [r.entity, r.indicator, r.value, r.unit, r.qualifier, r.tier, r.source, r.note])
      for (const text of [...fromTips, ...fromRows]) {
        // A source's own words quoted in a note (“1/15 of national GDP”) stay as the source printed them, like its title.
        const rest = ENGLISH_TITLES.reduce((s, title) => s.split(title).join(' '), text).replace(/https?:\/\/\S+/g, ' ').replace(/“[^”]*”|"[^"]*"/g, ' ')
        const m = /[A-Za-z][\w'’&.-]*(?:[ ,;:()]+[A-Za-z][\w'’&.-]*){2,}/.exec(rest)
        if (m) bad.push(`${e.id}: "${m[0]}" in "${text.slice(0, 120)}"`)
      }
    }
    expect(bad).toEqual([])
  })

  it('(c) puts full-width brackets and colons around Chinese words in a zh-CN export, its tooltips and its table (合肥市（安徽省）, not 合肥市 (安徽省)), titles aside', () => {
    const halfWidth = /[\u3400-\u9fff][ ]?[():]|[(][ ]?[\u3400-\u9fff]|[\u3400-\u9fff][)]/
    const bad: string[] = []
    for (const e of zh) {
      const titles = [...new Set(e.result.sources.flatMap((s) => [sourceTitle(s, 'zh-CN'), s.url ?? '']).filter(Boolean))].sort((a, b) => b.length - a.length)
      const tips = JSON.stringify(e.result.option).match(/"tip":"(?:[^"\\]|\\.)*"/g) ?? []
      const fromTips = tips.map((x) => (JSON.parse(`{${x}}`) as { tip: string }).tip.replace(/<[^>]+>/g, '\n').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))))
      const fromRows = e.result.table.flatMap((r) => [r.entity, r.indicator, r.value, r.unit, r.qualifier, r.tier, r.note])
      for (const text of [...e.body, e.title, e.sourceLine, e.meta, ...fromTips, ...fromRows]) {
        const rest = titles.reduce((s, title) => s.split(title).join(' '), text).replace(/“[^”]*”/g, ' ')
        const m = halfWidth.exec(rest)
        if (m) bad.push(`${e.id}: "${m[0]}" in "${text.slice(0, 120)}"`)
      }
    }
    expect(bad).toEqual([])
  })

  it('(c) uses none of the app\'s own English words in a zh-CN export, not even inside a title', () => {
    const own = [...Object.values(MESSAGES.en.tiers), ...Object.values(MESSAGES.en.charts.sourceLine).filter((w) => /[A-Za-z]{4}/.test(w)), 'Derived from', 'Source']
    const bad: string[] = []
    for (const e of zh) for (const text of [...e.body, e.title, e.sourceLine, e.meta]) for (const w of own) if (wrapped(w).test(text)) bad.push(`${e.id}: "${w}" in "${text}"`)
    expect(bad).toEqual([])
  })

  it('(c) shows a Chinese page\'s own title in both languages, with its English translation in brackets in an en export', () => {
    const bad: string[] = []
    const chinese = sourcesOfFiles(files).filter((s) => pageLanguage(s) === 'zh' && s.title !== null)
    expect(chinese.length).toBeGreaterThan(10)
    for (const e of exports) {
      const line = e.sourceLine.replace(/\s+/g, ' ')
      for (const s of e.result.sources.filter((x) => pageLanguage(x) === 'zh' && x.title !== null && x.tier !== 'derived')) {
        const [open, close] = TRANSLATION_BRACKETS.en
        const want = e.lang === 'en' ? `${s.title}${open}${s.title_en}${close}` : s.title!
        if (!s.title_en) bad.push(`${e.id}: "${s.title}" has no English translation`)
        else if (!wrapped(want).test(line)) bad.push(`${e.id} ${e.lang}: "${want}" not in "${line.slice(0, 160)}"`)
        if (e.lang === 'zh-CN' && line.includes(s.title_en ?? '\u0000')) bad.push(`${e.id} zh-CN: English translation "${s.title_en}" shown`)
      }
    }
    expect(bad).toEqual([])
  })
})
