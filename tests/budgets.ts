/**
 * Time budgets for tests whose work is real: spawning a CLI (a new Node with
 * tsx compiling the sources) or rendering charts and dashboards to pixels.
 * On a loaded two-core machine such a test takes many times its idle time,
 * so vitest's default 5 s would fail CI for load alone. These files run in
 * their own vitest project (`node-heavy`) with the budget below; every other
 * node test keeps the default, so a real hang there is still caught quickly.
 * `tests/packaging/test-budgets.test.ts` finds spawning and rendering test
 * files by their imports and fails when one is missing here.
 */

/**
 * Per-test and per-hook budget of the heavy files, in milliseconds. Chosen as
 * about ten times the slowest heavy test measured on an idle machine (a
 * dashboard PDF, ≈ 7 s on a loaded one), so load alone never reaches it.
 */
export const HEAVY_TEST_TIMEOUT_MS = 120_000

/** Test files (relative to the repository root) that spawn processes, render to pixels, or run the TypeScript compiler and ESLint over the project (layering). */
export const HEAVY_TESTS: readonly string[] = [
  'tests/main/cli/export.test.ts',
  'tests/main/cli/template.test.ts',
  'tests/main/cli/validate.test.ts',
  'tests/main/core.test.ts',
  'tests/main/datasets/service.test.ts',
  'tests/main/core-untrusted.test.ts',
  'tests/main/datasets/worker-host.test.ts',
  'tests/main/worker-slot.test.ts',
  'tests/main/export/cjk.test.ts',
  'tests/main/export/dashboard.test.ts',
  'tests/main/export/marking.test.ts',
  'tests/main/export/pack.test.ts',
  'tests/main/export/pptx.test.ts',
  'tests/main/export/render-host.test.ts',
  'tests/main/export/render.test.ts',
  'tests/main/export/render-text.test.ts',
  'tests/main/export/service.test.ts',
  'tests/main/export/service-view.test.ts',
  'tests/layering/layering.test.ts',
  'tests/main/index.test.ts',
  'tests/packaging/electron-builder.test.ts',
  'tests/packaging/main-build.test.ts',
  'tests/scripts/ensure-electron.test.ts',
  'tests/shared/charts/bundled.test.ts',
  'tests/shared/charts/cities.test.ts',
  'tests/shared/charts/conflicts.test.ts',
  'tests/shared/charts/city-map.test.ts',
  'tests/shared/charts/dashboards.test.ts',
  'tests/shared/charts/industry.test.ts',
  'tests/shared/charts/layout.test.ts',
  'tests/shared/charts/table.test.ts',
  'tests/shared/charts/themes.test.ts',
  'tests/shared/charts/tooltip.test.ts',
]

/**
 * True when a test file's source spawns a process or renders charts: it
 * imports `node:child_process`, the export renderers, the main core (which
 * exports), the SSR test helper, or resvg.
 */
export function isHeavyTestSource(source: string): boolean {
  return /from '(node:)?child_process'|src-main\/export\/(render|dashboard|pack|service|render-host|pptx)'|src-main\/core'|from '\.\/render'|charts\/render'|@resvg\/resvg-js/.test(source)
}
