/**
 * Turns a file's bytes into text without asking the user for its encoding:
 * a BOM wins (UTF-8, UTF-16 LE/BE); otherwise bytes that are valid UTF-8 are
 * UTF-8 — unless UTF-8 gives letters of unrelated scripts (Armenian,
 * Cyrillic…) where GB18030 gives Chinese, as a GBK file whose only Chinese is
 * 约 or 元 does — bytes that form valid GB18030 sequences are GB18030 (Chinese Excel
 * saves CSV as GBK, a subset), and anything else goes to chardet's best guess.
 * chardet alone is unreliable on short Chinese files, hence the structural
 * checks first.
 */
import { isAscii, isUtf8 } from 'node:buffer'
import chardet from 'chardet'
import iconv from 'iconv-lite'

/** A text encoding a dataset file was read in (WHATWG label). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | string

/** The decoded text and its encoding, or why the bytes could not be read as text. */
export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string }

/** Looks for a byte-order mark; returns the encoding and its length. */
export function sniffBom(b: Uint8Array): { encoding: Encoding; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/**
 * True when the bytes look like binary data rather than text: a NUL byte, or
 * more than 1 in 20 control characters other than tab, CR, LF and form feed.
 * Only called on files without a UTF-16 BOM (UTF-16 text is full of NULs).
 */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64 * 1024)
  let control = 0
  for (let i = 0; i < n; i++) {
    const c = b[i]!
    if (c === 0) return true
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++
  }
  return control * 20 > n
}

/** True when every byte above 0x7F starts a well-formed GBK/GB18030 sequence. */
export function isGb18030(b: Uint8Array): boolean {
  let multi = 0
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!
    if (c < 0x80) continue
    if (c === 0x80 || c === 0xff) return false
    const c2 = b[i + 1]
    if (c2 === undefined) return false
    if (c2 >= 0x40 && c2 <= 0xfe && c2 !== 0x7f) {
      i += 1
    } else if (c2 >= 0x30 && c2 <= 0x39) {
      const c3 = b[i + 2]
      const c4 = b[i + 3]
      if (c3 === undefined || c4 === undefined || c3 < 0x81 || c3 > 0xfe || c4 < 0x30 || c4 > 0x39) return false
      i += 3
    } else {
      return false
    }
    multi++
  }
  return multi > 0
}

/** A letter of a script a Chinese or English dataset does not use (Armenian, Cyrillic, Arabic, …). */
const UNRELATED_LETTER = /(?![\p{Script=Latin}\p{Script=Han}\p{Script=Greek}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}])\p{L}/u
const HAN = /\p{Script=Han}/u
/** A UTF-8 sequence for U+0400–U+07FF, searched in the bytes read as Latin-1. */
const TWO_BYTE_UNRELATED = /[\xd0-\xdf][\x80-\xbf]/
/** Three letters in a row from U+0400–U+07FF: a word of real Cyrillic, Armenian, Hebrew or Arabic text. */
const WORD_OF_UNRELATED = /[\u0400-\u07ff]{3}/

/**
 * True for valid UTF-8 that is really GBK: UTF-8 gives letters of unrelated
 * scripts where GB18030 gives Chinese (a GBK file whose only Chinese is 约,
 * bytes D4 BC, reads in UTF-8 as the Armenian Լ). Such letters (U+0400–U+07FF:
 * Cyrillic to NKo) are two-byte UTF-8 sequences led by D0–DF; text with
 * words of them (three in a row) is real UTF-8 and stays so. A file
 * without one is passed; plain ASCII (most large files) at native speed.
 */
export function gbkThatLooksUtf8(bytes: Uint8Array): boolean {
  if (isAscii(bytes)) return false
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!TWO_BYTE_UNRELATED.test(buf.toString('latin1'))) return false
  const text = buf.toString('utf8')
  // Real Cyrillic, Armenian or Arabic comes in words; GBK misread gives one such letter per Chinese character.
  if (!UNRELATED_LETTER.test(text) || WORD_OF_UNRELATED.test(text) || !isGb18030(bytes)) return false
  const gb = iconv.decode(buf, 'gb18030')
  return HAN.test(gb) && !UNRELATED_LETTER.test(gb)
}

/** Decodes a text file's bytes, or explains why it is not text. */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = sniffBom(bytes)
  if (bom) {
    const body = bytes.subarray(bom.length)
    const text = bom.encoding === 'utf-8' ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : iconv.decode(Buffer.from(body), bom.encoding)
    return { ok: true, text, encoding: bom.encoding }
  }
  if (looksBinary(bytes)) {
    return { ok: false, message: 'this is a binary file, not text (it contains NUL or control bytes); save it as CSV (UTF-8 or GBK), JSON or XLSX' }
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (isUtf8(bytes) && !gbkThatLooksUtf8(bytes)) return { ok: true, text: buf.toString('utf8'), encoding: 'utf-8' }
  if (isGb18030(bytes)) return { ok: true, text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' }
  const guess = chardet.detect(bytes)
  const encoding = guess && iconv.encodingExists(guess) ? guess : 'windows-1252'
  return { ok: true, text: iconv.decode(buf, encoding), encoding: encoding.toLowerCase() }
}

/**
 * The same decision as `decodeText`, but the result is UTF-8 bytes: the CSV
 * parser works on bytes, and UTF-8 files (nearly all large ones) pass through
 * without being copied or turned into a string.
 */
export function toUtf8Bytes(bytes: Uint8Array): { ok: true; bytes: Uint8Array; encoding: Encoding } | { ok: false; message: string } {
  const bom = sniffBom(bytes)
  if (bom?.encoding === 'utf-8') return { ok: true, bytes: bytes.subarray(3), encoding: 'utf-8' }
  // Plain ASCII (most large files) is UTF-8 as it stands: one native scan, not two.
  if (!bom && !looksBinary(bytes) && (isAscii(bytes) || (isUtf8(bytes) && !gbkThatLooksUtf8(bytes)))) return { ok: true, bytes, encoding: 'utf-8' }
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  return { ok: true, bytes: Buffer.from(decoded.text, 'utf8'), encoding: decoded.encoding }
}
