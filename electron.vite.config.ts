import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'

/**
 * Fontsource lists a `.woff` fallback after every `.woff2` file. Electron's
 * Chromium always takes the woff2, so the fallbacks are dropped: half the font
 * files and a third of the font CSS go unshipped.
 */
function woff2Only(): Plugin {
  return {
    name: 'g60-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null }
    },
  }
}

/**
 * Three builds: the main process (ESM), the preload (CommonJS, because a
 * sandboxed preload cannot be an ES module) and the Vue renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The dataset parser's and the exporter's worker threads are entries of their own, emitted beside index.js.
        input: {
          index: resolve('src-main/index.ts'),
          'dataset-worker': resolve('src-main/datasets/worker.ts'),
          'render-worker': resolve('src-main/export/render-worker.ts'),
        },
        // electron-vite leaves every package in package.json's `dependencies` external
        // (build.externalizeDeps, on by default): only @resvg/resvg-js (a native addon) and
        // pdfkit (it requires its standard fonts through its own package.json `imports` at run
        // time, which a bundle cannot resolve) are there, and electron-builder
        // copies exactly those into app.asar. Everything else main imports is bundled here.
        external: ['electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [woff2Only(), vue()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // Never inline assets as data: URLs: the CSP allows fonts and scripts from 'self' only.
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
})
