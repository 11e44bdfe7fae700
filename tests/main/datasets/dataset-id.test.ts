import { describe, expect, it } from 'vitest'
import { fileStem, idFromFileName } from '../../../src-main/datasets/dataset-id'
import { ID_PATTERN } from '../../../src-shared/dataset-rules'

describe('idFromFileName', () => {
  it('uses a kebab-case name as it is, spaces and underscores as hyphens', () => {
    expect([idFromFileName('/d/nine-cities.csv'), idFromFileName('Nine Cities.xlsx'), idFromFileName('gdp_2020.csv')]).toEqual(['nine-cities', 'nine-cities', 'gdp-2020'])
  })

  it('gives other names their ASCII words and a hash of the whole name: stable, distinct, always a valid id', () => {
    const a = idFromFileName('城市 GDP 2020（副本）.csv')
    expect(a).toMatch(/^gdp-2020-[0-9a-f]{8}$/)
    expect(idFromFileName('/other/城市 GDP 2020（副本）.csv')).toBe(a)
    expect(idFromFileName('城市 GDP 2020（副本 2）.csv')).not.toBe(a)
    expect(idFromFileName('九城市.csv')).toMatch(/^[0-9a-f]{8}$/)
    for (const name of ['九城市.csv', '(1).csv', 'A--B.csv', 'x.y.csv']) expect(idFromFileName(name)).toMatch(ID_PATTERN)
    expect(fileStem('/d/城市 GDP.csv')).toBe('城市 GDP')
  })
})
