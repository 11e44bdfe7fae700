/** Reading exported files back: PNG headers and pixels, XML well-formedness, PDF pages and text. */
import { XMLValidator } from 'fast-xml-parser'
import { expect } from 'vitest'
import { PNG } from 'pngjs'

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes)
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

/** Decoded RGBA pixels of a PNG. */
export function pngPixels(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array; at(x: number, y: number): [number, number, number, number] } {
  const png = PNG.sync.read(Buffer.from(bytes))
  const at = (x: number, y: number): [number, number, number, number] => {
    const i = (y * png.width + x) * 4
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!]
  }
  return { width: png.width, height: png.height, rgba: png.data, at }
}

/** `true` or the parser's complaint. */
export function xmlWellFormed(text: string): true | string {
  const r = XMLValidator.validate(text)
  return r === true ? true : `${r.err.msg} at ${r.err.line}:${r.err.col}`
}

/** Number of page objects in an (uncompressed or compressed) PDF. */
export function pdfPageCount(bytes: Uint8Array): number {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length
}

/**
 * The text drawn in an uncompressed pdfkit PDF, recovered through each
 * font's ToUnicode map: pdfkit writes glyph ids as hex strings, so this
 * proves the words were drawn with an embedded font, CJK included.
 */
export function pdfText(bytes: Uint8Array): string {
  const src = Buffer.from(bytes).toString('latin1')
  const objects = new Map<string, string>()
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!)
  const cmaps = new Map<string, Map<string, string>>()
  const cmapOf = (fontRef: string): Map<string, string> => {
    let map = cmaps.get(fontRef)
    if (map) return map
    map = new Map()
    const font = objects.get(fontRef) ?? ''
    const tu = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1]
    const body = tu ? (objects.get(tu) ?? '') : ''
    for (const block of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
        let code = parseInt(r[1]!, 16)
        // An entry may hold several code units (ligatures such as "fi", surrogate pairs).
        for (const u of r[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)) map.set((code++).toString(16).padStart(4, '0'), utf16(u[1]!.replace(/ /g, '')))
      }
    }
    for (const block of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(r[1]!.toLowerCase().padStart(4, '0'), utf16(r[2]!))
    }
    cmaps.set(fontRef, map)
    return map
  }
  let out = ''
  for (const body of objects.values()) {
    if (!/\/Type \/Page\b/.test(body)) continue
    const fonts = new Map<string, string>()
    const resRef = /\/Resources (\d+) 0 R/.exec(body)?.[1]
    const resources = resRef ? (objects.get(resRef) ?? '') : body
    const res = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? ''
    for (const f of res.matchAll(/\/(\S+) (\d+) 0 R/g)) fonts.set(f[1]!, f[2]!)
    const contents = /\/Contents (\d+) 0 R/.exec(body)?.[1]
    const stream = contents ? (objects.get(contents) ?? '') : ''
    let font = ''
    for (const op of stream.matchAll(/\/(\S+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? ''
      else {
        const map = cmapOf(font)
        for (const h of op[2]!.matchAll(/<([0-9a-fA-F]+)>/g)) {
          for (let i = 0; i < h[1]!.length; i += 4) out += map.get(h[1]!.slice(i, i + 4).toLowerCase()) ?? '\ufffd'
        }
        out += ' '
      }
    }
    out += '\n'
  }
  return out
}

function utf16(hex: string): string {
  const units: number[] = []
  for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16))
  return String.fromCharCode(...units)
}
