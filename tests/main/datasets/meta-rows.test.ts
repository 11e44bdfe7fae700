import { describe, expect, it } from 'vitest'
import { letter, metaKey, readMetaRows } from '../../../src-main/datasets/meta-rows'
import { ProblemList } from '../../../src-main/datasets/problems'

describe('readMetaRows', () => {
  it('reads the header block in English or Chinese keys, # optional', () => {
    const p = new ProblemList('m.csv')
    const m = readMetaRows(
      [
        { row: 1, cells: ['#编号', 'cities'] },
        { row: 2, cells: ['title_zh', '九城市'] },
        { row: 3, cells: ['#单位', '亿元'] },
        { row: 4, cells: ['#group', 'zj', '浙江省', 'Zhejiang'] },
        { row: 5, cells: ['#entity', 'jiaxing', '嘉兴', 'Jiaxing', 'zj'] },
        { row: 6, cells: ['#indicator', 'gdp', '生产总值', 'GDP', 'yuan-100m'] },
      ],
      p,
    )
    expect(p.list).toEqual([])
    expect(m.id).toEqual({ value: 'cities', row: 1 })
    expect(m.unit).toEqual({ value: 'yuan-100m', row: 3 })
    expect(m.entities.get('jiaxing')).toEqual({ name: { 'zh-CN': '嘉兴', en: 'Jiaxing' }, group: 'zj', row: 5 })
    expect(m.indicators.get('gdp')).toMatchObject({ unit: 'yuan-100m', unitGiven: true })
  })

  it('names the row and cell letter of an unknown key, unit or group', () => {
    const p = new ProblemList('m.csv')
    readMetaRows([{ row: 1, cells: ['#colour', 'red'] }, { row: 2, cells: ['#unit', 'furlongs'] }, { row: 3, cells: ['#group', 'sh', '上海'] }, { row: 4, cells: ['#entity', 'x', 'X', 'X', 'nowhere'] }], p)
    expect(p.list.map((x) => [x.row, x.column, x.message])).toEqual([
      [1, 'A', 'unknown metadata key'],
      [2, 'B', 'unknown unit'],
      [4, 'E', 'unknown group'],
    ])
    expect([letter(0), letter(25), letter(26), metaKey('# 指标')]).toEqual(['A', 'Z', 'AA', 'indicator'])
  })
})
