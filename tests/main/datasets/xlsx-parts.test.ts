import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src-main/datasets/xlsx-archive'
import { StringItem, readWorkbookParts, resolvePart } from '../../../src-main/datasets/xlsx-parts'
import { rawRow, writeRawXlsx } from '../../fixtures/write-xlsx'

describe('readWorkbookParts', () => {
  it('reads sheet names, shared strings (runs joined, whitespace kept) and what each style format means', async () => {
    const bytes = writeRawXlsx({
      sheets: [{ name: '说明', rows: rawRow(1, ['id']) }, { name: 'data', rows: '' }],
      strings: ['<si><t>plain</t></si>', '<si><r><t xml:space="preserve">a </t></r><r><t>b\nc</t></r></si>', '<si><t/></si>'],
      numFmts: { 164: '0.0%', 165: '0!.0,"万"' },
      styles: [0, 164, 165, 14],
    })
    const parts = await readWorkbookParts(await openArchive(bytes))
    expect(parts.sheets).toEqual([
      { name: '说明', path: 'xl/worksheets/sheet1.xml' },
      { name: 'data', path: 'xl/worksheets/sheet2.xml' },
    ])
    expect(parts.strings).toEqual(['plain', 'a b\nc', ''])
    expect(parts.styles).toEqual(['plain', 'percent', 'scaled', 'date'])
  })

  it('resolves relationship targets against the part that names them', () => {
    expect([resolvePart('xl/', 'worksheets/sheet1.xml'), resolvePart('xl/worksheets/', '../sharedStrings.xml'), resolvePart('xl/', '/xl/styles.xml')]).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
    ])
  })

  it('collects a string item without its phonetic runs', () => {
    const item = new StringItem()
    for (const [kind, v] of [['open', 't'], ['text', '松江'], ['close', 't'], ['open', 'rPh'], ['open', 't'], ['text', 'ソン'], ['close', 't'], ['close', 'rPh']] as const) {
      if (kind === 'text') item.text(v)
      else item[kind](v)
    }
    expect(item.done()).toBe('松江')
  })
})
