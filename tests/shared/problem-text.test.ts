/**
 * Dataset problems in the UI language: every problem text the loaders write
 * is read back into a key of the catalogue, every key is in both catalogues
 * with the same parameters, and broken files of our own read in Chinese
 * have no English sentence besides the file's own words.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadFolder } from '../../src-main/datasets/load-folder'
import { EXPECTED, MESSAGES, NEEDS, TITLE_NEEDS } from '../../src-shared/dataset-rules'
import { PROBLEMS_EN } from '../../src-shared/i18n/problems-en'
import { PROBLEMS_ZH_CN } from '../../src-shared/i18n/problems-zh-CN'
import { localizeProblem, problemKeyOf, problemText } from '../../src-shared/problem-text'
import type { DatasetProblem } from '../../src-shared/dataset'

const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
/** Three Latin words in a row: an English sentence (as tests/e2e/language.test.ts reads one). */
const english = (s: string): string | null => /[A-Za-z][\w'’&.-]*(?:[ ,;:()]+[A-Za-z][\w'’&.-]*){2,}/.exec(s)?.[0] ?? null

const dir = mkdtempSync(join(tmpdir(), 'g60-problems-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('problem texts', () => {
  it('has every key in both catalogues, with the same parameters', () => {
    expect(Object.keys(PROBLEMS_ZH_CN).sort()).toEqual(Object.keys(PROBLEMS_EN).sort())
    for (const [key, en] of Object.entries(PROBLEMS_EN)) expect(params(PROBLEMS_ZH_CN[key as keyof typeof PROBLEMS_EN]), key).toEqual(params(en))
  })

  it('has a key for every message and expected text of the rule book', () => {
    for (const text of [...Object.values(MESSAGES), ...Object.values(NEEDS), ...Object.values(TITLE_NEEDS), ...Object.values(EXPECTED)]) {
      expect(problemKeyOf(text), text).not.toBeNull()
      expect(english(problemText(text, 'zh-CN').replace(/docs\/[\w./-]+|https?:\/\/\S+/g, '')), text).toBeNull()
    }
  })

  it('reads parameters back and translates them', () => {
    expect(problemKeyOf('unknown column "colour"')).toEqual({ key: 'unknownColumn', params: { name: 'colour' } })
    expect(problemText('duplicate of row 7: same entity, indicator, year, period and source URL', 'zh-CN')).toBe('与第 7 行重复：对象、指标、年份、时期和来源网址都相同')
    expect(problemText('a file of the user that says anything', 'zh-CN')).toBe('a file of the user that says anything')
    expect(problemText('not a year', 'en')).toBe('not a year')
    // The details of notices: dropped files refused, with the path as written.
    expect(problemText('/home/u/a: b.txt: not a dataset file (.json, .csv or .xlsx)', 'zh-CN')).toBe('/home/u/a: b.txt：不是数据集文件（.json、.csv 或 .xlsx）')
    expect(problemText('/d/big.csv: too large (300 MiB, at most 200 MiB)', 'zh-CN')).toBe('/d/big.csv：太大（300 MiB，最多 200 MiB）')
    expect(problemText('… and 3 more', 'zh-CN')).toBe('……另有 3 项')
  })

  it('shows the problems of broken files in Chinese without English sentences, keeping file, row and column', async () => {
    const bad = join(dir, 'bad')
    const fixtures = resolve(import.meta.dirname, '../fixtures/datasets')
    const { mkdirSync, cpSync } = await import('node:fs')
    mkdirSync(bad)
    cpSync(fixtures, bad, { recursive: true })
    writeFileSync(
      join(bad, 'own-faults.csv'),
      [
        '#id,own-faults-rows',
        'entity,indicator,year,value,value_high,unit,qualifier,tier,source_title,source_url,quote,conflict,decimals',
        'a,b,20x1,1,,yuan-100m,exact,official,S,https://example.org/s,q,no,1',
        'a,b,2020,1,0,parsecs,roughly,official,S,ftp://x,q,maybe,9',
        'a,,2021,1,,yuan-100m,exact,,S,https://example.org/s,q,no,1',
        'a,b,2022,1,,yuan-100m,exact,official,S,,,no,1',
        'a,b,2023,1,,yuan-100m,exact,derived,S,,q,no,1',
        'a,b,2023,1,,yuan-100m,exact,derived,S,,q,no,1',
      ].join('\n'),
    )
    writeFileSync(join(bad, 'own-faults-head.csv'), ['#id,Own_Faults', '#colour,red', 'entity,indicator,year,value,tier,source_title,quote', 'a,b,2020,1,article,S,q'].join('\n'))
    writeFileSync(join(bad, 'own-faults.json'), JSON.stringify({ id: 'own-faults-json', colour: 'red', title: { 'zh-CN': '错', en: 'Bad' }, unit: 'percent', entities: {}, indicators: {}, figures: [{ entity: 'x', year: 'soon' }] }))
    const { problems } = await loadFolder(bad)
    const ours = problems.filter((p) => p.file.includes('own-faults'))
    expect(ours.length).toBeGreaterThan(15)
    const untranslated: string[] = []
    for (const p of problems) {
      expect(problemKeyOf(p.message), p.message).not.toBeNull()
      const zh = localizeProblem(p, 'zh-CN')
      expect({ file: zh.file, row: zh.row, sheet: zh.sheet }).toEqual({ file: p.file, row: p.row, sheet: p.sheet })
      // The file's own words (found values, lists of ids, keys or column names, JSON shapes, file paths)
      // and the JSON parser's own words (`detail`) may stay as written.
      const key = problemKeyOf(p.message)!
      const message = PROBLEMS_ZH_CN[key.key].replace(/\{(\w+)\}/g, (_, n: string) => (n === 'detail' ? '' : key.params[n]!))
      const expected = /^[\w-]+(?:, [\w-]+)*$/.test(zh.expected ?? '') ? '' : (zh.expected ?? '')
      const said = [message, expected].join(' ').replace(/\{[^}]*\}|\[[^\]]*\]|docs\/[\w./-]+|https?:\/\/\S+|\/\S+/g, '')
      const m = english(said)
      if (m) untranslated.push(`${p.message} / ${p.expected}: "${m}"`)
    }
    expect(untranslated).toEqual([])
    const rowOf = (key: string): DatasetProblem | undefined => ours.find((p) => problemKeyOf(p.message)?.key === key)
    expect(localizeProblem(rowOf('notYear')!, 'zh-CN')).toMatchObject({ message: '不是年份', row: 3, column: 'year', got: '20x1', expected: '1900 至 2100 之间的整数年份，或留空' })
  })
})
