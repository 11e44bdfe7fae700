// @ts-check
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import jsdoc from 'eslint-plugin-jsdoc'

/** Node's built-ins in every spelling: `fs`, `node:fs`, `fs/promises`. */
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`])

/**
 * The Electron glue: the only files that may import values from `electron`.
 * Every other main-process file may import Electron's types only, so that it
 * stays a plain module tested under Node without a mock.
 */
export const ELECTRON_GLUE = ['src-main/index.ts', 'src-main/startup.ts', 'src-main/window.ts', 'src-main/presenter-window.ts', 'src-main/ipc/register.ts', 'src-preload/index.ts']

/** Restrictions shared by the layer rules below, by what they keep out. */
const no = {
  nodeBuiltins: { group: nodeBuiltins, message: 'Only main-process code may use Node built-ins; this file runs in the page or in both processes.' },
  main: { group: ['**/src-main', '**/src-main/**'], message: 'Only the main process imports src-main; share code through src-shared.' },
  renderer: { group: ['**/src-renderer', '**/src-renderer/**'], message: 'Only the renderer imports src-renderer; share code through src-shared.' },
  preload: { group: ['**/src-preload', '**/src-preload/**'], message: 'Nothing imports the preload; it is its own build entry.' },
  ui: { group: ['vue', 'vue/*', '@vue/*', 'pinia', 'vue-i18n', 'vue-echarts'], message: 'src-shared is plain TypeScript for both processes: no Vue or Pinia.' },
}
const electron = {
  any: { name: 'electron', message: 'The page reaches main only through the preload API (window.g60); shared code imports no Electron.' },
  values: { name: 'electron', allowTypeImports: true, message: `Only the Electron glue files (${ELECTRON_GLUE.join(', ')}) import values from electron; import its types with \`import type\`.` },
}

/** One layer's import rule; `@typescript-eslint`'s variant because it can allow type-only imports. */
const layer = (files, paths, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'tests/.artifacts/**', 'tests/fixtures/**', 'tests/layering/fixtures/**'] },
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
  // The layers, as VS Code keeps common / node / browser / electron-main apart.
  // Each source file matches exactly one of these, so no rule overrides another.
  layer(['src-shared/**/*.ts'], [electron.any], [no.nodeBuiltins, no.ui, no.main, no.renderer, no.preload]),
  layer(['src-renderer/**/*.{ts,vue}'], [electron.any], [no.nodeBuiltins, no.main, no.preload]),
  layer(['src-preload/**/*.ts'], [], [no.nodeBuiltins, no.main, no.renderer]),
  layer(['src-main/**/*.ts'], [electron.values], [no.renderer, no.preload], ELECTRON_GLUE),
  layer(ELECTRON_GLUE.filter((f) => f.startsWith('src-main/')), [], [no.renderer, no.preload]),
  // Documented exports: every exported function, class, type and constant of
  // src-shared, src-main and src-preload has a TSDoc comment; functions stay
  // short enough to read (a longer one says why in its eslint-disable comment).
  {
    files: ['src-shared/**/*.ts', 'src-main/**/*.ts', 'src-preload/**/*.ts'],
    plugins: { jsdoc },
    rules: {
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: { FunctionDeclaration: true, ClassDeclaration: true, ArrowFunctionExpression: false, FunctionExpression: false },
          contexts: ['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSEnumDeclaration', 'ExportNamedDeclaration > VariableDeclaration'],
        },
      ],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
)
