/**
 * Notes under a table, as statistical yearbook tables end: a last row whose
 * only filled cell starts with 注, 注：, 说明, 资料来源, 数据来源, Note or
 * Source is a note of the dataset, not a broken figure.
 */
import type { TableBuilder } from './table-builder'

/** A cell that opens a note: the word, then an optional colon (half- or full-width) or space. */
export const NOTE_START = /^(注|说明|资料来源|数据来源|notes?|sources?)(\s*[:：]|\s|$)/i

/** The only filled cell of row `i`, when it is text; null when the row has a number or more than one cell. */
function onlyText(t: TableBuilder, i: number): string | null {
  let found: string | null = null
  let count = 0
  for (const c of Object.values(t.text)) {
    const id = c.ids[i]!
    if (id !== 0 && ++count === 1) found = c.textAt(id)
  }
  for (const c of Object.values(t.num)) if (!Number.isNaN(c.values[i]!)) return null
  for (const b of t.bad) if (b.index === i && ++count === 1) found = b.text.trim()
  for (const at of t.stray.values()) if (at === i) count++
  return count === 1 ? found : null
}

/** Removes the note rows at the end of `t` and returns their texts, top to bottom. */
export function takeNoteRows(t: TableBuilder): string[] {
  const notes: string[] = []
  let n = t.length
  while (n > 0) {
    const text = onlyText(t, n - 1)
    if (text === null || !NOTE_START.test(text)) break
    notes.unshift(text)
    n--
  }
  if (n === t.length) return notes
  t.length = n
  for (let k = t.bad.length - 1; k >= 0; k--) if (t.bad[k]!.index >= n) t.bad.splice(k, 1)
  for (const [col, at] of t.stray) if (at >= n) t.stray.delete(col)
  return notes
}

/** Adds note texts to a dataset's notes: Chinese ones to zh-CN, others to en. */
export function withNotes(zh: string | undefined, en: string | undefined, notes: string[]): { zh?: string; en?: string } {
  const join = (a: string | undefined, more: string[]): string | undefined => [a, ...more].filter((x) => x).join('\n') || undefined
  return { zh: join(zh, notes.filter((x) => /\p{Script=Han}/u.test(x))), en: join(en, notes.filter((x) => !/\p{Script=Han}/u.test(x))) }
}
