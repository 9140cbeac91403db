// Properties of the execution module on random books, markets, fees and accounts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFill,
  createMarginAccount,
  createMarket,
  createOrderBook,
  createPrices,
  Decimal,
  type MarginScheduleInput,
  type MarketInput,
  maxOrderSize,
  maxSizeWithinSlippage,
  type OrderBook,
  type OrderSide,
  previewOrder,
  tradingFee,
  walkOrderBook,
} from '../../src/index.js';
import { balance, filled } from './fixtures.js';

// ---- generators -------------------------------------------------------------------------------------------

/** mantissa · 10^−scale */
const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min, max }).map((n) => new Decimal(n).div(new Decimal(10).pow(scale)));

const side = fc.constantFrom<OrderSide>('buy', 'sell');
const feeRate = decimal(0, 1000, 6); // [0, 0.001]

/** Levels outward from a mid of 100: gaps and sizes in hundredths. */
const levels = (maxLength: number) =>
  fc.array(fc.record({ gap: fc.integer({ min: 1, max: 500 }), size: fc.integer({ min: 1, max: 10_000 }) }), {
    maxLength,
  });
function toBook(bids: { gap: number; size: number }[], asks: { gap: number; size: number }[]): OrderBook {
  const side = (rows: { gap: number; size: number }[], sign: number) => {
    let cents = 10_000;
    return rows.map(({ gap, size }) => {
      cents += sign * gap;
      return [new Decimal(cents).div(100), new Decimal(size).div(100)] as const;
    });
  };
  return createOrderBook({ bids: side(bids, -1), asks: side(asks, 1) });
}
const book = fc.tuple(levels(6), levels(6)).map(([b, a]) => toBook(b, a));
const twoSidedBook = fc
  .tuple(levels(6), levels(6))
  .filter(([b, a]) => b.length > 0 && a.length > 0)
  .map(([b, a]) => toBook(b, a));
const oneSidedBook = fc
  .tuple(levels(6), fc.boolean())
  .map(([rows, bidsOnly]) => (bidsOnly ? toBook(rows, []) : toBook([], rows)));

const linearOrInverse = fc
  .record({
    kind: fc.constantFrom('linear' as const, 'inverse' as const),
    contractSize: fc.constantFrom('1', '0.1', '10', '100'),
    imf: decimal(1, 50, 2), // 0.01 … 0.5
  })
  .map(
    ({ kind, contractSize, imf }): MarketInput => ({
      id: 'M',
      kind,
      baseAsset: 'B',
      quoteAsset: 'Q',
      contractSize,
      stepSize: '0.01',
      marginSchedule: { type: 'flat', initialFraction: imf, maintenanceFraction: imf.div(2) },
    }),
  );

const flatSchedule = decimal(1, 50, 2).map(
  (imf): MarginScheduleInput => ({ type: 'flat', initialFraction: imf, maintenanceFraction: imf.div(2) }),
);
const tieredSchedule = fc
  .record({
    floors: fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 3 }),
    imfs: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 4, maxLength: 4 }), // steps of 0.01
  })
  .map(({ floors, imfs }): MarginScheduleInput => {
    const sortedFloors = [...new Set(floors)].sort((a, b) => a - b);
    let imf = new Decimal(0);
    const tiers = [0, ...sortedFloors].map((floor, i) => {
      imf = imf.plus(new Decimal(imfs[i] ?? 1).div(100));
      return { notionalFloor: floor, initialFraction: imf, maintenanceFraction: imf.div(2) };
    });
    return { type: 'tiered', tiers };
  });

// ---- properties -------------------------------------------------------------------------------------------

describe('execution properties', () => {
  it('a buy then an equal sell at the same price: size 0, realised PnL 0, net = −(fee1 + fee2)', () => {
    fc.assert(
      fc.property(
        linearOrInverse,
        fc.integer({ min: 1, max: 100_000 }),
        decimal(1, 10_000_000, 2),
        feeRate,
        feeRate,
        side,
        (input, steps, price, rate1, rate2, first) => {
          const m = createMarket(input);
          const q = new Decimal(steps).div(100);
          const sign = first === 'buy' ? 1 : -1;
          const open = applyFill(m, 0, 1, q.times(sign), price);
          const close = applyFill(m, open.size, open.entryPrice, q.times(-sign), price);
          expect(open.transition).toBe('open');
          expect(close.transition).toBe('close');
          expect(close.size.isZero()).toBe(true);
          expect(close.realizedPnl.isZero()).toBe(true);
          const fee1 = tradingFee(m, q, price, rate1);
          const fee2 = tradingFee(m, q, price, rate2);
          const net = open.realizedPnl.plus(close.realizedPnl).minus(fee1).minus(fee2);
          expect(net.equals(fee1.plus(fee2).negated())).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('previewing the buy and then the sell changes the collateral by −(fee1 + fee2)', () => {
    fc.assert(
      fc.property(
        linearOrInverse,
        fc.integer({ min: 1, max: 100_000 }),
        decimal(1, 10_000_000, 2),
        decimal(1, 10_000_000, 2),
        feeRate,
        feeRate,
        side,
        fc.constantFrom('cross' as const, 'isolated' as const),
        decimal(1, 1_000_000, 2),
        (input, steps, price, mark, rate1, rate2, first, marginMode, isolatedMargin) => {
          const settle = input.kind === 'linear' ? 'Q' : 'B';
          const account = createMarginAccount({
            settleAsset: settle,
            markets: [input],
            collateral: [{ asset: settle, amount: 1_000_000 }],
          });
          const prices = createPrices({ markets: { M: { mark } } });
          const size = new Decimal(steps).div(100);
          const order = { marketId: 'M', size, price } as const;
          const isolated = marginMode === 'isolated' ? { marginMode, isolatedMargin } : {};
          const one = filled(
            previewOrder(account, prices, { ...order, side: first, feeRate: rate1, ...isolated }),
          );
          const two = filled(
            previewOrder(one.account, prices, {
              ...order,
              side: first === 'buy' ? 'sell' : 'buy',
              feeRate: rate2,
            }),
          );
          expect(two.transition).toBe('close');
          expect(two.account.positions).toHaveLength(0);
          expect(two.realizedPnl.isZero()).toBe(true);
          const m = createMarket(input);
          expect(one.fee.equals(tradingFee(m, size, price, rate1))).toBe(true);
          const change = balance(two.account).minus(balance(account));
          const expected = one.fee.plus(two.fee).negated();
          // exact for linear; inverse fees are quotients, equal to 40 significant digits
          expect(change.minus(expected).abs().lessThanOrEqualTo('1e-30')).toBe(true);
          if (input.kind === 'linear') expect(change.equals(expected)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the VWAP lies between the best and the worst level price', () => {
    fc.assert(
      fc.property(book, side, fc.integer({ min: 1, max: 200_000 }), (b, s, hundredths) => {
        const walk = walkOrderBook(b, s, new Decimal(hundredths).div(100));
        if (walk.kind === 'none') {
          expect((s === 'buy' ? b.asks : b.bids).length).toBe(0);
          return;
        }
        const lo = Decimal.min(walk.bestPrice, walk.worstPrice);
        const hi = Decimal.max(walk.bestPrice, walk.worstPrice);
        expect(walk.averagePrice.greaterThanOrEqualTo(lo)).toBe(true);
        expect(walk.averagePrice.lessThanOrEqualTo(hi)).toBe(true);
        expect(walk.slippage.best.greaterThanOrEqualTo(0)).toBe(true); // never better than the best level
        expect(walk.filled.plus(walk.unfilled).equals(walk.requested)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('walking with the size of the whole side fills it exactly', () => {
    fc.assert(
      fc.property(book, side, (b, s) => {
        const levelsTaken = s === 'buy' ? b.asks : b.bids;
        fc.pre(levelsTaken.length > 0);
        const total = levelsTaken.reduce((sum, l) => sum.plus(l.size), new Decimal(0));
        const walk = walkOrderBook(b, s, total);
        if (walk.kind === 'none') throw new Error('unreachable');
        expect(walk.kind).toBe('filled');
        expect(walk.unfilled.isZero()).toBe(true);
        expect(walk.filled.equals(total)).toBe(true);
        expect(walk.fills).toHaveLength(levelsTaken.length);
        expect(walk.worstPrice.equals(levelsTaken[levelsTaken.length - 1]?.price ?? 0)).toBe(true);
        const quote = levelsTaken.reduce((sum, l) => sum.plus(l.size.times(l.price)), new Decimal(0));
        expect(walk.notional.equals(quote)).toBe(true);
        // one more hundredth is a partial fill
        const more = walkOrderBook(b, s, total.plus('0.01'));
        expect(more.kind).toBe('partial');
        expect(more.unfilled.equals('0.01')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('walking an empty or one-sided book gives a typed result, never an exception', () => {
    fc.assert(
      fc.property(oneSidedBook, side, fc.integer({ min: 1, max: 100_000 }), (b, s, hundredths) => {
        const size = new Decimal(hundredths).div(100);
        const walk = walkOrderBook(b, s, size, { mark: 100, oracle: 100 });
        const taken = s === 'buy' ? b.asks : b.bids;
        if (taken.length === 0) {
          expect(walk).toEqual({ kind: 'none', side: s, requested: size, unfilled: size });
        } else {
          if (walk.kind === 'none') throw new Error('unreachable');
          expect(['filled', 'partial']).toContain(walk.kind);
          expect(walk.slippage.mid).toBeUndefined();
          expect(walk.slippage.mark).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the slippage-limited size keeps the average (or worst) price within the limit', () => {
    fc.assert(
      fc.property(
        twoSidedBook,
        side,
        decimal(0, 500, 4),
        fc.constantFrom('average' as const, 'worst' as const),
        (b, s, limit, measure) => {
          const r = maxSizeWithinSlippage(b, s, limit, { measure });
          fc.pre(!r.size.isZero());
          const walk = walkOrderBook(b, s, r.size);
          if (walk.kind === 'none') throw new Error('unreachable');
          expect(walk.kind).toBe('filled');
          const price = measure === 'average' ? walk.averagePrice : walk.worstPrice;
          // a two-sided book always has a mid, hence a limit price
          const limitPrice = r.limitPrice;
          if (limitPrice === undefined) throw new Error('a two-sided book has a limit price');
          const tolerance = limitPrice.times('1e-30');
          if (s === 'buy') expect(price.lessThanOrEqualTo(limitPrice.plus(tolerance))).toBe(true);
          else expect(price.greaterThanOrEqualTo(limitPrice.minus(tolerance))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  // Optimality of the average measure: unless the book is exhausted, a little more than the answer averages
  // beyond the limit.
  it("the 'average' slippage-limited size is the largest: a little more averages beyond the limit", () => {
    fc.assert(
      fc.property(twoSidedBook, side, decimal(0, 500, 4), (b, s, limit) => {
        const r = maxSizeWithinSlippage(b, s, limit);
        fc.pre(!r.bookExhausted);
        const limitPrice = r.limitPrice;
        if (limitPrice === undefined) throw new Error('a two-sided book has a limit price');
        const walk = walkOrderBook(b, s, r.size.plus('0.0001'));
        if (walk.kind === 'none') throw new Error('unreachable');
        if (s === 'buy') expect(walk.averagePrice.greaterThan(limitPrice)).toBe(true);
        else expect(walk.averagePrice.lessThan(limitPrice)).toBe(true);
      }),
      { numRuns: 500, seed: 20_240_601 },
    );
  });

  it("when the whole side fits, its VWAP is within the 'average' limit and the size is the side's depth", () => {
    fc.assert(
      fc.property(twoSidedBook, side, decimal(0, 500, 4), (b, s, limit) => {
        const r = maxSizeWithinSlippage(b, s, limit);
        fc.pre(r.bookExhausted);
        const limitPrice = r.limitPrice;
        if (limitPrice === undefined) throw new Error('a two-sided book has a limit price');
        const taken = s === 'buy' ? b.asks : b.bids;
        const depth = taken.reduce((sum, l) => sum.plus(l.size), new Decimal(0));
        expect(r.size.equals(depth)).toBe(true);
        const walk = walkOrderBook(b, s, depth);
        if (walk.kind === 'none') throw new Error('unreachable');
        if (s === 'buy') expect(walk.averagePrice.lessThanOrEqualTo(limitPrice)).toBe(true);
        else expect(walk.averagePrice.greaterThanOrEqualTo(limitPrice)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('maxOrderSize passes the initial-margin check and one step more fails (flat and tiered, linear)', () => {
    fc.assert(
      fc.property(
        fc.oneof(flatSchedule, tieredSchedule),
        fc.constantFrom('0.001', '0.01', '1'),
        decimal(0, 100_000_000, 2), // collateral up to 1 000 000
        decimal(100, 10_000_000, 2), // mark 1 … 100 000
        feeRate,
        side,
        (marginSchedule, stepSize, collateral, mark, rate, s) => {
          const market: MarketInput = {
            id: 'M',
            kind: 'linear',
            baseAsset: 'B',
            quoteAsset: 'Q',
            stepSize,
            marginSchedule,
          };
          const account = createMarginAccount({
            settleAsset: 'Q',
            markets: [market],
            collateral: [{ asset: 'Q', amount: collateral }],
          });
          const prices = createPrices({ markets: { M: { mark } } });
          const request = { marketId: 'M', side: s, price: mark, feeRate: rate } as const;
          const max = maxOrderSize(account, prices, request);
          expect(max.limitedBy).toBe('margin');
          expect(max.size.mod(stepSize).isZero()).toBe(true);
          if (!max.size.isZero()) {
            const at = filled(previewOrder(account, prices, { ...request, size: max.size }));
            expect(at.check.passes).toBe(true);
            expect(at.check.pools[0]?.reason).toBe('initial-margin-met');
          }
          const above = filled(previewOrder(account, prices, { ...request, size: max.size.plus(stepSize) }));
          expect(above.check.passes).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
