import { execFile } from 'node:child_process'
import { join, relative } from 'node:path'
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
    const file = relative(root, join(fixtures, 'wrong-types.csv'))
    expect(r.stdout).toContain(`${file}:4:year: not a year (got twenty, expected a whole year from 1900 to 2100, or empty)`)
    expect(r.stdout).toContain(`${file}:6:tier: unknown tier (got rumour, expected article | official | secondary | derived)`)
    expect(r.stdout).toContain('6 problems')
  })

  it('prints the problems with --json, and no datasets for a file that did not load', async () => {
    const r = await run(join(fixtures, 'unknown-column.csv'), '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({
      datasets: [],
      problems: [{ file: relative(root, join(fixtures, 'unknown-column.csv')), row: 3, column: 'colour', message: 'unknown column "colour"', expected: expect.stringContaining('entity, indicator') }],
    })
  })

  it('prints every figure as read with --json: entity, indicator, year or period, value, unit, qualifier, tier and its source\'s titles and address', async () => {
    const r = await run(join(fixtures, 'csv-kinds/decimal-comma.csv'), '--json')
    expect(r.code).toBe(0)
    const row = (year: number, value: number, unit: string, k: number) => ({ entity: 'a', indicator: 'g', year, period: null, value, valueHigh: null, unit, qualifier: 'exact', tier: 'official', source: { title: 'S', url: `https://e.org/${k}` } })
    expect(JSON.parse(r.stdout)).toEqual({
      datasets: [{ id: 'decimal-comma', file: relative(root, join(fixtures, 'csv-kinds/decimal-comma.csv')), figures: [row(2016, 8.5, 'yuan-100m', 1), row(2017, 1121, 'yuan-100m', 2), row(2018, 1234.5, 'yuan-100m', 3), row(2019, 12, 'percent', 4)] }],
      problems: [],
    })
  })

  it('prints the figures of each dataset as a table with --show', async () => {
    const r = await run(join(fixtures, 'csv-kinds/fullwidth-percent.csv'), '--show')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      `fullwidth-percent (${relative(root, join(fixtures, 'csv-kinds/fullwidth-percent.csv'))})`,
      '  entity  indicator  year  value  unit     qualifier  tier',
      '  a       share      2016     46  percent  exact      official',
      '  a       share      2017     47  percent  exact      official',
    ])
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
