/** Collecting `DatasetProblem`s for one file, with values shown the way a person wrote them. */
import type { DatasetProblem } from '../../src-shared/dataset'

/** Where a problem is and what was found there: row, column, the value got and what was expected. */
export interface At {
  row?: number
  column?: string
  got?: unknown
  expected?: string
}

/** A value as shown in a problem's `got`: strings as written, the rest as JSON, cut at 80 characters. */
export function show(v: unknown): string {
  let s: string
  if (typeof v === 'string') s = v
  else if (v instanceof Date) s = v.toISOString().slice(0, 10)
  else if (v === undefined) s = 'nothing'
  else s = JSON.stringify(v) ?? String(v)
  return s.length > 80 ? `${s.slice(0, 77)}…` : s
}

/** The problems of one file, in the order found, each naming the file. */
export class ProblemList {
  readonly list: DatasetProblem[] = []

  constructor(
    readonly file: string,
    readonly sheet?: string,
  ) {}

  add(message: string, at: At = {}): void {
    const p: DatasetProblem = { file: this.file, message }
    if (this.sheet !== undefined) p.sheet = this.sheet
    if (at.row !== undefined) p.row = at.row
    if (at.column !== undefined) p.column = at.column
    if ('got' in at) p.got = show(at.got)
    if (at.expected !== undefined) p.expected = at.expected
    this.list.push(p)
  }

  get size(): number {
    return this.list.length
  }
}

/** `file:row:column: message (got …, expected …)`, as the CLI prints it. */
export function formatProblem(p: DatasetProblem): string {
  const file = p.sheet === undefined ? p.file : `${p.file}[${p.sheet}]`
  const where = [file, p.row, p.column].filter((x) => x !== undefined).join(':')
  const extra = [p.got !== undefined ? `got ${p.got}` : '', p.expected !== undefined ? `expected ${p.expected}` : ''].filter(Boolean).join(', ')
  return `${where}: ${p.message}${extra ? ` (${extra})` : ''}`
}
