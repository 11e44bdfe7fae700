import { describe, expect, it } from 'vitest'
import { attr, parseXml, unescapeOoxml, xmlReader } from '../../../src-main/datasets/xlsx-xml'

const events = (xml: string) => {
  const out: string[] = []
  parseXml('p.xml', Buffer.from(xml), { open: (t) => out.push(`<${t.name} id=${attr(t, 'id')} r=${attr(t, 'r')}`), close: (n) => out.push(`</${n}`), text: (s) => out.push(s) })
  return out
}

describe('parseXml', () => {
  it('gives names without namespace prefixes, attributes by local name, entities decoded', () => {
    expect(events('<x:c xmlns:x="urn:m" r:id="r1" xmlns:r="urn:r"><x:v r="A1">a &amp; b</x:v></x:c>')).toEqual([
      '<c id=r1 r=undefined',
      '<v id=undefined r=A1',
      'a & b',
      '</v',
      '</c',
    ])
  })

  it('throws on XML that is cut off or malformed, naming the part', () => {
    expect(() => events('<sheetData><row r="1"><c>')).toThrow(/^damaged XML in p\.xml: /)
    expect(() => events('<a><b></a>')).toThrow(/^damaged XML in p\.xml: /)
  })

  it('passes an error thrown by a handler through as it is, not as damaged XML', () => {
    const stop = new Error('too many rows')
    expect(() => parseXml('p.xml', Buffer.from('<a><b/></a>'), { open: (t) => { if (t.name === 'b') throw stop } })).toThrow(stop)
  })
})

describe('unescapeOoxml', () => {
  it('decodes _xHHHH_ escapes, _x005F_ standing for the underscore', () => {
    expect([unescapeOoxml('a_x000D_b'), unescapeOoxml('_x005F_x000D_'), unescapeOoxml('no_escape_here'), unescapeOoxml('_x4E2D_')]).toEqual(['a\rb', '_x000D_', 'no_escape_here', '中'])
  })
})

describe('xmlReader', () => {
  it('reads text whose characters are cut between writes, byte by byte', () => {
    const xml = Buffer.from('<a>九亭 𠀀 é</a>')
    const out: string[] = []
    const r = xmlReader('p.xml', { text: (s) => out.push(s) })
    for (let i = 0; i < xml.length; i++) r.write(xml.subarray(i, i + 1))
    r.end()
    expect(out.join('')).toBe('九亭 𠀀 é')
  })

  it('says a part that ends mid-element is damaged only at its end', () => {
    const r = xmlReader('p.xml', {})
    r.write(Buffer.from('<a><b>'))
    expect(() => r.end()).toThrow(/^damaged XML in p\.xml: /)
  })
})
