/**
 * A fast reader for the parts of an XLSX workbook a dataset uses: the sheet
 * list, shared strings, which cell styles are dates, and each sheet's cells,
 * scanned from the XML bytes without building a DOM or an object per cell.
 * Cells come out the way ExcelJS reads them (see `plain` in xlsx-file.ts):
 * shared, inline and rich text as text, formulas by their cached result,
 * numbers in a date style as dates, hyperlinked cells by their link, merged
 * cells repeating the top-left value.
 */
import type { Cell } from './fields'
import { Unsupported, unzip, zipEntries, type ZipEntry } from './zip'

/** How a cell's value is written (its `t` attribute). */
export const NUM = 0
export const SHARED = 1
/** `t="str"` (a formula's text, or text from writers such as ExcelJS). */
export const STR = 2
export const INLINE = 3
export const BOOL = 4
export const ERROR = 5
export const ISO_DATE = 6

export interface SheetInfo {
  name: string
  path: string
}

export class Workbook {
  readonly sheets: SheetInfo[] = []
  readonly strings: string[] = []
  /** Per style index: 1 when its number format is a date or time. */
  dateStyles = new Uint8Array(0)
  date1904 = false
  private entries: Map<string, ZipEntry>

  constructor(private bytes: Uint8Array) {
    this.entries = zipEntries(bytes)
    const wbPath = this.officeDocument()
    const wb = this.text(wbPath)
    if (wb === null) throw new Error('the workbook part (xl/workbook.xml) is missing')
    if (/<\w+:workbook[\s>]/.test(wb)) throw new Unsupported('prefixed XML elements')
    const rels = this.rels(wbPath)
    const pr = /<workbookPr\b([^>]*)>/.exec(wb)
    this.date1904 = pr ? /\bdate1904="(1|true)"/.test(pr[1]!) : false
    for (const m of wb.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]!)
      const rid = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1]
      const rel = rid === undefined ? undefined : rels.get(rid)
      if (!rel || !rel.type.endsWith('/worksheet')) continue
      this.sheets.push({ name: decodeXml(a.name ?? ''), path: rel.target })
    }
    for (const rel of rels.values()) {
      if (rel.type.endsWith('/sharedStrings')) this.readStrings(rel.target)
      else if (rel.type.endsWith('/styles')) this.readStyles(rel.target)
    }
  }

  /** The unpacked XML of a part, or null when the archive lacks it. */
  part(path: string): Buffer | null {
    const e = this.entries.get(path)
    return e ? unzip(this.bytes, e) : null
  }

  /** Hyperlink targets of a sheet's cells (external links only, as ExcelJS reads them), by address. */
  hyperlinks(sheetPath: string, tail: string): Map<string, string> {
    const out = new Map<string, string>()
    if (!tail.includes('<hyperlink')) return out
    const rels = this.rels(sheetPath)
    for (const m of tail.matchAll(/<hyperlink\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]!)
      const rid = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1]
      const target = rid === undefined ? undefined : rels.get(rid)?.rawTarget
      if (a.ref && target !== undefined) out.set(a.ref, target)
    }
    return out
  }

  private text(path: string): string | null {
    return this.part(path)?.toString('utf8') ?? null
  }

  private officeDocument(): string {
    const root = this.text('_rels/.rels')
    const m = root && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(root)
    const target = m ? attrs(m[0]).Target : undefined
    return target ? resolvePart('', target) : 'xl/workbook.xml'
  }

  private rels(partPath: string): Map<string, { type: string; target: string; rawTarget: string }> {
    const dir = partPath.slice(0, partPath.lastIndexOf('/') + 1)
    const xml = this.text(`${dir}_rels/${partPath.slice(dir.length)}.rels`)
    const out = new Map<string, { type: string; target: string; rawTarget: string }>()
    if (!xml) return out
    for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]!)
      if (a.Id === undefined || a.Target === undefined) continue
      const raw = decodeXml(a.Target)
      out.set(a.Id, { type: a.Type ?? '', target: resolvePart(dir, raw), rawTarget: raw })
    }
    return out
  }

  private readStrings(path: string): void {
    const xml = this.text(path)
    if (!xml) return
    for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) this.strings.push(m[1] === undefined ? '' : richText(m[1]))
  }

  private readStyles(path: string): void {
    const xml = this.text(path)
    if (!xml) return
    const formats = new Map<number, string>()
    for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]!)
      if (a.numFmtId !== undefined) formats.set(Number(a.numFmtId), decodeXml(a.formatCode ?? ''))
    }
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)
    if (!xfs) return
    const list = [...xfs[1]!.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => Number(attrs(m[1]!).numFmtId ?? 0))
    this.dateStyles = Uint8Array.from(list, (id) => (isDateFormat(formats.get(id) ?? BUILTIN_FORMATS[id]) ? 1 : 0))
  }
}

/**
 * Built-in number formats that show dates or times: 14–22 and 45–47 as in
 * ExcelJS, plus 27–36 and 50–58, the locale date formats of Chinese, Japanese
 * and Korean Excel (e.g. `yyyy"年"m"月"`).
 */
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
}
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILTIN_FORMATS[id] = 'yyyy-m-d'

/** ExcelJS's test: date characters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}

/** An Excel serial day number as a date, as ExcelJS converts it. */
export function excelDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000))
}

function resolvePart(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = (dir + target).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = m[2] ?? m[3] ?? ''
  return out
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!,
  )
}

/** The text of a string item (`<si>` or `<is>` content): every `<t>`, without phonetic runs. */
export function richText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml
  let out = ''
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1]!
  return decodeXml(out)
}

/** Column index (0-based) of a cell reference such as `AB12`, or -1. */
export function columnOf(ref: string): number {
  let c = 0
  let k = 0
  for (; k < ref.length; k++) {
    const ch = ref.charCodeAt(k) | 0x20
    if (ch < 0x61 || ch > 0x7a) break
    c = c * 26 + (ch - 0x60)
  }
  return k === 0 ? -1 : c - 1
}

export function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref)
  return m ? Number(m[0]) : -1
}

/** Receives a sheet's cells in order; `end` (the `</c>` or `/>`) lets a sink read inline text. */
export interface SheetSink {
  rowStart(row: number): void
  /** A cell with a value (or a formula); `type` is NUM … ISO_DATE, [start, end) the bytes of `<v>` or of `<is>`. */
  cell(col: number, type: number, start: number, end: number, style: number, formula: boolean): void
  /** A cell element without a value. */
  empty(col: number): void
  rowEnd(row: number): void
}

const LT = 60
const GT = 62
const SLASH = 47
const QUOTE = 34
const APOS = 39

/**
 * Scans `<sheetData>` of a sheet's XML bytes. Cell and row numbers come from
 * their `r` attributes, or follow the previous ones when a writer leaves them out.
 */
export function scanSheet(x: Uint8Array, sink: SheetSink): void {
  const buf = Buffer.from(x.buffer, x.byteOffset, x.byteLength)
  const open = buf.indexOf('<sheetData')
  if (open < 0) {
    if (/<\w+:worksheet[\s>]/.test(buf.toString('utf8', 0, 512))) throw new Unsupported('prefixed XML elements')
    return
  }
  let stop = buf.indexOf('</sheetData>', open)
  if (stop < 0) stop = x.length
  const n = stop
  let i = open + 10
  let row = 0
  let col = -1
  while (i < n) {
    while (i < n && x[i] !== LT) i++
    if (i >= n) break
    const c1 = x[i + 1]
    if (c1 === 0x63 && (x[i + 2] === 0x20 || x[i + 2] === GT || x[i + 2] === SLASH)) {
      // <c r="B2" s="3" t="s"> … </c>
      let k = i + 2
      let type = NUM
      let style = 0
      let ref = -1
      let selfClosing = false
      for (;;) {
        while (x[k] === 0x20 || x[k] === 0x0a || x[k] === 0x0d || x[k] === 0x09) k++
        const ch = x[k]
        if (ch === GT) break
        if (ch === SLASH) {
          selfClosing = true
          k++
          break
        }
        const nameStart = k
        while (k < n && x[k] !== 0x3d && x[k] !== GT) k++
        const nameLen = k - nameStart
        k++ // =
        while (x[k] === 0x20) k++
        const q = x[k]
        if (q !== QUOTE && q !== APOS) throw new Error('damaged sheet XML (an attribute without quotes)')
        const vs = k + 1
        k = vs
        while (k < n && x[k] !== q) k++
        const ve = k
        k++
        if (nameLen !== 1) continue
        const an = x[nameStart]
        if (an === 0x72) {
          // r: letters of the column
          let c = 0
          let p = vs
          while (p < ve && x[p]! >= 0x41 && x[p]! <= 0x5a) c = c * 26 + (x[p++]! - 0x40)
          if (p > vs) ref = c - 1
        } else if (an === 0x73) {
          let s = 0
          for (let p = vs; p < ve; p++) s = s * 10 + (x[p]! - 48)
          style = s
        } else if (an === 0x74) {
          const len = ve - vs
          const t0 = x[vs]
          if (len === 1 && t0 === 0x73) type = SHARED
          else if (len === 3 && t0 === 0x73) type = STR
          else if (len === 9 && t0 === 0x69) type = INLINE
          else if (len === 1 && t0 === 0x62) type = BOOL
          else if (len === 1 && t0 === 0x65) type = ERROR
          else if (len === 1 && t0 === 0x64) type = ISO_DATE
        }
      }
      col = ref >= 0 ? ref : col + 1
      i = k + 1
      if (selfClosing) {
        sink.empty(col)
        continue
      }
      let vs = -1
      let ve = -1
      let formula = false
      for (;;) {
        while (i < n && x[i] !== LT) i++
        if (i >= n) break
        const d1 = x[i + 1]
        if (d1 === SLASH && x[i + 2] === 0x63 && x[i + 3] === GT) {
          i += 4
          break
        }
        if (d1 === 0x76 && (x[i + 2] === GT || x[i + 2] === 0x20)) {
          let p = i + 2
          while (x[p] !== GT) p++
          if (x[p - 1] === SLASH) {
            vs = ve = p
            i = p + 1
            continue
          }
          vs = p + 1
          p = vs
          while (p < n && x[p] !== LT) p++
          ve = p
          i = p + 4 // </v>
          continue
        }
        if (d1 === 0x66 && (x[i + 2] === GT || x[i + 2] === 0x20 || x[i + 2] === SLASH)) {
          formula = true
          let p = i + 2
          while (x[p] !== GT) p++
          if (x[p - 1] !== SLASH) {
            const close = buf.indexOf('</f>', p)
            p = close < 0 ? n : close + 3
          }
          i = p + 1
          continue
        }
        if (d1 === 0x69 && x[i + 2] === 0x73 && x[i + 3] === GT) {
          vs = i + 4
          const close = buf.indexOf('</is>', vs)
          ve = close < 0 ? n : close
          i = ve + 5
          continue
        }
        i++
      }
      if (vs >= 0 || formula) sink.cell(col, type, vs, ve, style, formula)
      else sink.empty(col)
      continue
    }
    if (c1 === 0x72 && x[i + 2] === 0x6f && x[i + 3] === 0x77 && (x[i + 4] === 0x20 || x[i + 4] === GT || x[i + 4] === SLASH)) {
      let k = i + 4
      let r = -1
      while (k < n && x[k] !== GT) {
        if (x[k] === 0x72 && x[k - 1] === 0x20 && x[k + 1] === 0x3d) {
          let p = k + 3
          r = 0
          while (x[p]! >= 48 && x[p]! <= 57) r = r * 10 + (x[p++]! - 48)
          k = p
          continue
        }
        k++
      }
      row = r > 0 ? r : row + 1
      col = -1
      sink.rowStart(row)
      if (x[k - 1] === SLASH) sink.rowEnd(row)
      i = k + 1
      continue
    }
    if (c1 === SLASH && x[i + 2] === 0x72 && x[i + 3] === 0x6f && x[i + 4] === 0x77 && x[i + 5] === GT) {
      sink.rowEnd(row)
      i += 6
      continue
    }
    i++
  }
}

/** A cell's value from the scanner's description (text decoded, numbers parsed, dates applied). */
export function cellValue(x: Uint8Array, wb: Workbook, type: number, start: number, end: number, style: number, formula: boolean): Cell {
  if (start < 0) return null // a formula without a cached result
  const raw = (): string => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('utf8', start, end)
  switch (type) {
    case SHARED:
      return formula ? decodeXml(raw()) : (wb.strings[parseInt(raw(), 10)] ?? null)
    case STR:
      return decodeXml(raw())
    case INLINE:
      return formula ? decodeXml(raw()) : richText(raw())
    case BOOL:
      return parseInt(raw(), 10) !== 0
    case ERROR:
      return decodeXml(raw())
    case ISO_DATE: {
      const d = new Date(raw())
      return Number.isNaN(d.getTime()) ? decodeXml(raw()) : d
    }
    default: {
      const v = parseFloat(raw())
      return wb.dateStyles[style] ? excelDate(v, wb.date1904) : v
    }
  }
}
