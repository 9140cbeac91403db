// Benchmarks of the exact path against a plain float64 loop doing the same arithmetic.
// Run with `npm run bench`; figures are ratios measured in one run on one machine.
import { bench, group, run, summary } from 'mitata';
import {
  createMarginAccount,
  createPrices,
  liquidationPrice,
  type MarginAccount,
  marginRequirement,
  type Prices,
  summarizeAccount,
} from '../src/index.js';
import { FULL, runBatchBench } from './batch.js';

const N = 10;
const markets = Array.from({ length: N }, (_, i) => ({
  id: `M${i}`,
  kind: 'linear' as const,
  baseAsset: `A${i}`,
  quoteAsset: 'USDT',
  marginSchedule: {
    type: 'tiered' as const,
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
      { notionalFloor: 250_000, initialFraction: '0.04', maintenanceFraction: '0.02' },
      { notionalFloor: 1_000_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
    ],
  },
}));
const sizes = Array.from({ length: N }, (_, i) => (i % 2 === 0 ? 1 : -1) * (1.5 + i * 0.37));
const entries = Array.from({ length: N }, (_, i) => 1000 + i * 137.5);
const marks = entries.map((e, i) => e * (1 + (i % 3) * 0.01 - 0.01));

const account: MarginAccount = createMarginAccount({
  settleAsset: 'USDT',
  markets,
  collateral: [{ asset: 'USDT', amount: '25000' }],
  positions: sizes.map((s, i) => ({
    marketId: `M${i}`,
    size: String(s),
    entryPrice: String(entries[i]),
    marginMode: 'cross' as const,
  })),
});
const prices: Prices = createPrices({
  markets: Object.fromEntries(marks.map((m, i) => [`M${i}`, { mark: String(m) }])),
});

// The same account as Float64Arrays, with the tier lookup done inline.
const fSize = Float64Array.from(sizes);
const fEntry = Float64Array.from(entries);
const fMark = Float64Array.from(marks);
const floors = [0, 250_000, 1_000_000];
const imfs = [0.02, 0.04, 0.1];
const mmfs = [0.01, 0.02, 0.05];
const deds = [0, 2_500, 32_500];
function floatSummary(): number {
  let equity = 25_000;
  let imr = 0;
  let mmr = 0;
  for (let i = 0; i < N; i++) {
    const s = fSize[i] as number;
    const p = fMark[i] as number;
    const n = Math.abs(s) * p;
    let t = 0;
    while (t + 1 < floors.length && (floors[t + 1] as number) <= n) t++;
    equity += s * (p - (fEntry[i] as number));
    imr += n * (imfs[t] as number);
    mmr += n * (mmfs[t] as number) - (deds[t] as number);
  }
  return equity - imr + mmr;
}

const market0 = account.markets.M0;
if (!market0) throw new Error('bench setup');

summary(() => {
  group('one position requirement', () => {
    bench('marginRequirement (exact, tiered)', () => marginRequirement(market0, '1.5', '1010'));
  });
  group(`account summary, ${N} cross positions`, () => {
    bench('summarizeAccount (exact)', () => summarizeAccount(account, prices));
    bench('float64 loop (same formulas)', () => floatSummary());
  });
  group('cross liquidation price (tier-consistent)', () => {
    bench('liquidationPrice (exact)', () => liquidationPrice(account, prices, 'M0'));
  });
});

await run();

// The batch screen's figures (recorded in bench/results.md).
const figures = await runBatchBench(FULL, (line) => console.log(line));
console.log(JSON.stringify(figures, null, 2));
