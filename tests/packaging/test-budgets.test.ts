import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HEAVY_TEST_TIMEOUT_MS, HEAVY_TESTS, isHeavyTestSource } from '../budgets'
import config, { NODE_TESTS } from '../vitest.config'

const root = resolve(import.meta.dirname, '../..')

function testFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(rel)
    return e.name.endsWith('.test.ts') ? [rel] : []
  })
}

interface Project {
  test: { name: string; include?: string[]; exclude?: string[]; testTimeout?: number; hookTimeout?: number }
}
const projects = (config as unknown as { test: { projects: Project[] } }).test.projects
const project = (name: string) => projects.find((p) => p.test.name === name)!.test

describe('test budgets on a busy machine', () => {
  // The folders of the node projects' globs ('tests/main/**/*.test.ts' → 'tests/main').
  const nodeFiles = NODE_TESTS.map((g) => g.replace(/\/\*\*\/\*\.test\.ts$/, '')).flatMap(testFiles)

  it('lists every node test that spawns a process or renders to pixels as heavy', () => {
    const heavy = nodeFiles.filter((f) => isHeavyTestSource(readFileSync(join(root, f), 'utf8')))
    expect(heavy.length).toBeGreaterThan(5)
    expect(heavy.filter((f) => !HEAVY_TESTS.includes(f))).toEqual([])
  })

  it('lets no heavy test or hook set itself a smaller budget', () => {
    const smaller = HEAVY_TESTS.flatMap((f) =>
      [...readFileSync(join(root, f), 'utf8').matchAll(/(?:\}, |timeout: )(\d[\d_]*)\)/g)]
        .map((m) => Number(m[1]!.replaceAll('_', '')))
        .filter((ms) => ms < HEAVY_TEST_TIMEOUT_MS)
        .map((ms) => `${f}: ${ms} ms`),
    )
    expect(smaller).toEqual([])
  })

  it('lists only files that exist', () => {
    expect(HEAVY_TESTS.filter((f) => !existsSync(join(root, f)))).toEqual([])
  })

  it('runs the heavy files with their budget, and only there', () => {
    const heavy = project('node-heavy')
    expect(heavy.testTimeout).toBe(HEAVY_TEST_TIMEOUT_MS)
    expect(heavy.hookTimeout).toBe(HEAVY_TEST_TIMEOUT_MS)
    expect(heavy.include).toEqual([...HEAVY_TESTS])
    expect(project('node').exclude).toEqual(expect.arrayContaining([...HEAVY_TESTS]))
    expect(HEAVY_TEST_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000)
  })

  it('npm test runs the heavy project', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>
    expect(scripts['test:unit']).toContain('--project node-heavy')
  })
})
