// Cost of a stress run whose cascade liquidates most of a large cross book: one −20 % uniform shock on N long
// positions (flat 5 % / 2.5 % schedule) on collateral worth 8 % of the gross notional.
import {
  createMarginAccount,
  createPrices,
  type MarginAccount,
  type Prices,
  stressAccount,
} from '../src/index.js';

export function liquidatingBook(n: number): { account: MarginAccount; prices: Prices } {
  const markets = Array.from({ length: n }, (_, i) => ({
    id: `M${i}`,
    kind: 'linear' as const,
    baseAsset: `A${i}`,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat' as const, initialFraction: '0.05', maintenanceFraction: '0.025' },
  }));
  const marks: Record<string, { mark: string }> = {};
  const positions = markets.map((m, i) => {
    const price = 10 + ((i * 7919) % 997);
    marks[m.id] = { mark: String(price) };
    return {
      marketId: m.id,
      size: String(1 + (i % 13)),
      entryPrice: String(price * (1 + ((i % 5) - 2) / 100)),
      marginMode: 'cross' as const,
    };
  });
  const gross = positions.reduce((s, p, i) => s + Number(p.size) * Number(marks[`M${i}`]?.mark), 0);
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets,
    collateral: [{ asset: 'USDT', amount: (gross * 0.08).toFixed(2) }],
    positions,
  });
  return { account, prices: createPrices({ markets: marks }) };
}

/** Milliseconds of one stress run on a book of `n` positions, and how many it liquidated. */
export function timeCascade(n: number): { ms: number; liquidated: number } {
  const { account, prices } = liquidatingBook(n);
  const shock = [{ name: '-20%', shock: { kind: 'uniform' as const, move: '-0.2' } }];
  stressAccount(account, prices, shock); // warm
  const t0 = performance.now();
  const run = stressAccount(account, prices, shock);
  return { ms: performance.now() - t0, liquidated: run.results[0]?.cascade.length ?? 0 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const n of [100, 200, 400, 800, 1000]) {
    const { ms, liquidated } = timeCascade(n);
    console.log(`${n} positions: ${ms.toFixed(1)} ms, ${liquidated} liquidated`);
  }
}
