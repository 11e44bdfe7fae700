// @ts-check
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

/** Node's built-ins in every spelling: `fs`, `node:fs`, `fs/promises`. */
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`])

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'tests/.artifacts/**', 'tests/fixtures/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The layering rule: the renderer and the code both processes share run in a
  // sandboxed page, so they may not import Electron or Node's built-ins.
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches main only through the preload API (window.g60).' }],
          patterns: [
            { group: nodeBuiltins, message: 'Renderer and shared code run in the page: no Node built-ins.' },
            { group: ['**/src-main/**', '../../src-main/*', '../src-main/*'], message: 'The renderer may not import main-process code.' },
          ],
        },
      ],
    },
  },
)
