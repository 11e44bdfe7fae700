/**
 * The ZIP container of an XLSX workbook, read with yauzl (maintained: the
 * central directory, local headers and entry data), each entry inflated by
 * Node's zlib in 1 MiB steps and checked against the size its directory
 * declares as it inflates, stopping as soon as it is exceeded. yauzl rather
 * than fflate, whose unzip inflates a lying entry to the end before truncating
 * it, and rather than ExcelJS's loader, which applies no cap at all.
 *
 * Every part is refused when it declares, or would unpack to, more than
 * `MAX_UNPACKED_BYTES`, and so is a workbook whose parts read add up to more:
 * a workbook under the 64 MiB file cap that unpacks to more is a zip bomb.
 */
import type { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import yauzl from 'yauzl'
import { MIB } from './sizes'

/**
 * Bytes zlib inflates per step (1 MiB): the next step of a large sheet is
 * inflated on libuv's thread pool while saxes parses the one before, instead
 * of one 16 KiB step at a time between parsing.
 */
const INFLATE_CHUNK = MIB

/** Unpacked bytes one workbook may expand to, all parts read counted together (512 MiB). */
export const MAX_UNPACKED_BYTES = 512 * MIB

/** A workbook's parts, read on demand. */
export interface Archive {
  /** Names of every entry (`xl/workbook.xml`, …). */
  readonly names: ReadonlySet<string>
  /** The unpacked bytes of a part, or null when the archive has none of that name. Rejects on a damaged or oversized part. */
  read(name: string): Promise<Buffer | null>
  /**
   * The unpacked bytes of a part as they are inflated, chunk by chunk (so a
   * large sheet is parsed while the rest inflates, and never held whole), or
   * null when there is no such part. The iteration throws on a damaged or
   * oversized part, under the same cap as `read`.
   */
  stream(name: string): Promise<AsyncIterable<Buffer> | null>
}

/** Opens the archive in `bytes`. Rejects (with a message for the user) when it is not a readable ZIP. */
export async function openArchive(bytes: Uint8Array): Promise<Archive> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zip = await yauzl.fromBufferPromise(buf, { validateEntrySizes: true, strictFileNames: false })
  const entries = new Map<string, yauzl.Entry>()
  for await (const e of zip.eachEntry()) entries.set(e.fileName, e)
  let unpacked = 0
  /** The entry's data as yauzl reads it from the archive, inflated by zlib here (see INFLATE_CHUNK). */
  async function open(e: yauzl.Entry): Promise<{ data: Readable; streams: Readable[] }> {
    if (e.compressionMethod === 0) {
      const data = await zip.openReadStreamPromise(e)
      return { data, streams: [data] }
    }
    if (e.compressionMethod !== 8) throw new Error(`unsupported compression method ${e.compressionMethod}`)
    const raw = await zip.openReadStreamPromise(e, { decompress: false })
    const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK })
    raw.on('error', (err) => inflate.destroy(err))
    return { data: raw.pipe(inflate), streams: [raw, inflate] }
  }
  async function* chunks(name: string, e: yauzl.Entry, cap: number): AsyncGenerator<Buffer> {
    const { data, streams } = await open(e)
    let size = 0
    try {
      for await (const chunk of data as AsyncIterable<Buffer>) {
        size += chunk.length
        // The entry's declared size is checked as it inflates, so a lying entry stops there, not at its end.
        if (size > e.uncompressedSize) throw new Error(`${name}: too many bytes in the stream (the archive says ${e.uncompressedSize})`)
        if (size > cap) throw new Error(`${name} unpacks to more than ${MAX_UNPACKED_BYTES / MIB} MiB`)
        unpacked += chunk.length
        yield chunk
      }
      if (size !== e.uncompressedSize) throw new Error(`${name} is cut short (${size} of ${e.uncompressedSize} bytes)`)
    } finally {
      for (const st of streams) st.destroy()
    }
  }
  const stream = async (name: string): Promise<AsyncIterable<Buffer> | null> => {
    const e = entries.get(name)
    if (!e) return null
    if (e.isEncrypted()) throw new Error('the workbook is encrypted (save it without a password)')
    const cap = MAX_UNPACKED_BYTES - unpacked
    if (e.uncompressedSize > cap) throw new Error(`${name} unpacks to more than ${MAX_UNPACKED_BYTES / MIB} MiB (a workbook this size cannot hold that much data)`)
    return chunks(name, e, cap)
  }
  return {
    names: new Set(entries.keys()),
    stream,
    async read(name) {
      const parts = await stream(name)
      if (!parts) return null
      const list: Buffer[] = []
      let size = 0
      for await (const chunk of parts) {
        list.push(chunk)
        size += chunk.length
      }
      return list.length === 1 ? list[0]! : Buffer.concat(list, size)
    },
  }
}
