import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const doc = readFileSync(join(root, 'docs/reliability.md'), 'utf8')

/** Each table row's test references: a `tests/…` file, then the quoted titles that follow it. */
function references(): { file: string; title: string }[] {
  const refs: { file: string; title: string }[] = []
  for (const line of doc.split('\n').filter((l) => l.startsWith('|'))) {
    const cell = line.split(' | ').at(-1) ?? ''
    let file: string | null = null
    for (const m of cell.matchAll(/`(tests\/[^`]+\.test\.ts)`|"([^"]+)"/g)) {
      if (m[1]) file = m[1]
      else if (file) refs.push({ file, title: m[2]! })
    }
  }
  return refs
}

describe('docs/reliability.md', () => {
  const refs = references()

  it('names tests for the faults', () => {
    expect(refs.length).toBeGreaterThan(40)
  })

  it('names only tests that exist, in the files it names', () => {
    const missing = refs.filter(({ file, title }) => !existsSync(join(root, file)) || !readFileSync(join(root, file), 'utf8').includes(title))
    expect(missing).toEqual([])
  })
})
