/**
 * XML of workbook parts, read with saxes (a maintained, strict, streaming
 * parser: a part cut off mid-row or otherwise malformed is an error, never a
 * partial result). Element and attribute names are given without their
 * namespace prefix, so a workbook written with `x:` elements (as the OpenXML
 * SDK writes) reads like one without.
 */
import { SaxesParser } from 'saxes'

/** An element's local name and its attributes (also by local name). */
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

/** Throws `Error('damaged XML in <part>: …')` on malformed or cut-off XML. */
export function parseXml(part: string, xml: Buffer, h: XmlHandler): void {
  const p = new SaxesParser({ xmlns: false, position: false })
  if (h.open) {
    const open = h.open
    p.on('opentag', (t) => {
      let attrs = t.attributes as Record<string, string>
      for (const k in attrs) {
        if (!k.includes(':')) continue
        // Only a prefixed attribute (r:id, xml:space) costs a copy.
        const named: Record<string, string> = {}
        for (const [key, v] of Object.entries(attrs)) named[local(key)] = v
        attrs = named
        break
      }
      open({ name: local(t.name), attrs })
    })
  }
  if (h.close) {
    const close = h.close
    p.on('closetag', (t) => close(local(t.name)))
  }
  if (h.text) {
    p.on('text', h.text)
    p.on('cdata', h.text)
  }
  try {
    // In slices, so no string of the whole part is built at once.
    const step = 4 * 1024 * 1024
    const dec = new TextDecoder('utf-8', { fatal: false })
    for (let i = 0; i < xml.length; i += step) p.write(dec.decode(xml.subarray(i, i + step), { stream: true }))
    p.write(dec.decode()).close()
  } catch (err) {
    throw new Error(`damaged XML in ${part}: ${(err as Error).message}`)
  }
}

/**
 * OOXML's escapes in text (ECMA-376 ST_Xstring): `_xHHHH_` stands for the
 * character U+HHHH (`_x000D_` is a carriage return), `_x005F_` for the `_`
 * that starts an escape.
 */
export function unescapeOoxml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s
}
