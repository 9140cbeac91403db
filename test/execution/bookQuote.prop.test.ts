// Properties of walks by quote amount and of book metrics on random books.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarket,
  createOrderBook,
  Decimal,
  type Market,
  type OrderBook,
  orderBookMetrics,
  walkOrderBook,
  walkOrderBookByQuote,
} from '../../src/index.js';

/** A side as price offsets (ticks of 0.01 away from 1 000) and sizes (thousandths), made strictly monotone. */
const sideRows = fc.array(fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 50_000 })), {
  maxLength: 8,
});
const bookArb = fc.tuple(sideRows, sideRows).map(([b, a]): OrderBook => {
  const rows = (r: [number, number][], sign: number) => {
    let offset = 0;
    return r.map(([gap, size]) => {
      offset += gap;
      return { price: new Decimal(100_000 + sign * offset).div(100), size: new Decimal(size).div(1000) };
    });
  };
  return createOrderBook({ bids: rows(b, -1), asks: rows(a, 1) });
});
const marketArb = fc
  .record({
    kind: fc.constantFrom('linear' as const, 'inverse' as const),
    contractSize: fc.constantFrom('1', '0.1', '100'),
    step: fc.constantFrom(undefined, '0.001', '0.01', '1'),
  })
  .map(({ kind, contractSize, step }) =>
    createMarket({
      id: 'M',
      kind,
      baseAsset: 'B',
      quoteAsset: 'Q',
      contractSize,
      ...(step ? { stepSize: step } : {}),
      marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
    }),
  );

/** Quote cost of walking `size` (undefined when the book cannot fill it). */
function costOf(book: OrderBook, side: 'buy' | 'sell', size: Decimal, market: Market): Decimal | undefined {
  const walk = walkOrderBook(book, side, size, { market });
  if (walk.kind !== 'filled') return undefined;
  return walk.fills.reduce(
    (sum, f) =>
      sum.plus(
        market.kind === 'inverse'
          ? f.size.times(market.contractSize)
          : f.size.times(f.price).times(market.contractSize),
      ),
    new Decimal(0),
  );
}

describe('walkOrderBookByQuote (properties)', () => {
  it('spends at most the amount, on the step, and one more step would spend more (or cannot fill)', () => {
    fc.assert(
      fc.property(
        bookArb,
        marketArb,
        fc.constantFrom('buy' as const, 'sell' as const),
        fc.integer({ min: 1, max: 100_000_000 }).map((n) => new Decimal(n).div(100)),
        (book, market, side, amount) => {
          const w = walkOrderBookByQuote(book, side, amount, { market });
          expect(w.spent.lte(amount)).toBe(true);
          expect(w.spent.plus(w.unspent).eq(amount)).toBe(true);
          if (market.stepSize) expect(w.size.mod(market.stepSize).isZero()).toBe(true);
          if (!w.size.isZero()) expect(costOf(book, side, w.size, market)?.eq(w.spent)).toBe(true);
          if (w.kind === 'filled' && market.stepSize) {
            const next = costOf(book, side, w.size.plus(market.stepSize), market);
            if (next) expect(next.gt(amount)).toBe(true);
          }
          if (w.kind === 'partial') {
            const levels = side === 'buy' ? book.asks : book.bids;
            const all = levels.reduce((s, l) => s.plus(l.size), new Decimal(0));
            expect(all.minus(w.size).lt(market.stepSize ?? '1e-30')).toBe(true);
          }
        },
      ),
    );
  });
});

describe('orderBookMetrics (properties)', () => {
  it('puts the mid inside the spread and grows depth with the band', () => {
    fc.assert(
      fc.property(
        bookArb,
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 5 }),
        (book, permille) => {
          const bands = [...permille].sort((a, b) => a - b).map((n) => new Decimal(n).div(1000));
          const m = orderBookMetrics(book, { depthWithin: bands });
          if (m.kind === 'one-sided') {
            expect(book.bids.length === 0 || book.asks.length === 0).toBe(true);
            return;
          }
          expect(m.bestBid.lt(m.mid) && m.mid.lt(m.bestAsk)).toBe(true);
          expect(m.spreadBps.eq(m.spread.div(m.mid).times(10_000))).toBe(true);
          for (let i = 1; i < m.depth.length; i++) {
            const [a, b] = [m.depth[i - 1], m.depth[i]];
            expect(b?.bidSize.gte(a?.bidSize ?? 0) && b?.askSize.gte(a?.askSize ?? 0)).toBe(true);
          }
          for (const d of m.depth) {
            const bids = book.bids.filter((l) => l.price.gte(m.mid.times(new Decimal(1).minus(d.within))));
            expect(d.bidSize.eq(bids.reduce((s, l) => s.plus(l.size), new Decimal(0)))).toBe(true);
          }
        },
      ),
    );
  });
});
