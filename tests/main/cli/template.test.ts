import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDatasetFile } from '../../../src-main/datasets/load-file'

const root = join(import.meta.dirname, '../../..')
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['src-main/cli/template.ts', ...args], { cwd: root })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'g60-template-cli-'))
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

describe('npm run template', () => {
  it('writes a bundled dataset as XLSX that loads as the same dataset', async () => {
    const out = join(tmp, 'cities.xlsx')
    const r = await run('nine-cities', '--out', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('wrote nine-cities (100 figures)')
    const back = await loadDatasetFile('cities.xlsx', { root: tmp })
    const original = await loadDatasetFile('nine-cities.json', { root: join(root, 'resources/datasets') })
    expect(back.dataset).toEqual(original.dataset)
  })

  it('exits 1 for an unknown dataset and 2 on a usage error', async () => {
    const unknown = await run('no-such', '--out', join(tmp, 'x.csv'))
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no dataset "no-such"')
    const usage = await run('nine-cities')
    expect(usage.code).toBe(2)
    // The usage lists the ids there are to ask for.
    expect((await run()).stderr).toMatch(/^usage: npm run template .*\ndataset ids: .*\bnine-cities\b/)
    expect((await run('nine-cities', '--out', join(tmp, 'x.txt'))).code).toBe(2)
  })
})
