import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { HEAVY_TEST_TIMEOUT_MS, HEAVY_TESTS } from './budgets.ts'

const root = resolve(import.meta.dirname, '..')

/** Every node-environment test file; the heavy ones among them run in `node-heavy`. */
export const NODE_TESTS = ['tests/main/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'tests/layering/**/*.test.ts', 'tests/preload/**/*.test.ts', 'tests/scripts/**/*.test.ts']

export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: NODE_TESTS,
          exclude: [...HEAVY_TESTS, '**/node_modules/**'],
          setupFiles: ['tests/setup-main.ts'],
        },
      },
      {
        // Tests that spawn a CLI or render to pixels: budgets that match their work (tests/budgets.ts).
        extends: true,
        test: {
          name: 'node-heavy',
          environment: 'node',
          include: [...HEAVY_TESTS],
          setupFiles: ['tests/setup-main.ts'],
          testTimeout: HEAVY_TEST_TIMEOUT_MS,
          hookTimeout: HEAVY_TEST_TIMEOUT_MS,
        },
      },
      {
        extends: true,
        plugins: [vue()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // A browser test drives the real app: on a loaded two-core machine a dashboard PDF
          // or a save that round-trips through main takes many times its idle time, so the
          // budgets (and expect.poll's default wait) are sized for load, not for speed.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 20_000, interval: 50 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
