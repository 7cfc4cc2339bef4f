/**
 * Three builds: main (Node, dependencies external: sqlite3 is native), preload (sandboxed, so one
 * CommonJS file with everything bundled), renderer (Vue; Element Plus imported on demand).
 */
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { fileURLToPath } from 'node:url'

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: r('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may require only 'electron': bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: r('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('renderer'),
    base: './',
    resolve: {
      alias: { '@': r('renderer/src'), '@contract': r('electron/contract') },
    },
    plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })],
    build: {
      outDir: r('out/renderer'),
      // electron-vite leaves the renderer unminified by default; old PCs load a third less this way.
      minify: true,
      rollupOptions: { input: r('renderer/index.html') },
    },
  },
})
