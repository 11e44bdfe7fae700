import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

/**
 * Three builds: the main process (ESM), the preload (CommonJS, because a
 * sandboxed preload cannot be an ES module) and the Vue renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The dataset parser's worker thread is its own entry, emitted beside index.js.
        input: { index: resolve('src-main/index.ts'), 'dataset-worker': resolve('src-main/datasets/worker.ts') },
        external: ['electron', 'exceljs', 'iconv-lite', 'chardet'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [vue()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // Never inline assets as data: URLs: the CSP allows fonts and scripts from 'self' only.
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
})
