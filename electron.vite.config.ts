import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // the window's process, the backend process (a utility process), the PDF worker and the copy worker: entries in
        // one folder, since each finds the others beside itself (electron/backend/process/entry.ts)
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          backendProcess: resolve(import.meta.dirname, 'electron/backend/process/backendProcess.ts'),
          pdfWorker: resolve(import.meta.dirname, 'electron/backend/documents/pdfWorker.ts'),
          copyWorker: resolve(import.meta.dirname, 'electron/backend/store/copyWorker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        external: ['better-sqlite3-multiple-ciphers', 'pdfmake'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // a sandboxed preload must be CommonJS
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
