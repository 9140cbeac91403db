// Properties of the margin held by resting orders and of the isolated margin limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  isolatedMarginLimits,
  maxOrderSize,
  type OpenOrder,
  openOrderMargin,
  summarizeAccount,
} from '../../src/index.js';

const eth = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  stepSize: '0.01',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.05', maintenanceFraction: '0.025' },
      { notionalFloor: 20_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
    ],
  },
} as const;
const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));
const orderArb = fc.record({
  marketId: fc.constant('ETH'),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  size: hundredths(1, 1000),
  price: hundredths(100_000, 500_000),
});
const positionSize = hundredths(-500, 500);

function crossAccount(size: Decimal, collateral: Decimal) {
  return createMarginAccount({
    settleAsset: 'USDT',
    markets: [eth],
    collateral: [{ asset: 'USDT', amount: collateral }],
    positions: [{ marketId: 'ETH', size, entryPrice: 3000, marginMode: 'cross' }],
  });
}
const prices = createPrices({ markets: { ETH: { mark: 3000 } } });

describe('openOrderMargin (properties)', () => {
  it('is ≥ 0, grows when an order is added, and orders that only close hold nothing', () => {
    fc.assert(
      fc.property(positionSize, fc.array(orderArb, { maxLength: 5 }), orderArb, (size, orders, extra) => {
        const account = crossAccount(size, new Decimal(100_000));
        const before = openOrderMargin(account, prices, orders as OpenOrder[]);
        const after = openOrderMargin(account, prices, [...orders, extra] as OpenOrder[]);
        expect(before.reserved.isNegative()).toBe(false);
        expect(after.reserved.gte(before.reserved)).toBe(true);
        expect(before.available.eq(before.freeCollateral.minus(before.reserved))).toBe(true);
        const closing = {
          marketId: 'ETH',
          side: size.isPositive() ? 'sell' : 'buy',
          size: size.abs(),
          price: 3000,
        };
        if (!size.isZero())
          expect(openOrderMargin(account, prices, [closing as OpenOrder]).reserved.isZero()).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('never lets maxOrderSize grow, and its result leaves the held margin covered', () => {
    fc.assert(
      fc.property(hundredths(10_000, 500_000), fc.array(orderArb, { maxLength: 3 }), (collateral, orders) => {
        const account = crossAccount(new Decimal(0), collateral);
        const request = { marketId: 'ETH', side: 'buy' as const, price: 3000 };
        const free = maxOrderSize(account, prices, request);
        const held = maxOrderSize(account, prices, request, { openOrders: orders as OpenOrder[] });
        expect(held.size.lte(free.size)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('isolatedMarginLimits (properties)', () => {
  it('removing maxRemove leaves equity ≥ IMR, exactly at it when the requirement binds', () => {
    fc.assert(
      fc.property(
        positionSize,
        hundredths(1, 1_000_000),
        hundredths(100_000, 500_000),
        (size, margin, mark) => {
          if (size.isZero()) return;
          const make = (m: Decimal) =>
            createMarginAccount({
              settleAsset: 'USDT',
              markets: [eth],
              collateral: [{ asset: 'USDT', amount: 1000 }],
              positions: [
                { marketId: 'ETH', size, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: m },
              ],
            });
          const p = createPrices({ markets: { ETH: { mark } } });
          const limits = isolatedMarginLimits(make(margin), p, 'ETH', { unrealizedProfit: 'included' });
          expect(limits.maxRemove.gte(0) && limits.maxRemove.lte(margin)).toBe(true);
          if (limits.maxRemove.isZero() || limits.maxRemove.eq(margin)) return;
          const pool = summarizeAccount(make(margin.minus(limits.maxRemove)), p).isolated[0];
          expect(pool?.equity.eq(pool.initialRequirement)).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});
