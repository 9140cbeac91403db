import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The worker entry and its task module are Node-only and separate, so the main entry stays free of them.
    entry: {
      index: 'src/index.ts',
      'batch/workers': 'src/batch/workers/index.ts',
      'batch/gridTask': 'src/batch/workers/gridTask.ts',
    },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { types: [] } },
    tsconfig: 'tsconfig.build.json',
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    // import.meta.url in the CommonJS build of the worker entry (it locates the task module).
    shims: true,
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
