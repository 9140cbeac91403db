// Checks the built package the way consumers load it: ESM import, CommonJS require, and a tree-shaken bundle.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

const esm = await import(new URL('../../dist/index.js', import.meta.url).href);
const cjs = require('../../dist/index.cjs');

for (const [name, lib] of [
  ['esm', esm],
  ['cjs', cjs],
]) {
  const account = lib.createMarginAccount({
    settleAsset: 'USDT',
    markets: [
      {
        id: 'BTCUSDT',
        kind: 'linear',
        baseAsset: 'BTC',
        quoteAsset: 'USDT',
        marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.005' },
      },
    ],
    positions: [
      { marketId: 'BTCUSDT', size: 1, entryPrice: 10_000, marginMode: 'isolated', isolatedMargin: 200 },
    ],
  });
  const prices = lib.createPrices({ markets: { BTCUSDT: { mark: 10_000 } } });
  const bp = lib.bankruptcyPrice(account, prices, 'BTCUSDT');
  assert.equal(bp.kind, 'price', `${name}: bankruptcy price kind`);
  assert.equal(bp.price.toString(), '9800', `${name}: bankruptcy price`);
  assert.equal(lib.Decimal.precision, 40, `${name}: Decimal precision`);
  assert.equal(new lib.Decimal(1).div(3).toString().length, 42, `${name}: 40 significant digits`);
}

// An error thrown by one copy is recognised by the other.
let thrown;
try {
  cjs.createPosition({ marketId: 'X', size: Number.NaN, entryPrice: 1, marginMode: 'cross' });
} catch (error) {
  thrown = error;
}
assert.ok(esm.isMarginKitError(thrown), 'CJS error recognised by the ESM copy');
assert.equal(thrown.code, 'NOT_FINITE');
assert.deepEqual([...thrown.path], ['size']);

// Tree-shaking: the pure math does not pull in zod.
const result = await build({
  stdin: {
    contents: "export { notional, unrealizedPnl } from './dist/index.js';",
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  metafile: true,
});
// Files that contributed bytes to the output (the metafile's input list also names files shaken out).
const [output] = Object.values(result.metafile.outputs);
const contributing = Object.entries(output.inputs)
  .filter(([, info]) => info.bytesInOutput > 0)
  .map(([file]) => file);
const zodFiles = contributing.filter((file) => file.includes('node_modules/zod'));
assert.deepEqual(zodFiles, [], 'notional alone must not bundle zod');
const bytes = result.outputFiles[0].contents.length;
console.log(
  `package consumers: esm ok, cjs ok, cross-copy errors ok; notional+unrealizedPnl bundle ${bytes} bytes (decimal.js included), zod excluded`,
);

// The main entry bundles for a browser without any Node built-in or the worker pool library.
const browser = await build({
  stdin: { contents: "export * from './dist/index.js';", resolveDir: root, loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
});
const browserInputs = Object.keys(browser.metafile.inputs);
assert.deepEqual(
  browserInputs.filter((file) => file.includes('tinypool') || file.startsWith('node:')),
  [],
  'the main entry must not pull in tinypool or Node built-ins',
);

// The worker entry runs a grid on two threads, from ESM and from CommonJS, equal to the one-thread grid.
const workersEsm = await import(new URL('../../dist/batch/workers.js', import.meta.url).href);
const workersCjs = require('../../dist/batch/workers.cjs');
const gridAccounts = [1500, 3000, 9000, 400].map((amount) =>
  esm.createMarginAccount({
    settleAsset: 'USDT',
    markets: [
      {
        id: 'BTC',
        kind: 'linear',
        baseAsset: 'BTC',
        quoteAsset: 'USDT',
        marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
      },
    ],
    collateral: [{ asset: 'USDT', amount }],
    positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }],
  }),
);
const gridBook = esm.packAccounts(gridAccounts, esm.createPrices({ markets: { BTC: { mark: 50_000 } } }));
const gridScenarios = esm.packScenarios(gridBook, esm.uniformLadder('-0.5', '0.5', '0.1'));
const oneThread = esm.gridPackedBook(gridBook, gridScenarios);
for (const [name, workers] of [
  ['esm', workersEsm],
  ['cjs', workersCjs],
]) {
  const grid = await workers.gridInWorkers(gridBook, gridScenarios, { threads: 2, shards: 3 });
  assert.deepEqual([...grid.liquidatingCount], [...oneThread.liquidatingCount], `${name}: worker grid`);
  assert.deepEqual([...grid.worstEquity], [...oneThread.worstEquity], `${name}: worker grid equity`);
  const pool = await workers.createGridPool({ threads: 2 });
  const pooled = await pool.grid(gridBook, gridScenarios, { shards: 3 });
  await pool.destroy();
  assert.deepEqual([...pooled.liquidatingCount], [...oneThread.liquidatingCount], `${name}: pooled grid`);
}
console.log(
  'package consumers: browser bundle of the main entry has no Node built-ins; worker grid esm ok, cjs ok',
);
