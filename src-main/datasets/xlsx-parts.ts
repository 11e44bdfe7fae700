/**
 * The workbook-level parts of an XLSX file that a dataset needs: the sheet
 * list (workbook.xml and its relationships), the shared strings and the
 * number format of each cell style. Parsed with saxes (xlsx-xml.ts), names
 * without namespace prefixes.
 */
import type { Archive } from './xlsx-archive'
import { formatKind, type FormatKind } from './number-format'
import { attr, parseXml, unescapeOoxml } from './xlsx-xml'

/** A worksheet: its name as Excel shows it on the tab, and its part in the archive. */
export interface SheetInfo {
  name: string
  path: string
}

/** A relationship of a part: its type URI and its target, resolved to an archive path (`raw` as written). */
export interface Relationship {
  type: string
  target: string
  raw: string
  external: boolean
}

/** What every sheet of a workbook is read with. */
export interface WorkbookParts {
  sheets: SheetInfo[]
  strings: string[]
  /** Per cell style index (`s` attribute): what its number format means. */
  styles: FormatKind[]
  /** Per cell style index: its custom number format code, where it has one (to name it in a problem). */
  formatCodes: (string | undefined)[]
  date1904: boolean
}

/** Resolves a relationship target against the folder of the part that names it. */
export function resolvePart(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const out: string[] = []
  for (const p of (dir + target).split('/')) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}

/** The relationships of `partPath` (from `_rels/<name>.rels` beside it), by id. */
export async function readRels(a: Archive, partPath: string): Promise<Map<string, Relationship>> {
  const dir = partPath.slice(0, partPath.lastIndexOf('/') + 1)
  const relsPath = `${dir}_rels/${partPath.slice(dir.length)}.rels`
  const xml = await a.read(relsPath)
  const out = new Map<string, Relationship>()
  if (!xml) return out
  parseXml(relsPath, xml, {
    open(tag) {
      const id = attr(tag, 'Id')
      const target = attr(tag, 'Target')
      if (tag.name !== 'Relationship' || id === undefined || target === undefined) return
      const external = attr(tag, 'TargetMode') === 'External'
      out.set(id, { type: attr(tag, 'Type') ?? '', target: external ? target : resolvePart(dir, target), raw: target, external })
    },
  })
  return out
}

/** Reads the sheet list, shared strings and styles. Rejects on a missing workbook part or damaged XML. */
export async function readWorkbookParts(a: Archive): Promise<WorkbookParts> {
  const root = await readRels(a, '')
  const doc = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))
  const wbPath = doc?.target ?? 'xl/workbook.xml'
  const wb = await a.read(wbPath)
  if (!wb) throw new Error(`the workbook part (${wbPath}) is missing`)
  const rels = await readRels(a, wbPath)
  const parts: WorkbookParts = { sheets: [], strings: [], styles: [], formatCodes: [], date1904: false }
  parseXml(wbPath, wb, {
    open(tag) {
      const date1904 = tag.name === 'workbookPr' ? attr(tag, 'date1904') : undefined
      if (tag.name === 'workbookPr') parts.date1904 = date1904 === '1' || date1904 === 'true'
      if (tag.name !== 'sheet') return
      const id = attr(tag, 'id')
      const rel = id === undefined ? undefined : rels.get(id)
      if (rel?.type.endsWith('/worksheet')) parts.sheets.push({ name: attr(tag, 'name') ?? '', path: rel.target })
    },
  })
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/sharedStrings')) parts.strings = await readSharedStrings(a, rel.target)
    else if (rel.type.endsWith('/styles')) Object.assign(parts, await readStyles(a, rel.target))
  }
  return parts
}

/**
 * Collects the text of string items (`<si>` of the shared strings, `<is>` of
 * an inline string): every `<t>` run joined, whitespace and line breaks kept
 * as written, phonetic runs (`<rPh>`) left out, `_xHHHH_` escapes decoded.
 * Feed it the events inside one item, then take `done()`.
 */
export class StringItem {
  private out = ''
  private inT = false
  private phonetic = 0

  open(name: string): void {
    if (name === 'rPh') this.phonetic++
    else if (name === 't' && this.phonetic === 0) this.inT = true
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--
    else if (name === 't') this.inT = false
  }

  text(s: string): void {
    if (this.inT) this.out += s
  }

  done(): string {
    const s = unescapeOoxml(this.out)
    this.out = ''
    return s
  }
}

async function readSharedStrings(a: Archive, path: string): Promise<string[]> {
  const xml = await a.read(path)
  const out: string[] = []
  if (!xml) return out
  const item = new StringItem()
  parseXml(path, xml, {
    open: ({ name }) => item.open(name),
    close: (name) => (name === 'si' ? void out.push(item.done()) : item.close(name)),
    text: (s) => item.text(s),
  })
  return out
}

async function readStyles(a: Archive, path: string): Promise<Pick<WorkbookParts, 'styles' | 'formatCodes'>> {
  const xml = await a.read(path)
  if (!xml) return { styles: [], formatCodes: [] }
  const codes = new Map<number, string>()
  const styles: FormatKind[] = []
  const formatCodes: (string | undefined)[] = []
  let inCellXfs = false
  parseXml(path, xml, {
    open(tag) {
      const { name } = tag
      const numFmtId = name === 'numFmt' || name === 'xf' ? attr(tag, 'numFmtId') : undefined
      if (name === 'numFmt' && numFmtId !== undefined) codes.set(Number(numFmtId), attr(tag, 'formatCode') ?? '')
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) {
        const id = Number(numFmtId ?? 0)
        styles.push(formatKind(id, codes.get(id)))
        formatCodes.push(codes.get(id))
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false
    },
  })
  return { styles, formatCodes }
}
