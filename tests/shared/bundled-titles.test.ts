/**
 * The source titles of the bundled datasets (issue 12 §3): a Chinese page's
 * title is Chinese, with its English translation; an English page's title is
 * English, with none needed; a source without a page of its own (a description
 * we wrote, the seed article) has no `title` and is named in each language.
 * Which pages are English is written down independently of the data, from
 * sources.md (tests/fixtures/source-languages.ts). Like bundled-notes.test.ts,
 * the check is a plain function, also run against the titles as they were
 * (English for every page) to show that it fails on them.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceTitle, type DatasetFile, type Source } from '../../src-shared/dataset'
import { pageLanguage, sourcesOfFiles } from '../fixtures/source-languages'

const dir = resolve(import.meta.dirname, '../../resources/datasets')
const files: DatasetFile[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DatasetFile)

const CJK = /[\u3400-\u9fff]/
/** Two Latin words in a row: English text (a domain or a number alone is not). */
const ENGLISH = /[A-Za-z]{2,}[\s,()]+[A-Za-z]{2,}/

/** Every problem with the titles of `sources`, one line each. */
function titleProblems(sources: readonly Source[]): string[] {
  const out: string[] = []
  for (const s of new Set(sources)) {
    const name = sourceTitle(s, 'en')
    const lang = pageLanguage(s)
    if (lang === 'zh') {
      if (s.title === null || !CJK.test(s.title)) out.push(`${name}: a Chinese page's title is not Chinese`)
      if (!s.title_en || CJK.test(s.title_en)) out.push(`${name}: a Chinese page's title has no English translation`)
      if (s.title_zh !== undefined) out.push(`${name}: a Chinese page's title needs no Chinese translation`)
    } else if (lang === 'en') {
      if (s.title === null || CJK.test(s.title)) out.push(`${name}: an English page's title is not English`)
      if (s.title_en !== undefined) out.push(`${name}: an English page's title needs no English translation`)
    } else {
      if (s.title !== null) out.push(`${name}: a source without a page has no title of its own: title_zh and title_en name it`)
      if (!s.title_zh || !CJK.test(s.title_zh) || ENGLISH.test(s.title_zh)) out.push(`${name}: its Chinese name is not Chinese`)
      if (!s.title_en || CJK.test(s.title_en)) out.push(`${name}: its English name is not English`)
    }
  }
  return out
}

describe('bundled source titles', () => {
  const sources = sourcesOfFiles(files)

  it('are in the source\'s own language, with a translation for a Chinese page, and a description in both languages', () => {
    expect(sources.length).toBeGreaterThan(150)
    expect(new Set(sources.map((s) => pageLanguage(s)))).toEqual(new Set(['zh', 'en', null]))
    expect(titleProblems(sources)).toEqual([])
  })

  it('fail the check as they were: one English title for every source, Chinese pages and descriptions included', () => {
    const asBefore = sources.map(({ title_zh: _zh, title_en, ...s }): Source => ({ ...s, title: title_en ?? s.title }))
    const problems = titleProblems(asBefore)
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining("Third-party data files compiled from each city's statistical bulletin: a source without a page")]))
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining("Songjiang Yearbook 2018, page 197: a Chinese page's title is not Chinese")]))
  })

  it('show as the rule says in each language', () => {
    const yearbook = sources.find((s) => s.url?.endsWith('sjnj2018/files/basic-html/page197.html'))!
    expect(sourceTitle(yearbook, 'zh-CN')).toBe('松江年鉴2018 第197页（songjiang.gov.cn）')
    expect(sourceTitle(yearbook, 'en')).toBe('松江年鉴2018 第197页（songjiang.gov.cn） [Songjiang Yearbook 2018, page 197]')
    const shine = sources.find((s) => s.url === 'https://shine.cn/feature/district/2112149493/')!
    expect(sourceTitle(shine, 'zh-CN')).toBe('Shanghai Daily (shine.cn), district feature 2112149493')
    expect(sourceTitle(shine, 'en')).toBe('Shanghai Daily (shine.cn), district feature 2112149493')
    const files3p = sources.find((s) => s.url === null && s.tier === 'secondary' && s.quote?.startsWith('Suzhou'))!
    expect(sourceTitle(files3p, 'zh-CN')).toBe('根据各市统计公报整理的第三方数据文件')
    expect(sourceTitle(files3p, 'en')).toBe("Third-party data files compiled from each city's statistical bulletin")
  })
})
