import { inferSchema, initParser } from 'udsv'
import { describe, expect, it } from 'vitest'
import { ESCAPED, QUOTED, fieldText, readCsv, scanQuoted, sepHint, sniffDelimiter } from '../../../src-main/datasets/csv'

const enc = (s: string) => new TextEncoder().encode(s)
function records(text: string, delim = 0x2c) {
  const b = enc(text)
  const out: [number, string[]][] = []
  let cells: string[] = []
  const open = readCsv(b, delim, {
    field: (_c, s, e, f) => void cells.push(fieldText(b, s, e, f)),
    record: (row) => {
      out.push([row, cells])
      cells = []
    },
  })
  return { open, out }
}

describe('readCsv', () => {
  it('reads RFC 4180 records with LF, CRLF or lone CR, a quoted line break staying in its record as Excel numbers it', () => {
    expect(records('a,"b,""c"""\r\n"x\ny",z\rlast,').out).toEqual([
      [1, ['a', 'b,"c"']],
      [2, ['x\ny', 'z']],
      [3, ['last', '']],
    ])
    expect(records('a,"open').open).toBe(1)
  })

  it('scans a quoted field to its closing quote, telling whether it has doubled quotes', () => {
    const b = enc('"ab""c",x')
    expect([scanQuoted(b, 0) >>> 1, scanQuoted(b, 0) & 1]).toEqual([6, 1])
    expect(scanQuoted(enc('"abc'), 0) >>> 1).toBe(4)
    expect(QUOTED | ESCAPED).toBe(3)
  })
})

describe('delimiters', () => {
  it("honours Excel's sep= hint, else sniffs the header line, with any line end", () => {
    expect(sepHint(enc('sep=;\r\na;b'))).toEqual({ delim: 0x3b, next: 7 })
    expect(sepHint(enc('sep=;a'))).toBeNull()
    expect(sepHint(enc('entity,x'))).toBeNull()
    expect(sniffDelimiter(enc('#id,x\ra;b;c,d\r'))).toBe(0x3b)
    expect(sniffDelimiter(enc('a\tb\tc'))).toBe(0x09)
    expect(sniffDelimiter(enc('"a;b",c'))).toBe(0x2c)
  })
})

describe('readCsv against a maintained parser (uDSV)', () => {
  it('splits quoted fields, doubled quotes, quoted delimiters and line breaks, empty fields and CRLF the same way', () => {
    let seed = 11
    const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % k)
    const pieces = ['a', '嘉兴', '1,234.5', 'say ""hi""', 'two\nlines', '', ' x ', '6.7%', 'semi;colon']
    const field = () => {
      const p = pieces[rnd(pieces.length)]!
      return /[",\n]/.test(p) ? `"${p}"` : p
    }
    const lines = ['h1,h2,h3,h4']
    for (let r = 0; r < 300; r++) lines.push([field(), field(), field(), field()].join(','))
    for (const eol of ['\n', '\r\n']) {
      const text = lines.join(eol) + eol
      const theirs = initParser(inferSchema(text)).stringArrs(text)
      const ours = records(text).out.slice(1).map(([, cells]) => cells)
      expect(ours).toEqual(theirs)
    }
  })
})
