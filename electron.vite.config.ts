import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { eagerCompileHint } from './scripts/compile-hints';

// Main-side bundles: the Electron shell, the HTTP serve mode, the benchmark and the
// import parser worker are separate entries so each can be started on its own under Node.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          serve: resolve('electron/serve.ts'),
          bench: resolve('electron/bench/index.ts'),
          'parse-worker': resolve('electron/services/import/parse-worker.ts'),
        },
        // The browser benchmarks drive Chromium with playwright-core (a dev dependency): load it
        // from node_modules at run time rather than bundling it.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      // Minified (electron-vite leaves the renderer unminified by default): V8 parses each
      // function's source again when it first runs, and the bundle is 850 KB instead of 1.9 MB.
      minify: true,
      // The entry is one large chunk on purpose: it is read from disk, not over a network. Only the
      // screens built on TanStack Table are chunks of their own (renderer/src/app/lazy-screens.tsx),
      // marked for eager compilation by eagerCompileHint (scripts/compile-hints.ts).
      chunkSizeWarningLimit: 1024,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react(), eagerCompileHint()],
  },
});
