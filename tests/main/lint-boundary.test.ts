import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') })

/** The `no-restricted-imports` errors ESLint reports for `code` at `filePath`. */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  // A parse error would make every "allowed" case pass for the wrong reason.
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length) throw new Error(`ESLint could not parse ${filePath}: ${fatal[0].message}`)
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message)
}

const imports = {
  electron: "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n",
  'node:fs': "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
  fs: "import fs from 'fs'\nexport const x = fs\n",
  'fs/promises': "import { readFile } from 'fs/promises'\nexport const x = readFile\n",
  'node:child_process': "import { exec } from 'node:child_process'\nexport const x = exec\n",
}

describe('the process boundary, as ESLint enforces it', () => {
  for (const file of ['src-renderer/shared/x.ts', 'src-renderer/src/x.ts', 'src-renderer/src/stores/x.ts']) {
    it.each(Object.entries(imports))(`rejects importing %s in ${file}`, async (_name, code) => {
      const errors = await boundaryErrors(code, file)
      expect(errors).toHaveLength(1)
    })
  }

  it('explains why in the message', async () => {
    expect(await boundaryErrors(imports.electron, 'src-renderer/shared/x.ts')).toEqual([
      expect.stringContaining('The renderer reaches main only through the preload API (window.g60).'),
    ])
    expect(await boundaryErrors(imports['node:fs'], 'src-renderer/src/x.ts')).toEqual([expect.stringContaining('no Node built-ins')])
  })

  it('rejects the same import in a Vue component', async () => {
    const sfc = `<script setup lang="ts">\nimport { readFileSync } from 'node:fs'\nconsole.log(readFileSync)\n</script>\n<template><p>x</p></template>\n`
    expect(await boundaryErrors(sfc, 'src-renderer/src/components/X.vue')).toHaveLength(1)
  })

  it('rejects renderer code reaching into src-main', async () => {
    const code = "import { SettingsStore } from '../../src-main/settings-store'\nexport const x = SettingsStore\n"
    expect(await boundaryErrors(code, 'src-renderer/src/x.ts')).toHaveLength(1)
  })

  it.each(Object.entries(imports))('allows importing %s in src-main', async (_name, code) => {
    expect(await boundaryErrors(code, 'src-main/x.ts')).toEqual([])
  })

  it('allows shared code to import shared code', async () => {
    const code = "import { DEFAULT_SETTINGS } from './settings'\nexport const x = DEFAULT_SETTINGS\n"
    expect(await boundaryErrors(code, 'src-renderer/shared/x.ts')).toEqual([])
  })
})
