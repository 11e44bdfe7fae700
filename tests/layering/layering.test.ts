/**
 * The layering rules, proven to fire: each fixture in `fixtures/` breaks one
 * rule and names (in its first line) the file it pretends to be; ESLint with
 * the project's own config must reject it. The allowed imports must pass, so
 * the rules cannot hold by rejecting everything.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const FIXTURES = join(import.meta.dirname, 'fixtures')
const eslint = new ESLint({ cwd: ROOT })

/** The import-rule errors ESLint reports for `code` linted as if it were `filePath`. */
async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  // A parse error would make every "allowed" case pass for the wrong reason.
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length) throw new Error(`ESLint could not parse ${filePath}: ${fatal[0].message}`)
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' && m.severity === 2).map((m) => m.message)
}

/** The path a fixture pretends to have, from its first line (`// as: <path>` or `<!-- as: <path> -->`). */
function pretendPath(text: string): string {
  const m = /as: (\S+)/.exec(text.split('\n')[0])
  if (!m) throw new Error('fixture without an "as:" line')
  return m[1]
}

const lintFixtures = readdirSync(FIXTURES).filter((f) => !f.includes('node-globals'))

describe('the layering lint rule', () => {
  it('has a fixture for every rule', () => {
    expect(lintFixtures.length).toBeGreaterThanOrEqual(13)
  })

  it.each(lintFixtures)('rejects %s', async (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8')
    expect(await layerErrors(text, pretendPath(text))).toHaveLength(1)
  })

  it('says why, naming the layer', async () => {
    const text = readFileSync(join(FIXTURES, 'main-imports-electron-value.ts'), 'utf8')
    expect(await layerErrors(text, pretendPath(text))).toEqual([expect.stringContaining('Only the Electron glue files')])
    const vue = readFileSync(join(FIXTURES, 'shared-imports-vue.ts'), 'utf8')
    expect(await layerErrors(vue, pretendPath(vue))).toEqual([expect.stringContaining('no Vue or Pinia')])
  })

  it.each([
    ['src-main/datasets/x.ts', "import type { App } from 'electron'\nexport type A = App\n"],
    ['src-main/index.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['src-preload/index.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer\n"],
    ['src-main/x.ts', "import { readFile } from 'node:fs/promises'\nexport const r = readFile\n"],
    ['src-main/x.ts', "import { DEFAULT_SETTINGS } from '../src-shared/settings'\nexport const s = DEFAULT_SETTINGS\n"],
    ['src-renderer/src/x.ts', "import { DEFAULT_SETTINGS } from '../../src-shared/settings'\nexport const s = DEFAULT_SETTINGS\n"],
    ['src-renderer/src/x.ts', "import { ref } from 'vue'\nexport const r = ref(1)\n"],
    ['src-shared/x.ts', "import { DEFAULT_SETTINGS } from './settings'\nexport const s = DEFAULT_SETTINGS\n"],
  ])('allows %s to import what its layer may: %s', async (path, code) => {
    expect(await layerErrors(code, path)).toEqual([])
  })
})

describe('the two TypeScript projects', () => {
  /** Type-checks one fixture under a project's compiler options, as if it were in that project. */
  function diagnostics(project: string, file: string): string[] {
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, project), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
    if (!config) throw new Error(`cannot read ${project}`)
    const program = ts.createProgram([file], { ...config.options, composite: false, tsBuildInfoFile: undefined })
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  }
  const fixture = join(FIXTURES, 'renderer-uses-node-globals.ts')

  it('the web project (renderer and shared) has no Node globals: Buffer and process fail', () => {
    const errors = diagnostics('tsconfig.web.json', fixture)
    expect(errors).toEqual([expect.stringContaining("Cannot find name 'Buffer'"), expect.stringContaining("Cannot find name 'process'")])
  })

  it('the node project has them', () => {
    expect(diagnostics('tsconfig.node.json', fixture)).toEqual([])
  })
})

describe('documented exports', () => {
  /** The rule ids ESLint reports for `code` linted as if it were `filePath`. */
  async function ruleIds(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath })
    return result.messages.map((m) => m.ruleId ?? m.message)
  }

  it('rejects an exported function, interface, type or constant without TSDoc in src-shared and src-main', async () => {
    const code = 'export function f(): number {\n  return 1\n}\nexport interface I {\n  a: number\n}\nexport type T = I\nexport const C = 1\n'
    for (const path of ['src-shared/new-module.ts', 'src-main/new-module.ts']) {
      expect(await ruleIds(code, path)).toEqual(['jsdoc/require-jsdoc', 'jsdoc/require-jsdoc', 'jsdoc/require-jsdoc', 'jsdoc/require-jsdoc'])
    }
  })

  it('accepts them documented, and does not ask it of private helpers', async () => {
    const code = '/** One. */\nexport function f(): number {\n  return g()\n}\nfunction g(): number {\n  return 1\n}\n/** A shape. */\nexport interface I {\n  a: number\n}\n'
    expect(await ruleIds(code, 'src-shared/new-module.ts')).toEqual([])
  })

  it('rejects a function over 80 lines unless a disable comment says why', async () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const v${i} = ${i}\n  void v${i}`).join('\n')
    const fn = `export function f(): void {\n${body}\n}\n`
    expect(await ruleIds(`/** Long. */\n${fn}`, 'src-main/new-module.ts')).toEqual(['max-lines-per-function'])
    const excused = `/** Long. */\n// eslint-disable-next-line max-lines-per-function -- one pass over the table keeps the cell positions for problems\n${fn}`
    expect(await ruleIds(excused, 'src-main/new-module.ts')).toEqual([])
  })
})
