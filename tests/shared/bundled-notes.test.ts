/**
 * The notes of the bundled datasets in both languages (issue 12 §3): every
 * figure and event note has a Chinese and an English text, the Chinese one is
 * Chinese, the English one English (Chinese only in a quotation marked as one,
 * with its English rendering), and the two state the same numbers — a translation never changes,
 * adds or drops one. Like bundled-datasets.test.ts, the checks are plain
 * functions, each also run against a broken copy to show that it can fail.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DatasetFile, Noted } from '../../src-shared/dataset'

const dir = resolve(import.meta.dirname, '../../resources/datasets')
const files: DatasetFile[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DatasetFile)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const SCALE: Record<string, number> = { million: 1e6, billion: 1e9, 万: 1e4, 亿: 1e8, '× 100 million': 1e8 }

/**
 * The numbers a note states, as a sorted list of distinct values: `1,033` is 1033, `2 million`
 * and `200万` are both 2,000,000, `3645 × 100 million` (the English for 3645亿) is 364,500,000,000,
 * an English month name is its number (November 2020 ↔ 2020年11月).
 */
function noteNumbers(text: string): number[] {
  const t = text.replace(new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g'), (m) => ` ${MONTHS.indexOf(m) + 1} `)
  const out = new Set<number>()
  for (const m of t.matchAll(/(\d+(?:,\d{3})*(?:\.\d+)?)\s*(× 100 million|million|billion|万|亿)?/g)) {
    out.add(Math.round(Number(m[1]!.replaceAll(',', '')) * (SCALE[m[2] ?? ''] ?? 1) * 1e6) / 1e6)
  }
  return [...out].sort((a, b) => a - b)
}

const CJK = /[\u3400-\u9fff]/

/**
 * Where an English note may hold Chinese: a quotation of a Chinese source marked as one and
 * followed by its English rendering (`in Chinese: "从…" ("from …")`), or a name's Chinese form
 * after its English one (`(Chinese name: 九科绿洲)`).
 */
const MARKED_CHINESE = /in Chinese: "[^"]*" \("[^"]*"\)|\(Chinese name: [^)]*\)/g

/** Every problem with the notes of `d`: a note in one language only, a zh note with no Chinese, an en note with unmarked Chinese, numbers that differ. */
function noteProblems(d: DatasetFile): string[] {
  const out: string[] = []
  const items: [string, Noted & Record<string, unknown>][] = [
    ...d.figures.map((f, i): [string, Noted & Record<string, unknown>] => [`${d.id} figure ${i + 1}`, f as unknown as Noted & Record<string, unknown>]),
    ...(d.events ?? []).map((e, i): [string, Noted & Record<string, unknown>] => [`${d.id} event ${i + 1}`, e as unknown as Noted & Record<string, unknown>]),
  ]
  for (const [where, x] of items) {
    if ('note' in x) out.push(`${where}: a legacy single note`)
    if (!('note_zh' in x) || !('note_en' in x)) out.push(`${where}: note_zh and note_en are not both written`)
    if ((x.note_zh === null) !== (x.note_en === null)) out.push(`${where}: a note in one language only`)
    if (x.note_zh === null || x.note_en === null) continue
    if (!CJK.test(x.note_zh)) out.push(`${where}: the zh note has no Chinese`)
    if (CJK.test(x.note_en.replace(MARKED_CHINESE, ''))) out.push(`${where}: Chinese in the en note outside a marked quotation`)
    const zh = noteNumbers(x.note_zh).join(' ')
    const en = noteNumbers(x.note_en).join(' ')
    if (zh !== en) out.push(`${where}: numbers differ: zh [${zh}], en [${en}]`)
  }
  return out
}

describe('bundled notes in both languages', () => {
  it('reads numbers the way both languages write them', () => {
    expect(noteNumbers('over 2 million m², 38 villas, November 2020, 1,033 ÷ 2.296')).toEqual([2.296, 11, 38, 1033, 2020, 2e6])
    expect(noteNumbers('逾200万平方米，38栋，2020年11月，1,033 ÷ 2.296')).toEqual([2.296, 11, 38, 1033, 2020, 2e6])
    expect(noteNumbers('364.5 billion yuan = 3645 亿元')).toEqual([364.5e9])
    expect(noteNumbers('"364.5 billion yuan", that is 3645 × 100 million yuan')).toEqual([364.5e9])
  })

  it('covers the bundled files and their notes', () => {
    expect(files.length).toBeGreaterThanOrEqual(4)
    const notes = new Set(files.flatMap((d) => [...d.figures, ...(d.events ?? [])].map((x) => x.note_en).filter(Boolean)))
    expect(notes.size).toBeGreaterThanOrEqual(45)
  })

  for (const d of files) {
    it(`${d.id}: every note in zh and en, the zh one Chinese, the en one English, both with the same numbers`, () => {
      expect(noteProblems(d)).toEqual([])
    })
  }

  it('each check can fail', () => {
    const d = structuredClone(files.find((x) => x.figures.some((f) => f.note_en?.includes('1,033')))!)
    const f = d.figures.find((x) => x.note_en?.includes('1,033'))!
    const broken = (change: (x: typeof f) => void): string[] => {
      const copy = structuredClone(d)
      change(copy.figures[d.figures.indexOf(f)]!)
      return noteProblems(copy)
    }
    expect(broken((x) => void (x.note_zh = x.note_zh!.replace('1,033', '1,034')))).toEqual([expect.stringContaining('numbers differ')])
    expect(broken((x) => void (x.note_zh = x.note_en))).toEqual([expect.stringContaining('no Chinese')])
    expect(broken((x) => void (x.note_en = x.note_en!.replace('1,033', '1,033 亿元')))).toEqual([expect.stringContaining('Chinese in the en note'), expect.stringContaining('numbers differ')])
    expect(broken((x) => void (x.note_zh = null))).toEqual([expect.stringContaining('one language only')])
    expect(broken((x) => void ((x as unknown as Record<string, unknown>).note = 'old'))).toEqual([expect.stringContaining('legacy')])
  })
})
