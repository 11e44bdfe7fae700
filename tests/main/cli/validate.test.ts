import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const fixtures = join(root, 'tests/fixtures/datasets')
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['src-main/cli/validate.ts', ...args], { cwd: root })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('npm run validate', () => {
  it('exits 0 with a summary for a valid folder', async () => {
    const r = await run(join(fixtures, 'good'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('valid: 2 datasets, 5 rows, 5 distinct sources')
  })

  it('exits 1 and prints every problem as file:row:column', async () => {
    const r = await run(join(fixtures, 'wrong-types.csv'))
    expect(r.code).toBe(1)
    const file = join(fixtures, 'wrong-types.csv')
    expect(r.stdout).toContain(`${file}:4:year: not a year (got twenty, expected a whole year from 1900 to 2100, or empty)`)
    expect(r.stdout).toContain(`${file}:6:tier: unknown tier (got rumour, expected article | official | secondary | derived)`)
    expect(r.stdout).toContain('6 problems')
  })

  it('prints the problems with --json, and no datasets for a file that did not load', async () => {
    const r = await run(join(fixtures, 'unknown-column.csv'), '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({
      datasets: [],
      problems: [{ file: join(fixtures, 'unknown-column.csv'), row: 3, column: 'colour', message: 'unknown column "colour"', expected: expect.stringContaining('entity, indicator') }],
    })
  })

  it('prints every figure as read with --json: entity, indicator, year or period, value, unit, qualifier, tier and its source\'s titles and address', async () => {
    const r = await run(join(fixtures, 'csv-kinds/decimal-comma.csv'), '--json')
    expect(r.code).toBe(0)
    const row = (year: number, value: number, unit: string, k: number) => ({ entity: 'a', indicator: 'g', year, period: null, value, valueHigh: null, unit, qualifier: 'exact', tier: 'official', source: { title: 'S', url: `https://e.org/${k}` } })
    expect(JSON.parse(r.stdout)).toEqual({
      datasets: [{ id: 'decimal-comma', file: join(fixtures, 'csv-kinds/decimal-comma.csv'), figures: [row(2016, 8.5, 'yuan-100m', 1), row(2017, 1121, 'yuan-100m', 2), row(2018, 1234.5, 'yuan-100m', 3), row(2019, 12, 'percent', 4)] }],
      problems: [],
    })
  })

  it('prints the figures of each dataset as a table with --show', async () => {
    const r = await run(join(fixtures, 'csv-kinds/fullwidth-percent.csv'), '--show')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      `fullwidth-percent (${join(fixtures, 'csv-kinds/fullwidth-percent.csv')})`,
      '  entity  indicator  year  value  unit     qualifier  tier',
      '  a       share      2016     46  percent  exact      official',
      '  a       share      2017     47  percent  exact      official',
    ])
  })

  it('prints paths as given (relative stays relative, absolute stays absolute), in file, row and column order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'g60-validate-'))
    try {
      await writeFile(join(dir, 'b.csv'), [
        '#id,b',
        '#unit,percent',
        'entity,indicator,year,value,value_high,decimals,unit,qualifier,tier,source_title,source_url,quote,conflict',
        'a,b,2020,1,,1,percent,exact,official,S,https://e.org/1,q,no',
        'a,b,2021,1,0,9,parsecs,roughly,official,S,ftp://x,q,maybe',
        'a,b,20x1,1,,1,percent,exact,official,S,https://e.org/2,q,no',
      ].join('\n'))
      await writeFile(join(dir, 'a.json'), JSON.stringify({ id: 'a', colour: 'red', title: { 'zh-CN': '甲', en: 'A' }, unit: 'percent', entities: {}, indicators: {}, figures: [] }))
      const abs = await run(dir)
      expect(abs.code).toBe(1)
      const lines = abs.stdout.trim().split('\n')
      expect(lines.map((l) => l.split(': ')[0])).toEqual([
        `${dir}${sep}a.json:colour`,
        `${dir}${sep}b.csv:5:value_high`,
        `${dir}${sep}b.csv:5:decimals`,
        `${dir}${sep}b.csv:5:unit`,
        `${dir}${sep}b.csv:5:qualifier`,
        `${dir}${sep}b.csv:5:source_url`,
        `${dir}${sep}b.csv:5:conflict`,
        `${dir}${sep}b.csv:6:year`,
        '8 problems',
      ])
      // An unknown JSON field is named, with no "got nothing".
      expect(lines[0]).toBe(`${dir}${sep}a.json:colour: unknown field "colour" (expected id, title, unit, notes, entities, indicators, groups, events, figures)`)
      const given = 'tests/fixtures/datasets/wrong-types.csv'
      expect((await run(given)).stdout).toContain(`${given}:4:year: not a year`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('says "1 figure", not "1 figures"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'g60-validate-'))
    try {
      await writeFile(join(dir, 'one.csv'), ['#id,one', '#unit,percent', 'entity,indicator,year,value,tier,source_title,quote', 'a,b,2020,1,article,S,q'].join('\n'))
      const r = await run(join(dir, 'one.csv'))
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('one: 1 figure, 1 entity, 1 indicator')
      expect(r.stdout).toContain('valid: 1 dataset, 1 row, 1 distinct source')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('exits 2 on a usage error', async () => {
    expect((await run()).code).toBe(2)
    expect((await run('a', 'b')).code).toBe(2)
    expect((await run(fixtures, '--json', '--show')).code).toBe(2)
    const missing = await run(join(fixtures, 'no-such-folder'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('usage: npm run validate')
  })
})

describe('npm run validate into a pipe that closes early', () => {
  it('ends quietly with its exit code, no EPIPE stack trace', async () => {
    const { spawn } = await import('node:child_process')
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src-main/cli/validate.ts', join(root, 'resources/datasets'), '--show'], { cwd: root })
    let stderr = ''
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    // Read the first chunk, then close the pipe, as `| head -1` does.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).not.toContain('EPIPE')
    expect(code).toBe(0)
  })
})
