/**
 * XML of workbook parts, read with saxes (a maintained, strict, streaming
 * parser: a part cut off mid-row or otherwise malformed is an error, never a
 * partial result). Element names are given without their namespace prefix,
 * so a workbook written with `x:` elements (as the OpenXML SDK writes) reads
 * like one without. Attributes come as saxes gives them: SpreadsheetML's own
 * attributes (`r`, `t`, `s` of a cell) are unqualified in every writer's
 * output, and the qualified ones (`r:id`, `xml:space`) are read by local name
 * with `attr`.
 */
import { SaxesParser } from 'saxes'

/** An element's local name and its attributes as written (see `attr`). Valid only during the `open` call: the object is reused. */
export interface XmlTag {
  name: string
  attrs: Record<string, string>
}

/** Callbacks for one pass over a part. `text` receives character data (entities decoded). */
export interface XmlHandler {
  open?(tag: XmlTag): void
  close?(name: string): void
  text?(text: string): void
}

const local = (name: string): string => {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

/** The attribute whose local name is `name` (`attr(t, 'id')` finds `r:id`), or undefined. */
export function attr(tag: XmlTag, name: string): string | undefined {
  const own = tag.attrs[name]
  if (own !== undefined) return own
  for (const k in tag.attrs) if (k.endsWith(`:${name}`) && !k.startsWith('xmlns:')) return tag.attrs[k]
  return undefined
}

/** One part being parsed: bytes go in with `write`, in as many chunks as they come; `end` checks the XML is complete. */
export interface XmlReader {
  write(bytes: Uint8Array): void
  end(): void
}

/** A reader for `part`; `write` and `end` throw `Error('damaged XML in <part>: …')` on malformed or cut-off XML. */
export function xmlReader(part: string, h: XmlHandler): XmlReader {
  const p = new SaxesParser({ xmlns: false, position: false })
  // An error a handler throws (a row limit, say) passes through as it is; only saxes' own errors mean damaged XML.
  let thrown: unknown = undefined
  const fail = (err: unknown): never => {
    thrown = err
    throw err
  }
  if (h.open) {
    const open = h.open
    const tag: XmlTag = { name: '', attrs: {} }
    p.on('opentag', (t) => {
      tag.name = local(t.name)
      tag.attrs = t.attributes as Record<string, string>
      try {
        open(tag)
      } catch (err) {
        fail(err)
      }
    })
  }
  if (h.close) {
    const close = h.close
    p.on('closetag', (t) => {
      try {
        close(local(t.name))
      } catch (err) {
        fail(err)
      }
    })
  }
  if (h.text) {
    const text = h.text
    const onText = (s: string): void => {
      try {
        text(s)
      } catch (err) {
        fail(err)
      }
    }
    p.on('text', onText)
    p.on('cdata', onText)
  }
  const guard = (f: () => void): void => {
    try {
      f()
    } catch (err) {
      if (err === thrown) throw err
      throw new Error(`damaged XML in ${part}: ${(err as Error).message}`)
    }
  }
  // Bytes of a character cut by the end of the last write, carried over to the next.
  let carry: Buffer | null = null
  return {
    write: (bytes) =>
      guard(() => {
        let b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        if (carry) b = Buffer.concat([carry, b])
        const cut = completeUtf8(b)
        carry = cut < b.length ? Buffer.from(b.subarray(cut)) : null
        // Slices of at most 4 MiB, so no string of a whole large part is built at once.
        for (let i = 0; i < cut; ) {
          const e = i + SLICE >= cut ? cut : completeUtf8(b, i + SLICE)
          p.write(b.toString('utf8', i, e))
          i = e
        }
      }),
    end: () =>
      guard(() => {
        if (carry) p.write(carry.toString('utf8'))
        p.close()
      }),
  }
}

/** Characters of a part decoded at a time (4 MiB of bytes). */
const SLICE = 4 * 1024 * 1024

/**
 * Where the last complete UTF-8 character before `end` ends: `end` itself,
 * or the start of a multi-byte character that `end` cuts. Bad bytes decode
 * to U+FFFD as TextDecoder does.
 */
function completeUtf8(b: Uint8Array, end = b.length): number {
  let j = end - 1
  while (j >= 0 && j > end - 4 && (b[j]! & 0xc0) === 0x80) j--
  if (j < 0) return end
  const lead = b[j]!
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return j + need <= end ? end : j
}

/** Parses a whole part held in memory. Throws `Error('damaged XML in <part>: …')` on malformed or cut-off XML. */
export function parseXml(part: string, xml: Uint8Array, h: XmlHandler): void {
  const r = xmlReader(part, h)
  r.write(xml)
  r.end()
}

/**
 * OOXML's escapes in text (ECMA-376 ST_Xstring): `_xHHHH_` stands for the
 * character U+HHHH (`_x000D_` is a carriage return), `_x005F_` for the `_`
 * that starts an escape.
 */
export function unescapeOoxml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s
}
