/**
 * Collects a table's cells column by column: text columns are interned to
 * small integer ids (per column), number columns go straight into typed
 * arrays. CSV feeds it byte ranges (no string per cell), XLSX feeds it cell
 * values. `finishTable` (table-finish.ts) turns the result into a dataset.
 */
import { ESCAPED, QUOTED, fieldText, scanQuoted } from './csv'
import { LimitError, MAX_TABLE_ROWS, checkField } from './limits'
import { halfWidth, parseNumber, parseYear, type Cell } from './fields'
import type { ProblemList } from './problems'
import { plainDecimal, POW10 } from './ascii-number'
import { ambiguousMessage, fileConvention, readDecimal, type Convention, type PendingDecimal } from './decimal-comma'

/** The columns of a figures table, in documented order. */
export const COLUMNS = [
  'entity',
  'indicator',
  'year',
  'period',
  'value',
  'value_high',
  'decimals',
  'unit',
  'qualifier',
  'tier',
  'source_title',
  'source_title_zh',
  'source_title_en',
  'source_url',
  'source_year',
  'quote',
  'formula',
  'input_tier',
  'note_zh',
  'note_en',
  'note',
  'conflict',
] as const
/** A figures-table column (see `COLUMNS`). */
export type ColumnName = (typeof COLUMNS)[number]
type Kind = 'text' | 'number' | 'year'

const KIND: Record<ColumnName, Kind> = {
  entity: 'text',
  indicator: 'text',
  year: 'year',
  period: 'text',
  value: 'number',
  value_high: 'number',
  decimals: 'number',
  unit: 'text',
  qualifier: 'text',
  tier: 'text',
  source_title: 'text',
  source_title_zh: 'text',
  source_title_en: 'text',
  source_url: 'text',
  source_year: 'year',
  quote: 'text',
  formula: 'text',
  input_tier: 'text',
  note_zh: 'text',
  note_en: 'text',
  note: 'text',
  conflict: 'text',
}

/** Header words accepted for each column (compared case-insensitively, `_`, `-` and spaces alike). */
export const COLUMN_ALIASES: Record<ColumnName, string[]> = {
  entity: ['实体', '地区', '城市', '区域', '对象'],
  indicator: ['指标', '指标名称'],
  year: ['年份', '年', '年度'],
  period: ['时期', '期间', '时段'],
  value: ['数值', '值', '数据'],
  value_high: ['valuehigh', 'high', '上限', '数值上限'],
  decimals: ['小数位', '小数位数'],
  unit: ['单位'],
  qualifier: ['限定', '限定词', '精确度'],
  tier: ['来源等级', '等级', '来源类型', 'source_tier'],
  source_title: ['source', '来源', '来源标题', '出处'],
  source_title_zh: ['中文来源标题', '来源标题中文', '来源中文标题'],
  source_title_en: ['英文来源标题', '来源标题英文', '来源英文标题'],
  source_url: ['url', 'link', '链接', '网址', '来源链接'],
  source_year: ['来源年份', '发布年份'],
  quote: ['引文', '原文', '引用'],
  formula: ['公式', '计算公式'],
  input_tier: ['inputtier', '输入等级'],
  note_zh: ['notes_zh', 'note_zh_cn', '中文备注', '备注中文', '中文说明', '中文注释'],
  note_en: ['notes_en', '英文备注', '备注英文', '英文说明', '英文注释'],
  // A single note (files written before notes were bilingual): shown in both languages.
  note: ['notes', '备注', '说明', '注释'],
  conflict: ['冲突', '有冲突'],
}

const norm = (s: string): string => halfWidth(s).trim().toLowerCase().replace(/[\s_-]+/g, '_')
const HEADER = new Map<string, ColumnName>()
for (const c of COLUMNS) {
  HEADER.set(c, c)
  for (const a of COLUMN_ALIASES[c]) HEADER.set(norm(a), c)
}

/** The column a header cell names, in English or Chinese (see docs/dataset-files.md), or `undefined`. */
export function columnFor(header: string): ColumnName | undefined {
  return HEADER.get(norm(header))
}

const LF = 10
const CR = 13
const QUOTE = 34
const MINUS = 45
const DOT = 46
const SPACE = 32

/** MurmurHash2's multiplier (Austin Appleby, public domain), the mixing step of `wordHash`. */
const MURMUR_M = 0x5bd1e995

/**
 * A 32-bit hash of bytes [start, end) of `b` (`v` views the same bytes), read
 * four at a time: a cell's bytes are hashed after its end is found, with a
 * multiply per word rather than per byte, and mixed at the end so the low
 * bits (the table slot) depend on every byte. Only `TextColumn` uses it.
 */
export function wordHash(v: DataView, b: Uint8Array, start: number, end: number): number {
  let h = end - start
  let k = start
  for (; k + 4 <= end; k += 4) {
    h = Math.imul(h ^ v.getInt32(k, true), MURMUR_M)
    h ^= h >>> 15
  }
  let w = 0
  for (let shift = 0; k < end; k++, shift += 8) w |= b[k]! << shift
  h = Math.imul(h ^ w, MURMUR_M)
  h ^= h >>> 13
  h = Math.imul(h, MURMUR_M)
  return h ^ (h >>> 15)
}

/** Text values of one column, interned to ids; id 0 is the empty cell. */
export class TextColumn {
  ids = new Uint32Array(1024)
  texts: (string | undefined)[] = ['']
  private starts: number[] = [0]
  private ends: number[] = [0]
  private table = new Int32Array(1024)
  /** The hash of each interned byte range, compared before its bytes. */
  private hashes = new Int32Array(1024)
  private view: DataView | null = null
  private viewBytes: Uint8Array | null = null
  private byText = new Map<string, number>()
  /** The last cell `internCell` read: where its bytes start, how many, and its id. */
  private lastBytes: Uint8Array | null = null
  private lastStart = 0
  private lastLength = -1
  private lastId = 0

  constructor(private bytes: Uint8Array) {}

  intern(b: Uint8Array, start: number, end: number, flags: number): number {
    while (start < end && (b[start] === 32 || b[start] === 9)) start++
    while (end > start && (b[end - 1] === 32 || b[end - 1] === 9)) end--
    if (start === end) return 0
    if (flags & ESCAPED) return this.internText(fieldText(b, start, end, flags))
    return this.internHashed(b, start, end, this.hash(b, start, end))
  }

  /** The `wordHash` of bytes [start, end) of `b`, as `internHashed` takes it. */
  hash(b: Uint8Array, start: number, end: number): number {
    return wordHash(this.viewBytes === b ? this.view! : this.viewOf(b), b, start, end)
  }

  /**
   * Interns bytes [start, end) of `b` (already trimmed, not empty, no doubled
   * quotes): the id of the last cell read this way when the bytes are the
   * same (columns often repeat the row above, and its bytes are still in
   * cache), else by hash.
   */
  internCell(b: Uint8Array, start: number, end: number): number {
    const len = end - start
    if (len === this.lastLength && this.lastBytes === b) {
      const s = this.lastStart
      const v = this.viewBytes === b ? this.view! : this.viewOf(b)
      let k = 0
      while (k + 4 <= len && v.getInt32(start + k) === v.getInt32(s + k)) k += 4
      while (k < len && b[start + k] === b[s + k]) k++
      if (k === len) {
        this.lastStart = start
        return this.lastId
      }
    }
    const id = this.internHashed(b, start, end, this.hash(b, start, end))
    this.lastBytes = b
    this.lastStart = start
    this.lastLength = len
    this.lastId = id
    return id
  }

  /**
   * Interns bytes [start, end) of `b` (already trimmed, not empty, no doubled
   * quotes) whose hash (`hash`) the caller computed.
   */
  internHashed(b: Uint8Array, start: number, end: number, h: number): number {
    const table = this.table
    const mask = table.length - 1
    const len = end - start
    let slot = h & mask
    for (;;) {
      const id = table[slot]!
      if (id === 0) break
      const s = this.starts[id]!
      if (this.hashes[id] === h && this.ends[id]! - s === len && s >= 0) {
        // Four bytes at a time, then the rest.
        const v = this.viewBytes === b ? this.view! : this.viewOf(b)
        let k = 0
        while (k + 4 <= len && v.getInt32(start + k) === v.getInt32(s + k)) k += 4
        while (k < len && b[start + k] === b[s + k]) k++
        if (k === len) return id
      }
      slot = (slot + 1) & mask
    }
    const id = this.texts.length
    this.texts.push(undefined)
    this.starts.push(start)
    this.ends.push(end)
    // `>=`: ids interned as strings (`internText`) take ids without a hash.
    if (id >= this.hashes.length) {
      const grown = new Int32Array(id * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[id] = h
    table[slot] = id
    if (id * 2 > table.length) this.rehash()
    return id
  }

  private viewOf(b: Uint8Array): DataView {
    this.viewBytes = b
    return (this.view = new DataView(b.buffer, b.byteOffset, b.byteLength))
  }

  /** The text of an interned id, trimmed ('' for id 0). */
  textAt(id: number): string {
    return this.texts[id] ?? new TextDecoder().decode(this.bytes.subarray(this.starts[id], this.ends[id])).trim()
  }

  internText(s: string): number {
    const t = s.trim()
    if (t === '') return 0
    let id = this.byText.get(t)
    if (id === undefined) {
      id = this.texts.length
      this.texts.push(t)
      this.starts.push(-1)
      this.ends.push(-1)
      this.byText.set(t, id)
    }
    return id
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 4)
    const mask = table.length - 1
    for (let id = 1; id < this.texts.length; id++) {
      const s = this.starts[id]!
      if (s < 0) continue
      let slot = this.hashes[id]! & mask
      while (table[slot] !== 0) slot = (slot + 1) & mask
      table[slot] = id
    }
    this.table = table
  }

  /**
   * Every interned text, decoded once. The same text can have come in as bytes
   * and as a string (a CSV field with and without quotes around spaces, an
   * XLSX shared string and a formula's text): the first rows `ids` of such
   * cells are rewritten to one id, so equal texts compare equal by id.
   */
  finish(rows: number): string[] {
    const dec = new TextDecoder()
    const texts = this.texts.map((t, id) => t ?? dec.decode(this.bytes.subarray(this.starts[id], this.ends[id])).trim())
    const seen = new Map<string, number>()
    let remap: Uint32Array | null = null
    for (let id = 0; id < texts.length; id++) {
      const first = seen.get(texts[id]!)
      if (first === undefined) seen.set(texts[id]!, id)
      else (remap ??= Uint32Array.from(texts, (_, k) => k))[id] = first
    }
    if (remap) for (let i = 0; i < rows; i++) this.ids[i] = remap[this.ids[i]!]!
    return texts
  }
}

/** A numeric column being filled: values (NaN for a gap) and, where asked, which cells were written with %. */
export class NumberColumn {
  values = new Float64Array(1024)
  percent: Uint8Array | null
  constructor(
    readonly kind: 'number' | 'year',
    withPercent: boolean,
  ) {
    this.percent = withPercent ? new Uint8Array(1024) : null
  }
}

/** A cell that could not be read as its column's type. */
export interface BadCell {
  index: number
  column: ColumnName
  text: string
  /** Why, when it is not simply "not a number" / "not a year". */
  message?: string
}

/** Collects the rows of a CSV or XLSX figures table into columns (interned texts, numbers), keeping each row's file row for problems. */
export class TableBuilder {
  /** File row (1-based) of each table row kept (blank rows are skipped). */
  rows = new Int32Array(1024)
  length = 0
  /** Logical column of each file column, or -1 for an ignored (header-less) one. */
  readonly map: Int8Array
  readonly headerText: Partial<Record<ColumnName, string>> = {}
  readonly text: Partial<Record<ColumnName, TextColumn>> = {}
  readonly num: Partial<Record<ColumnName, NumberColumn>> = {}
  readonly bad: BadCell[] = []
  private cols: (TextColumn | NumberColumn)[]
  /** Per slot: 0 text, 1 number, 2 year (what the CSV fast path parses). */
  private kinds: Uint8Array
  private names: ColumnName[]
  private filled = false
  private gen = 1
  private mark: Int32Array
  /** Header-less columns that hold a value: row of the first one. */
  readonly stray = new Map<number, number>()
  /**
   * Read `8,5` as 8.5 and `1.121` as 1121 when the file shows that convention
   * (semicolon- and tab-separated files; see decimal-comma.ts).
   */
  decimalCommas = false
  /**
   * How a cell with two readings (`1.121`, `1,121`) reads when the file shows
   * no convention: null refuses it (a semicolon- or tab-separated file, likely
   * from a decimal-comma locale); XLSX text cells read with a point.
   */
  decimalFallback: Convention | null = null
  private decimalSeen: Record<Convention, number> = { comma: 0, point: 0 }
  private pendingDecimals: (PendingDecimal & { column: ColumnName; slot: number })[] = []

  constructor(
    header: string[],
    readonly headerRow: number,
    p: ProblemList,
    bytes: Uint8Array = new Uint8Array(0),
  ) {
    let last = header.length
    while (last > 0 && header[last - 1]!.trim() === '') last--
    this.map = new Int8Array(Math.max(last, 1)).fill(-1)
    this.cols = []
    this.names = []
    this.mark = new Int32Array(0)
    for (let i = 0; i < last; i++) {
      const h = header[i]!.trim()
      if (h === '') continue
      const name = columnFor(h)
      if (!name) {
        p.add(`unknown column "${h}"`, { row: headerRow, column: h, expected: COLUMNS.join(', ') })
        continue
      }
      if (this.headerText[name] !== undefined) {
        p.add(`column "${h}" repeats column "${this.headerText[name]}"`, { row: headerRow, column: h })
        continue
      }
      this.headerText[name] = h
      this.map[i] = this.cols.length
      this.names.push(name)
      if (KIND[name] === 'text') this.cols.push((this.text[name] = new TextColumn(bytes)))
      else this.cols.push((this.num[name] = new NumberColumn(KIND[name] as 'number' | 'year', name === 'value')))
    }
    this.mark = new Int32Array(this.cols.length)
    this.kinds = Uint8Array.from(this.cols, (c) => (c instanceof TextColumn ? 0 : c.kind === 'number' ? 1 : 2))
  }

  /** Makes room for about `rows` rows up front (a hint: the table still grows past it). */
  reserve(rows: number): void {
    if (rows >= this.rows.length) this.grow(rows + 1)
  }

  /**
   * Reads CSV records from byte `from` straight into the columns: the rules of
   * `readCsv` (csv.ts), fused with the cell handling of `field`. Text cells are
   * hashed four bytes at a time once their end is found, and numbers made of plain ASCII digits (an
   * optional `-`, at most one `.`, up to 15 digits) are parsed from the bytes;
   * a quoted field or any other cell (spaces, `1,234`, `6.7%`, `−3.5`,
   * full-width digits, `—`, a bad value) takes the general path of `field`,
   * so the result and the problems are the same as field by field.
   * Returns the row number of an unterminated quote, or 0.
   */
  // eslint-disable-next-line max-lines-per-function -- the CSV hot loop: one pass over the bytes with the column state in locals is what keeps it near split + Number() (docs/dataset-files.md)
  readCsvRows(b: Uint8Array, delim: number, from = 0, firstRow = 1): number {
    const n = b.length
    const map = this.map
    const mapLen = map.length
    const kinds = this.kinds
    const cols = this.cols
    // In a file that may use decimal commas, only whole numbers take the fast path.
    const fraction = !this.decimalCommas
    let i = from
    let row = firstRow
    while (i < n) {
      const r = this.length
      let col = 0
      for (;;) {
        const fieldStart = i
        if (b[i] === QUOTE) {
          const q = scanQuoted(b, i)
          const j = q >>> 1
          const flags = q & 1 ? QUOTED | ESCAPED : QUOTED
          if (j >= n) {
            this.field(col, b, i + 1, n, flags)
            this.endRow(row, col + 1)
            return row
          }
          this.field(col, b, i + 1, j, flags)
          i = j + 1
          // Excel never writes text after a closing quote; skip it rather than fail.
          while (i < n && b[i] !== delim && b[i] !== LF && b[i] !== CR) i++
        } else {
          const slot = col < mapLen ? map[col]! : -1
          let j = i
          if (slot < 0) {
            while (j < n) {
              const c = b[j]!
              if (c === delim || (c <= CR && (c === LF || c === CR))) break
              j++
            }
            if (j > i) this.field(col, b, i, j, 0)
          } else if (kinds[slot] === 0) {
            while (j < n) {
              const c = b[j]!
              if (c === delim || (c <= CR && (c === LF || c === CR))) break
              j++
            }
            const tc = cols[slot] as TextColumn
            if (j === i) tc.ids[r] = 0
            // Spaces or tabs around the text (or any control byte there: `field` trims only those two) take the general path.
            else if (b[i]! <= SPACE || b[j - 1]! <= SPACE) this.field(col, b, i, j, 0)
            else {
              tc.ids[r] = tc.internCell(b, i, j)
              this.filled = true
            }
          } else {
            const neg = b[j] === MINUS
            if (neg) j++
            let mant = 0
            let digits = 0
            let frac = -1
            while (j < n) {
              const c = b[j]!
              if (c >= 48 && c <= 57) {
                mant = mant * 10 + (c - 48)
                digits++
                if (frac >= 0) frac++
              } else if (c === DOT && frac < 0) frac = 0
              else break
              j++
            }
            const c = j < n ? b[j]! : LF
            const nc = cols[slot] as NumberColumn
            if ((c === delim || c === LF || c === CR) && digits > 0 && digits <= 15 && (frac < 0 || (kinds[slot] === 1 && fraction))) {
              const v = frac > 0 ? mant / POW10[frac]! : mant
              nc.values[r] = neg ? -v : v
              if (nc.percent) nc.percent[r] = 0
              this.filled = true
            } else if (j === i && (c === delim || c === LF || c === CR)) {
              nc.values[r] = NaN
              if (nc.percent) nc.percent[r] = 0
            } else {
              while (j < n) {
                const c = b[j]!
                if (c === delim || (c <= CR && (c === LF || c === CR))) break
                j++
              }
              this.field(col, b, i, j, 0)
            }
          }
          i = j
        }
        checkField(row, col, i - fieldStart)
        col++
        if (i >= n) {
          this.endRow(row, col)
          return 0
        }
        const c = b[i]
        if (c === delim) {
          i++
          if (i >= n) {
            this.field(col, b, n, n, 0)
            this.endRow(row, col + 1)
            return 0
          }
          continue
        }
        if (c === CR) i++
        if (i < n && b[i] === LF) i++
        this.endRow(row++, col)
        break
      }
    }
    return 0
  }

  /** A CSV field as bytes. */
  field(col: number, b: Uint8Array, start: number, end: number, flags: number): void {
    const i = this.length
    const slot = col < this.map.length ? this.map[col]! : -1
    if (slot < 0) {
      if (end > start && !this.stray.has(col) && fieldText(b, start, end, flags).trim() !== '') this.stray.set(col, i)
      return
    }
    this.mark[slot] = this.gen
    const c = this.cols[slot]!
    if (c instanceof TextColumn) {
      const id = c.intern(b, start, end, flags)
      c.ids[i] = id
      if (id !== 0) this.filled = true
      return
    }
    while (start < end && b[start] === 32) start++
    while (end > start && b[end - 1] === 32) end--
    if (start === end) {
      c.values[i] = NaN
      if (c.percent) c.percent[i] = 0
      return
    }
    this.filled = true
    const v = plainDecimal(b, start, end, c.kind === 'number' && !this.decimalCommas)
    if (!Number.isNaN(v)) {
      c.values[i] = v
      if (c.percent) c.percent[i] = 0
      return
    }
    this.cell(col, fieldText(b, start, end, flags))
  }

  /** A cell value (XLSX, or a CSV field the fast path could not read). */
  cell(col: number, v: Cell): void {
    const i = this.length
    const slot = col < this.map.length ? this.map[col]! : -1
    const blank = v === null || (typeof v === 'string' && v.trim() === '')
    if (slot < 0) {
      if (!blank && !this.stray.has(col)) this.stray.set(col, i)
      return
    }
    if (!blank) this.filled = true
    this.mark[slot] = this.gen
    const c = this.cols[slot]!
    if (c instanceof TextColumn) {
      c.ids[i] = blank ? 0 : c.internText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v))
      return
    }
    if (this.decimalCommas && c.kind === 'number' && typeof v === 'string' && this.decimalCell(c, slot, i, v)) return
    const r = c.kind === 'year' ? parseYear(v) : parseNumber(v)
    if (c.percent) c.percent[i] = r.ok && 'percent' in r && r.percent ? 1 : 0
    if (r.ok) c.values[i] = r.value ?? NaN
    else {
      c.values[i] = NaN
      this.bad.push({ index: i, column: this.names[slot]!, text: v instanceof Date ? v.toISOString() : String(v) })
    }
  }

  /** Reads `v` under both decimal conventions; false when it has no separator (the ordinary parser reads it). */
  private decimalCell(c: NumberColumn, slot: number, i: number, v: string): boolean {
    const d = readDecimal(v)
    if (!d) return false
    if (c.percent) c.percent[i] = d.percent ? 1 : 0
    if (d.kind === 'sure') {
      c.values[i] = d.value
      this.decimalSeen[d.convention]++
    } else {
      c.values[i] = NaN
      this.pendingDecimals.push({ index: i, text: v.trim(), comma: d.comma, point: d.point, column: this.names[slot]!, slot })
    }
    return true
  }

  /** Settles the cells with two readings by the file's convention, or reports them as bad cells. Call once, after the last row. */
  resolveDecimals(): void {
    const convention = fileConvention(this.decimalSeen, this.decimalFallback)
    for (const p of this.pendingDecimals) {
      if (p.index >= this.length) continue
      if (convention) (this.cols[p.slot] as NumberColumn).values[p.index] = p[convention]
      else this.bad.push({ index: p.index, column: p.column, text: p.text, message: ambiguousMessage(p, this.decimalSeen) })
    }
    this.pendingDecimals = []
  }

  /** A number cell (XLSX): written straight into a number column, otherwise handled as `cell`. */
  numberCell(col: number, v: number): void {
    const slot = col < this.map.length ? this.map[col]! : -1
    const c = slot < 0 ? undefined : this.cols[slot]!
    if (c === undefined || c instanceof TextColumn || !Number.isFinite(v) || (c.kind === 'year' && !Number.isInteger(v))) return this.cell(col, v)
    const i = this.length
    this.mark[slot] = this.gen
    this.filled = true
    c.values[i] = v
    if (c.percent) c.percent[i] = 0
  }

  /**
   * Ends a row; a row with no value in any column is dropped. `reached`, when
   * given, is how many fields the row had (a CSV record sets every column
   * before that one); otherwise the columns set since the last row are marked.
   */
  endRow(fileRow: number, reached = -1): void {
    const i = this.length
    if (!this.filled) {
      while (this.bad.length > 0 && this.bad[this.bad.length - 1]!.index === i) this.bad.pop()
      if (this.stray.size > 0) for (const [col, at] of this.stray) if (at === i) this.stray.delete(col)
    }
    // Short rows: columns the row did not reach are empty.
    const from = reached < 0 ? 0 : Math.min(reached, this.map.length)
    for (let k = from; k < this.map.length; k++) {
      const slot = this.map[k]!
      if (slot < 0 || (reached < 0 && this.mark[slot] === this.gen)) continue
      const c = this.cols[slot]!
      if (c instanceof TextColumn) c.ids[i] = 0
      else {
        c.values[i] = NaN
        if (c.percent) c.percent[i] = 0
      }
    }
    this.gen++
    if (!this.filled) return
    this.filled = false
    if (i >= MAX_TABLE_ROWS) throw new LimitError(fileRow, 'rows')
    this.rows[i] = fileRow
    this.length = i + 1
    if (this.length === this.rows.length) this.grow()
  }

  private grow(min = 0): void {
    const n = Math.max(this.rows.length * 2, min)
    const g = <T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n)
      b.set(a)
      return b
    }
    this.rows = g(this.rows)
    for (const c of this.cols) {
      if (c instanceof TextColumn) c.ids = g(c.ids)
      else {
        c.values = g(c.values)
        if (c.percent) c.percent = g(c.percent)
      }
    }
  }
}
