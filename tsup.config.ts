import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { types: [] } },
    tsconfig: 'tsconfig.build.json',
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
  },
  {
    // The `marginkit` command: a separate bundle that loads the library through the package's own entry, which the
    // library never imports.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    tsconfig: 'tsconfig.build.json',
    target: 'node20',
    platform: 'node',
    external: ['marginkit'],
    banner: { js: '#!/usr/bin/env node' },
    splitting: false,
  },
]);
