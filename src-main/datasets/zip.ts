/**
 * Just enough of the ZIP format to read an XLSX workbook: the central
 * directory, stored and deflated entries (inflated by node's zlib). ZIP64,
 * encryption and other methods throw `Unsupported`, and the caller falls back
 * to ExcelJS for such rare files.
 */
import { inflateRawSync } from 'node:zlib'

export class Unsupported extends Error {}

export interface ZipEntry {
  name: string
  method: number
  /** Offset of the local header. */
  header: number
  compressed: number
  size: number
}

/** Unpacked entries larger than this are refused (a workbook under 64 MiB that unpacks to more is a zip bomb). */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8)
const u32 = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0

/** The entries of a ZIP archive, by name. Throws on a damaged archive. */
export function zipEntries(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('the ZIP directory is missing (the file is damaged or cut short)')
  const count = u16(b, eocd + 10)
  let at = u32(b, eocd + 16)
  if (count === 0xffff || at === 0xffffffff) throw new Unsupported('ZIP64')
  const out = new Map<string, ZipEntry>()
  const dec = new TextDecoder()
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw new Error('the ZIP directory is damaged')
    const flags = u16(b, at + 8)
    const method = u16(b, at + 10)
    const compressed = u32(b, at + 20)
    const size = u32(b, at + 24)
    const nameLen = u16(b, at + 28)
    const extraLen = u16(b, at + 30)
    const commentLen = u16(b, at + 32)
    const header = u32(b, at + 42)
    const name = dec.decode(b.subarray(at + 46, at + 46 + nameLen))
    if (compressed === 0xffffffff || size === 0xffffffff || header === 0xffffffff) throw new Unsupported('ZIP64')
    if (flags & 1) throw new Unsupported('an encrypted workbook')
    out.set(name, { name, method, header, compressed, size })
    at += 46 + nameLen + extraLen + commentLen
  }
  return out
}

/** The unpacked bytes of an entry. */
export function unzip(b: Uint8Array, e: ZipEntry): Buffer {
  if (u32(b, e.header) !== 0x04034b50) throw new Error(`the ZIP entry ${e.name} is damaged`)
  const start = e.header + 30 + u16(b, e.header + 26) + u16(b, e.header + 28)
  const data = b.subarray(start, start + e.compressed)
  if (e.size > MAX_ENTRY_BYTES) throw new Error(`${e.name} unpacks to more than ${MAX_ENTRY_BYTES / 1024 / 1024} MiB`)
  if (e.method === 0) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (e.method !== 8) throw new Unsupported(`ZIP method ${e.method}`)
  return inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) })
}
