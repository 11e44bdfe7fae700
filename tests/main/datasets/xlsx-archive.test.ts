/**
 * The workbook's ZIP container (yauzl): the unpack cap holds whatever an entry
 * declares, and damaged or foreign archives are refused with a message.
 */
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { MAX_UNPACKED_BYTES, openArchive } from '../../../src-main/datasets/xlsx-archive'
import { readXlsxDataset } from '../../../src-main/datasets/xlsx-file'

/** Sets the uncompressed size an archive's central directory declares for its only entry. */
function declare(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice()
  const dv = new DataView(out.buffer)
  const eocd = out.length - 22
  const cd = dv.getUint32(eocd + 16, true)
  dv.setUint32(cd + 24, size, true)
  return out
}

describe('openArchive', () => {
  it('reads entries by name', async () => {
    const a = await openArchive(zipSync({ 'xl/a.xml': strToU8('<a/>') }))
    expect([...a.names]).toEqual(['xl/a.xml'])
    expect((await a.read('xl/a.xml'))!.toString()).toBe('<a/>')
    expect(await a.read('xl/none.xml')).toBeNull()
  })

  it('stops a zip bomb whose directory understates its size, stopping at the declared size', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 })
    const a = await openArchive(declare(bomb, 1000))
    await expect(a.read('xl/worksheets/sheet1.xml')).rejects.toThrow(/too many bytes/)
  })

  it('refuses an entry that inflates to less than its directory declares', async () => {
    const a = await openArchive(declare(zipSync({ 'x.xml': strToU8('<a/>') }), 100))
    await expect(a.read('x.xml')).rejects.toThrow('x.xml is cut short (4 of 100 bytes)')
  })

  it('streams a large entry in steps of at most 1 MiB, the same bytes as read whole', async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 5).map((_, i) => (i * 31) % 251)
    const a = await openArchive(zipSync({ 'xl/big.xml': big }))
    const steps: number[] = []
    for await (const chunk of (await a.stream('xl/big.xml'))!) steps.push(chunk.length)
    expect(Math.max(...steps)).toBeLessThanOrEqual(1024 * 1024)
    expect(steps.reduce((x, y) => x + y, 0)).toBe(big.length)
    expect(Buffer.compare((await a.read('xl/big.xml'))!, Buffer.from(big))).toBe(0)
    expect(await a.stream('xl/none.xml')).toBeNull()
  })

  it('refuses an entry that declares more than the cap before inflating it', async () => {
    const a = await openArchive(declare(zipSync({ 'x.xml': strToU8('<a/>') }), MAX_UNPACKED_BYTES + 1))
    await expect(a.read('x.xml')).rejects.toThrow('x.xml unpacks to more than 512 MiB')
  })
})

describe('readXlsxDataset: archives that are not workbooks', () => {
  it('explains a ZIP without a workbook part, and one cut short', async () => {
    const other = zipSync({ 'hello.txt': strToU8('hi') })
    expect((await readXlsxDataset(other, 'other.xlsx')).problems.map((p) => p.message)).toEqual(['not a readable XLSX workbook: the workbook part (xl/workbook.xml) is missing'])
    const cut = await readXlsxDataset(other.subarray(0, other.length - 30), 'cut.xlsx')
    expect(cut.dataset).toBeNull()
    expect(cut.problems[0]!.message).toMatch(/^not a readable XLSX workbook: /)
  })
})
