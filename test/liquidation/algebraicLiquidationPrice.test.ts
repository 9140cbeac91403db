import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AlgebraicLiquidationPrice,
  algebraicLiquidationPrice,
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationPrice,
  summarizeAccount,
} from '../../src/index.js';

const flat = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' },
} as const;
const tiered = {
  ...flat,
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01', maintenanceDeduction: 0 },
      {
        notionalFloor: 100_000,
        initialFraction: '0.04',
        maintenanceFraction: '0.02',
        maintenanceDeduction: 1000,
      },
    ],
  },
} as const;
const isolatedAt = (market: typeof flat | typeof tiered, size: number, entry: number, margin: number) =>
  createMarginAccount({
    settleAsset: 'USDT',
    markets: [market],
    positions: [{ marketId: 'ETH', size, entryPrice: entry, marginMode: 'isolated', isolatedMargin: margin }],
  });
const at = (mark: Decimal | number) => createPrices({ markets: { ETH: { mark } } });
const algebraic = (lp: AlgebraicLiquidationPrice) => {
  if (lp.kind !== 'now') throw new Error(`expected now, got ${lp.kind}`);
  return lp.algebraic;
};

describe('algebraicLiquidationPrice', () => {
  it('gives the price a long fell through, beside now', () => {
    const lp = algebraicLiquidationPrice(isolatedAt(flat, 1, 3000, 300), at(2700), 'ETH');
    expect([lp.kind, algebraic(lp)?.price.toFixed(6), algebraic(lp)?.direction]).toEqual([
      'now',
      '2727.272727',
      'down',
    ]);
    if (lp.kind === 'now') expect([lp.equity.toString(), lp.threshold.toString()]).toEqual(['0', '27']);
  });

  it('gives the price a short rose through', () => {
    // short 2 at 3 000 with 200: 200 − 2·(p − 3 000) = 0.02·p → 6 200 / 2.02 = 3 069.31
    const lp = algebraicLiquidationPrice(isolatedAt(flat, -2, 3000, 200), at(3100), 'ETH');
    expect([algebraic(lp)?.price.toFixed(2), algebraic(lp)?.direction]).toEqual(['3069.31', 'up']);
  });

  it('finds the root on the tier that holds it', () => {
    // long 100 at 1 100 with 11 000: at 1 000 the notional is exactly the 100 000 bound and equity = MMR = 1 000
    const lp = algebraicLiquidationPrice(isolatedAt(tiered, 100, 1100, 11_000), at(990), 'ETH');
    expect(algebraic(lp)?.price.toString()).toBe('1000');
    // long 200 at 1 000 with 2 000, notional 200 000 at 1 000 (tier 2): 2 000 + 200·(p − 1 000) = 4·p − 1 000
    // → p = 197 000 / 196 = 1 005.10…, the mark at 1 000 is past it
    const deep = algebraicLiquidationPrice(isolatedAt(tiered, 200, 1000, 2000), at(1000), 'ETH');
    expect(algebraic(deep)?.price.toFixed(4)).toBe('1005.1020');
  });

  it('passes price and never through, and omits the price when no positive one exists', () => {
    const account = isolatedAt(flat, 1, 3000, 300);
    expect(algebraicLiquidationPrice(account, at(3000), 'ETH')).toEqual(
      liquidationPrice(account, at(3000), 'ETH'),
    );
    const owing = createMarginAccount({
      settleAsset: 'USDT',
      markets: [flat],
      collateral: [{ asset: 'USDT', amount: -5000 }],
      positions: [{ marketId: 'ETH', size: -1, entryPrice: 3000, marginMode: 'cross' }],
    });
    const lp = algebraicLiquidationPrice(owing, at(3000), 'ETH');
    expect([lp.kind, lp.kind === 'now' && lp.algebraic]).toEqual(['now', undefined]);
  });

  it('puts equity at maintenance at the algebraic price (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }).filter((n) => n !== 0),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 50, max: 150 }),
        fc.constantFrom(flat, tiered),
        (size, margin, movePercent, market) => {
          const account = isolatedAt(market, size, 1000, margin);
          const lp = algebraicLiquidationPrice(account, at(new Decimal(10).times(movePercent)), 'ETH');
          if (lp.kind !== 'now' || !lp.algebraic) return;
          const pool = summarizeAccount(account, at(lp.algebraic.price)).isolated[0];
          const gap = pool?.equity.minus(pool.maintenanceRequirement).abs();
          expect(gap?.lte(new Decimal(Math.abs(size)).times(1000).times('1e-30'))).toBe(true);
        },
      ),
    );
  });
});
