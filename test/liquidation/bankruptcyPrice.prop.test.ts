// Properties of bankruptcyPrice on generated accounts, and how it sits against the liquidation price.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankruptcyPrice,
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationPrice,
  type MarginMode,
  type MarketKind,
  summarizeAccount,
} from '../../src/index.js';
import { currentPrice, poolOf, scenarioArb, withPrice } from '../support/arbitraries.js';

const RUNS = { numRuns: 200 };

const COMBINATIONS: [MarketKind, MarginMode][] = [
  ['linear', 'cross'],
  ['linear', 'isolated'],
  ['inverse', 'cross'],
  ['inverse', 'isolated'],
];

const scenario = (kind: MarketKind, targetMode: MarginMode, hedge = true) =>
  scenarioArb({
    kind,
    targetMode,
    maxOthers: 3,
    hedge,
    schedules: ['flat', 'tiered', 'open-interest'],
    zeroMaintenance: true,
    funding: true,
    leverage: true,
    secondAsset: true,
    priceSources: true,
  });

function fail(message: string, details: Record<string, unknown>): never {
  throw new Error(`${message}: ${JSON.stringify(details)}`);
}

describe.each(COMBINATIONS)('bankruptcyPrice (%s, %s)', (kind, mode) => {
  it("equity = 0 at the price, nothing below 0 on the way, 'never' and 'now' truthful", () => {
    let priced = 0;
    fc.assert(
      fc.property(scenario(kind, mode), (s) => {
        const account = createMarginAccount(s.account);
        const options = { priceSource: s.priceSource };
        const p0 = currentPrice(s.prices, s.targetMarketId, s.priceSource);
        const at = (price: Decimal) => {
          const summary = summarizeAccount(
            account,
            withPrice(s.prices, s.targetMarketId, s.priceSource, price),
            options,
          );
          const pool = poolOf(summary, s.targetId, s.targetMode);
          return { equity: pool.equity, tol: Decimal.max(1, pool.notional).times('1e-20') };
        };
        const bp = bankruptcyPrice(account, createPrices(s.prices), s.targetId, options);
        if (bp.kind === 'price') {
          priced++;
          const x = at(bp.price);
          if (x.equity.abs().greaterThan(x.tol))
            fail('equity ≠ 0 at the bankruptcy price', { bp, equity: x.equity });
          for (const t of ['0.1', '0.5', '0.9', '0.999']) {
            const p = p0.plus(bp.price.minus(p0).times(t));
            const y = at(p);
            if (y.equity.lessThan(y.tol.negated()))
              fail('bankrupt before the bankruptcy price', { bp, price: p });
          }
        } else if (bp.kind === 'never') {
          for (let k = -30; k <= 30; k += 6) {
            const p = p0.times(new Decimal(2).pow(k));
            const y = at(p);
            if (y.equity.lessThan(y.tol.negated())) fail("'never' but equity goes below 0", { price: p });
          }
        } else {
          expect(bp.threshold.isZero()).toBe(true);
          expect(bp.equity.eq(at(p0).equity)).toBe(true);
          expect(bp.equity.isNegative()).toBe(true);
        }
      }),
      RUNS,
    );
    expect(priced).toBeGreaterThanOrEqual(50);
  });

  it('the liquidation price lies between the current price and the bankruptcy price', () => {
    // Single leg per market (no hedge), so the pool's surplus is monotone in the price.
    fc.assert(
      fc.property(scenario(kind, mode, false), (s) => {
        const account = createMarginAccount(s.account);
        const prices = createPrices(s.prices);
        const options = { priceSource: s.priceSource };
        const lp = liquidationPrice(account, prices, s.targetId, options);
        const bp = bankruptcyPrice(account, prices, s.targetId, options);
        // Maintenance is ≥ 0, so bankruptcy is never reached before liquidation.
        if (bp.kind === 'now') expect(lp.kind).toBe('now');
        if (lp.kind === 'never') expect(bp.kind).toBe('never');
        if (lp.kind === 'price' && bp.kind === 'price') {
          expect(bp.direction).toBe(lp.direction);
          const slack = lp.price.times('1e-30');
          const ordered =
            lp.direction === 'down'
              ? bp.price.lessThanOrEqualTo(lp.price.plus(slack)) &&
                lp.price.lessThanOrEqualTo(lp.currentPrice.plus(slack))
              : bp.price.greaterThanOrEqualTo(lp.price.minus(slack)) &&
                lp.price.greaterThanOrEqualTo(lp.currentPrice.minus(slack));
          if (!ordered) fail('liquidation price not between current and bankruptcy', { lp, bp });
        }
      }),
      RUNS,
    );
  });
});
