// Deep created books are walked through running totals; the result must be the level-by-level walk's, exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarket, createOrderBook, type OrderBook, walkOrderBook } from '../../src/index.js';

const inverse = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
});
const linear = createMarket({
  id: 'ETH-PERP',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  contractSize: '0.1',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
});

const bookArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 9_999 })), {
    minLength: 33,
    maxLength: 160,
  })
  .map((rows) => {
    let ask = 1000;
    let bid = 999;
    return createOrderBook({
      asks: rows.map(([step, size]) => [(ask += step / 100), size / 100] as [number, number]),
      bids: rows.map(([step, size]) => [(bid -= step / 100), size / 100] as [number, number]),
    });
  });

/** The same levels in arrays that are not frozen, so the walk goes level by level. */
function unindexed(book: OrderBook): OrderBook {
  return { bids: [...book.bids], asks: [...book.asks] };
}

describe('walks of deep books', () => {
  it('read through running totals equal the level-by-level walk', () => {
    fc.assert(
      fc.property(
        bookArb,
        fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.constantFrom(undefined, inverse, linear),
        (book, side, hundredths, market) => {
          const options = { ...(market ? { market } : {}), feeRate: '0.0005', mark: 999.5 };
          const fast = walkOrderBook(book, side, hundredths / 100, options);
          const slow = walkOrderBook(unindexed(book), side, hundredths / 100, options);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
