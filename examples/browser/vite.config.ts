import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page imports the library by its package name; here it is the source of this repository.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { alias: { marginkit: fileURLToPath(new URL('../../src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  logLevel: 'warn',
});
