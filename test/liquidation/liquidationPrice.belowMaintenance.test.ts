// liquidationPrice's `belowMaintenance` option: the algebraic threshold price beside `now`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  algebraicLiquidationPrice,
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  type LiquidationPrice,
  liquidationPrice,
  summarizeAccount,
} from '../../src/index.js';
import { algebraicThreshold } from '../../src/liquidation/algebraicThreshold.js';
import {
  currentPrice,
  poolOf,
  scenarioArb,
  snapshot,
  thresholdTolerance,
  withPrice,
} from '../support/arbitraries.js';

const flat = (id: string, maintenanceFraction = '0.01') =>
  ({
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction },
  }) as const;

const algebraic = (lp: LiquidationPrice) => {
  if (lp.kind !== 'now') throw new Error(`expected now, got ${lp.kind}`);
  return lp.algebraic;
};

describe("liquidationPrice { belowMaintenance: 'algebraic' }", () => {
  const isolated = createMarginAccount({
    settleAsset: 'USDT',
    markets: [flat('ETH')],
    positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 }],
  });
  const eth = (mark: number) => createPrices({ markets: { ETH: { mark } } });

  it('keeps now alone by default, and adds the price a long fell through with the option', () => {
    const plain = liquidationPrice(isolated, eth(2700), 'ETH');
    expect(plain.kind).toBe('now');
    expect('algebraic' in plain).toBe(false);
    expect(liquidationPrice(isolated, eth(2700), 'ETH', { belowMaintenance: 'now' })).toEqual(plain);
    // 300 + (p − 3 000) = 0.01·p → p = 2 700 / 0.99 = 2 727.27…
    const lp = liquidationPrice(isolated, eth(2700), 'ETH', { belowMaintenance: 'algebraic' });
    expect([lp.kind, algebraic(lp)?.price.toFixed(6), algebraic(lp)?.direction]).toEqual([
      'now',
      '2727.272727',
      'down',
    ]);
    // the rest of the now result is today's
    expect({ ...lp, algebraic: undefined }).toEqual({ ...plain, algebraic: undefined });
    // the same as algebraicLiquidationPrice
    expect(lp).toEqual(algebraicLiquidationPrice(isolated, eth(2700), 'ETH'));
  });

  it('holds the other markets of a cross pool', () => {
    // 1 000 USDT; long 1 ETH from 3 000 (MMR 1 %) and short 0.1 BTC at 60 000 (MMR 1 % = 60).
    // At 2 000: equity 0 < MMR 80. Root: 1 000 + (p − 3 000) = 0.01·p + 60 → p = 2 060 / 0.99 = 2 080.80…
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [flat('ETH'), flat('BTC')],
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' },
        { marketId: 'BTC', size: '-0.1', entryPrice: 60_000, marginMode: 'cross' },
      ],
    });
    const prices = createPrices({ markets: { ETH: { mark: 2000 }, BTC: { mark: 60_000 } } });
    const lp = liquidationPrice(account, prices, 'ETH', { belowMaintenance: 'algebraic' });
    if (lp.kind === 'now') expect([lp.equity.toString(), lp.threshold.toString()]).toEqual(['0', '80']);
    expect(algebraic(lp)?.price.toFixed(6)).toBe('2080.808081');
    expect(algebraic(lp)?.direction).toBe('down');
  });

  it('solves an inverse pool as a + b/p', () => {
    // 100 contracts of 100 USD long from 10 000 with 0.05 BTC, MMR 1 %:
    // 0.05 + 10 000·(1/10 000 − 1/p) = 0.01 · 10 000 / p → 1.05 = 10 100 / p → p = 9 619.047619…
    const account = createMarginAccount({
      settleAsset: 'BTC',
      markets: [
        {
          id: 'BTCUSD',
          kind: 'inverse',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          contractSize: 100,
          marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
        },
      ],
      positions: [
        { marketId: 'BTCUSD', size: 100, entryPrice: 10_000, marginMode: 'isolated', isolatedMargin: '0.05' },
      ],
    });
    const lp = liquidationPrice(account, createPrices({ markets: { BTCUSD: { mark: 9500 } } }), 'BTCUSD', {
      belowMaintenance: 'algebraic',
    });
    expect([algebraic(lp)?.price.toFixed(6), algebraic(lp)?.direction]).toEqual(['9619.047619', 'down']);
  });

  it('moves linked collateral with the market, as the solver does', () => {
    // 1 BTC of collateral (weight 1) and a long 1 BTC-PERP from 60 000 (MMR 1 %), 1 000 USDT owed.
    // At 30 000: equity = 30 000 − 1 000 − 30 000 = −1 000 < MMR 300.
    // Collateral held at 30 000: −1 000 + p − 30 000 + … root 31 000 / 0.99 = 31 313.13…
    // Collateral moving with p: p − 1 000 + (p − 60 000) = 0.01·p → p = 61 000 / 1.99 = 30 653.26…
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [{ ...flat('BTC-PERP'), baseAsset: 'BTC' }],
      collateral: [
        { asset: 'USDT', amount: -1000 },
        { asset: 'BTC', amount: 1 },
      ],
      positions: [{ marketId: 'BTC-PERP', size: 1, entryPrice: 60_000, marginMode: 'cross' }],
    });
    const prices = createPrices({ markets: { 'BTC-PERP': { mark: 30_000 } }, assets: { BTC: 30_000 } });
    const held = liquidationPrice(account, prices, 'BTC-PERP', { belowMaintenance: 'algebraic' });
    expect(algebraic(held)?.price.toFixed(2)).toBe('31313.13');
    const moving = liquidationPrice(account, prices, 'BTC-PERP', {
      belowMaintenance: 'algebraic',
      collateralMovesWith: { BTC: 'BTC-PERP' },
    });
    expect(algebraic(moving)?.price.toFixed(2)).toBe('30653.27');
  });

  it('rejects an unknown choice with its name', () => {
    const bad = { belowMaintenance: 'always' } as unknown as { belowMaintenance: 'now' };
    expect(() => liquidationPrice(isolated, eth(2700), 'ETH', bad)).toThrow(InvalidArgumentError);
    expect(() => liquidationPrice(isolated, eth(2700), 'ETH', bad)).toThrow(/belowMaintenance/);
  });
});

describe('the algebraic threshold price (properties)', () => {
  // One leg in the target market (no hedge): its pool's surplus is monotone in the price, so the root is unique.
  const arb = scenarioArb({
    maxOthers: 2,
    schedules: ['flat', 'tiered'],
    funding: true,
    leverage: true,
    secondAsset: true,
    priceSources: true,
  });

  it('equals the exact root whenever the pool is above maintenance, and puts equity at MMR below it', () => {
    let above = 0;
    let below = 0;
    fc.assert(
      fc.property(arb, (s) => {
        const account = createMarginAccount(s.account);
        const prices = createPrices(s.prices);
        const options = { priceSource: s.priceSource };
        const lp = liquidationPrice(account, prices, s.targetId, options);
        const withOption = liquidationPrice(account, prices, s.targetId, {
          ...options,
          belowMaintenance: 'algebraic',
        });
        if (lp.kind !== 'now') {
          // Not below maintenance: the option changes nothing.
          expect(snapshot(withOption)).toBe(snapshot(lp));
        }
        if (lp.kind === 'price') {
          // The algebraic root of the same pool, taken at the current price, is the solver's price.
          const pool = poolOf(summarizeAccount(account, prices, options), s.targetId, s.targetMode);
          const asNow = {
            ...lp,
            kind: 'now' as const,
            equity: pool.equity,
            threshold: pool.maintenanceRequirement,
          };
          const root = algebraicThreshold(account, prices, asNow, {});
          expect(root).toBeDefined();
          const gap = root?.price.minus(lp.price).abs() ?? new Decimal(1);
          expect(gap.lte(lp.price.times('1e-30'))).toBe(true);
          // (its direction describes a pool already past the root, so it is the opposite of the solver's here)
          above++;
        }
        if (withOption.kind === 'now' && withOption.algebraic) {
          const at = withOption.algebraic.price;
          const moved = createPrices(withPrice(s.prices, s.targetMarketId, s.priceSource, at));
          const pool = poolOf(summarizeAccount(account, moved, options), s.targetId, s.targetMode);
          const p0 = currentPrice(s.prices, s.targetMarketId, s.priceSource);
          expect(pool.equity.minus(pool.maintenanceRequirement).abs().lte(thresholdTolerance(pool))).toBe(
            true,
          );
          expect(withOption.algebraic.direction).toBe(at.gt(p0) ? 'down' : 'up');
          below++;
        }
      }),
      { numRuns: 300 },
    );
    expect(above).toBeGreaterThan(30);
    expect(below).toBeGreaterThan(10);
  });
});
