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

  it('prints the problems as a JSON array with --json', async () => {
    const r = await run(join(fixtures, 'unknown-column.csv'), '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual([
      { file: relative(root, join(fixtures, 'unknown-column.csv')), row: 3, column: 'colour', message: 'unknown column "colour"', expected: expect.stringContaining('entity, indicator') },
    ])
  })

  it('exits 2 on a usage error', async () => {
    expect((await run()).code).toBe(2)
    expect((await run('a', 'b')).code).toBe(2)
    const missing = await run(join(fixtures, 'no-such-folder'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('usage: npm run validate')
  })
})
