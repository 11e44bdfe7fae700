import { describe, expect, it } from 'vitest'
import { parseXml, unescapeOoxml } from '../../../src-main/datasets/xlsx-xml'

const events = (xml: string) => {
  const out: string[] = []
  parseXml('p.xml', Buffer.from(xml), { open: (t) => out.push(`<${t.name} ${JSON.stringify(t.attrs)}`), close: (n) => out.push(`</${n}`), text: (s) => out.push(s) })
  return out
}

describe('parseXml', () => {
  it('gives names without namespace prefixes, entities decoded', () => {
    expect(events('<x:c xmlns:x="urn:m" r:id="r1" xmlns:r="urn:r"><x:v>a &amp; b</x:v></x:c>')).toEqual([
      '<c {"x":"urn:m","id":"r1","r":"urn:r"}',
      '<v {}',
      'a & b',
      '</v',
      '</c',
    ])
  })

  it('throws on XML that is cut off or malformed, naming the part', () => {
    expect(() => events('<sheetData><row r="1"><c>')).toThrow(/^damaged XML in p\.xml: /)
    expect(() => events('<a><b></a>')).toThrow(/^damaged XML in p\.xml: /)
  })
})

describe('unescapeOoxml', () => {
  it('decodes _xHHHH_ escapes, _x005F_ standing for the underscore', () => {
    expect([unescapeOoxml('a_x000D_b'), unescapeOoxml('_x005F_x000D_'), unescapeOoxml('no_escape_here'), unescapeOoxml('_x4E2D_')]).toEqual(['a\rb', '_x000D_', 'no_escape_here', '中'])
  })
})
