import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, gbkThatLooksUtf8, isGb18030, looksBinary, sniffBom, toUtf8Bytes } from '../../../src-main/datasets/decode'

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('decodeText', () => {
  it('lets a BOM decide, and reads plain UTF-8 as UTF-8', () => {
    expect(sniffBom(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', length: 3 })
    expect(sniffBom(Uint8Array.from([0xff, 0xfe]))).toEqual({ encoding: 'utf-16le', length: 2 })
    expect(decodeText(utf8('嘉兴,3862'))).toEqual({ ok: true, text: '嘉兴,3862', encoding: 'utf-8' })
  })

  it('reads GBK as GB18030, including GBK that is also valid UTF-8 (约 = D4 BC, the Armenian Լ)', () => {
    const gbk = iconv.encode('约3862元', 'gbk')
    expect(new TextDecoder().decode(gbk)).toBe('Լ3862Ԫ')
    expect(gbkThatLooksUtf8(gbk)).toBe(true)
    expect(decodeText(gbk)).toEqual({ ok: true, text: '约3862元', encoding: 'gb18030' })
    expect(decodeText(iconv.encode('长三角九城市', 'gbk'))).toMatchObject({ text: '长三角九城市', encoding: 'gb18030' })
    expect(isGb18030(utf8('plain ascii'))).toBe(false)
  })

  it('keeps real UTF-8 with Cyrillic, km² and é as UTF-8', () => {
    for (const s of ['Москва 2016', '605 km²', 'Café']) expect(gbkThatLooksUtf8(utf8(s))).toBe(false)
    expect(decodeText(utf8('Москва 2016'))).toMatchObject({ text: 'Москва 2016', encoding: 'utf-8' })
  })

  it('refuses binary data, and converts other encodings to UTF-8 bytes for the CSV reader', () => {
    expect(looksBinary(Uint8Array.from([0x41, 0, 0x42]))).toBe(true)
    expect(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toMatchObject({ ok: false })
    const r = toUtf8Bytes(iconv.encode('约3862元', 'gbk'))
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe('约3862元')
  })
})
