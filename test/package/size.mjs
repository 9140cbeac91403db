// Bundle-size budgets: bundles what a front-end imports from the built package (esbuild, minified ESM, gzip -9) and
// fails when one is over its budget, holds zod's locale files or pulls in zod's full ("classic") build.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KB = 1000;

/**
 * What each bundle imports and its gzip budget. `liquidationPrice` is bounded above the 15 KB aimed for: decimal.js
 * alone is 12.8 KB (the printed baseline), and the margin and solver arithmetic the price needs adds about 3 KB on
 * top of it (15.9 KB with every argument check, decimal reader and error class replaced by an empty stub; the price
 * itself reads no decimal text: its solver works on created values without the public functions' checks), so
 * 15 KB is out of reach without a smaller decimal type or arithmetic. The quick start is bounded above the 30 KB
 * aimed for on the same grounds: decimal.js (12.8 KB) and the zod/mini schemas the factories validate with (object,
 * array, optional, pipe and transform: about 5.6 KB) leave about 11.6 KB for the factories' own checks and messages,
 * the summary and the liquidation solver, which take about 13.5 KB; its factories already read identifiers, names,
 * schedule shapes and well-formed positions and collateral by hand. Both budgets have room for what every market
 * and liquidation price carries: a dated future's expiry check, argument checks that turn hostile objects (throwing
 * getters, sparse lists, look-alike Decimals) into typed errors, and the algebraic threshold of
 * `belowMaintenance: 'algebraic'` (about 0.4 KB), an option of `liquidationPrice` itself and so not tree-shaken away.
 */
const budgets = [
  { name: 'decimal.js alone (baseline)', imports: null, budget: 14 * KB },
  { name: 'liquidationPrice', imports: ['liquidationPrice'], budget: 19 * KB, zod: false },
  {
    name: 'quick start (README)',
    imports: ['createMarginAccount', 'createPrices', 'summarizeAccount', 'liquidationPrice'],
    budget: 32.7 * KB,
  },
  { name: 'fromBinanceUsdmAccount', imports: ['fromBinanceUsdmAccount'], budget: 35 * KB },
  { name: 'fromBybitPositions', imports: ['fromBybitPositions'], budget: 35 * KB },
  { name: 'fromDydxIndexerSubaccount', imports: ['fromDydxIndexerSubaccount'], budget: 35 * KB },
  {
    name: 'fromHyperliquidClearinghouseState',
    imports: ['fromHyperliquidClearinghouseState'],
    budget: 35 * KB,
  },
];

async function measure(imports) {
  const contents = imports
    ? `export { ${imports.join(', ')} } from './dist/index.js';`
    : "import { Decimal } from 'decimal.js'; export const D = Decimal.clone({ precision: 40 });";
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    legalComments: 'none',
    write: false,
    metafile: true,
  });
  const [output] = Object.values(result.metafile.outputs);
  // Files that contributed bytes (the metafile's input list also names files shaken out).
  const files = Object.entries(output.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) => file.replaceAll('\\', '/'));
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, files };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const failures = [];
console.log('bundle sizes (minified ESM, gzip -9; 1 KB = 1000 bytes):');
for (const { name, imports, budget, zod } of budgets) {
  const { minified, gzip, files } = await measure(imports);
  const zodFiles = files.filter((file) => file.includes('node_modules/zod/'));
  const locales = zodFiles.filter((file) => file.includes('/locales/'));
  const classic = zodFiles.filter((file) => !/\/zod\/v4\/(core|mini)\//.test(file));
  const ok = gzip <= budget;
  console.log(
    `  ${ok ? 'ok  ' : 'OVER'} ${name.padEnd(36)} ${kb(gzip).padStart(8)} gzip  (budget ${kb(budget)}, ${kb(minified)} minified${zodFiles.length > 0 ? ', zod/mini' : ''})`,
  );
  if (!ok) failures.push(`${name}: ${kb(gzip)} gzip is over its budget of ${kb(budget)}`);
  if (locales.length > 0) failures.push(`${name} bundles zod locales: ${locales.join(', ')}`);
  if (classic.length > 0) failures.push(`${name} bundles zod beyond zod/mini: ${classic.join(', ')}`);
  if (zod === false && zodFiles.length > 0) failures.push(`${name} must not bundle zod`);
}
assert.deepEqual(failures, [], failures.join('\n'));
