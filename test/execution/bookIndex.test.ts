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
    // Prices step away from the touch by each row's step, in hundredths.
    const asks: [number, number][] = [];
    const bids: [number, number][] = [];
    let ask = 1000;
    let bid = 999;
    for (const [step, size] of rows) {
      ask += step / 100;
      bid -= step / 100;
      asks.push([ask, size / 100]);
      bids.push([bid, size / 100]);
    }
    return createOrderBook({ asks, bids });
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
