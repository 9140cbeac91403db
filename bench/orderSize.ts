// Maximum order size against a 100k-level book: the search probes ~30 sizes, each a full order preview with a
// book walk; deep created books are walked through running totals, so the search costs about one walk.
import {
  createMarginAccount,
  createOrderBook,
  createPrices,
  maxOrderSize,
  type OrderBook,
  walkOrderBook,
} from '../src/index.js';

export function deepBook(levels: number): OrderBook {
  return createOrderBook({
    asks: Array.from({ length: levels }, (_, i) => [100 + i / 100, 1 + (i % 7)] as [number, number]),
    bids: Array.from({ length: levels }, (_, i) => [99.99 - i / 10_000, 1 + (i % 5)] as [number, number]),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [
      {
        id: 'X-PERP',
        kind: 'linear',
        baseAsset: 'X',
        quoteAsset: 'USDT',
        stepSize: '0.01',
        marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' },
      },
    ],
    collateral: [{ asset: 'USDT', amount: '2000000' }],
  });
  const prices = createPrices({ markets: { 'X-PERP': { mark: '100' } } });
  const request = { marketId: 'X-PERP', side: 'buy', type: 'market' } as const;
  // One plain walk of the whole depth the answer needs, on a fresh book, as the unit of cost.
  const walkBook = deepBook(100_000);
  const book = deepBook(100_000);
  const t0 = performance.now();
  const size = maxOrderSize(account, prices, { ...request, book });
  const search = performance.now() - t0;
  const t1 = performance.now();
  walkOrderBook({ bids: [...walkBook.bids], asks: [...walkBook.asks] }, 'buy', size.size);
  const walk = performance.now() - t1;
  console.log(
    `maxOrderSize on a 100k-level book: ${search.toFixed(0)} ms (${size.size.toString()}, ${size.limitedBy}); ` +
      `one level-by-level walk to that size: ${walk.toFixed(0)} ms; search = ${(search / walk).toFixed(1)} walks`,
  );
}
