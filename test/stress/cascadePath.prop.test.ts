// The closed-form cascade against a brute-force walk of the same path (grid of full summaries, bisection to
// 1e-30, summary-based liquidation): same positions closed, in the same order and pools, at the same path
// fraction and prices to the bisection's width, with the same fills, fees, deficits and final equity.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  type PriceShock,
  type Scenario,
  stressAccount,
  summarizeAccount,
} from '../../src/index.js';
import { scenarioArb } from '../support/arbitraries.js';
import { bruteForceCascade } from '../support/bruteForceCascade.js';

const shockArb = fc.oneof(
  fc.integer({ min: -70, max: 70 }).map((p): PriceShock => ({ kind: 'uniform', move: String(p / 100) })),
  fc.array(fc.integer({ min: -70, max: 70 }), { minLength: 4, maxLength: 4 }).map(
    ([a = 0, b = 0, c = 0, d = 0]): PriceShock => ({
      kind: 'relative',
      moves: {
        'T0-PERP': a / 100,
        'O1-PERP': b / 100,
        'O2-PERP': c / 100,
        'BTCUSD-T0': a / 100,
        'BTCUSD-O1': d / 100,
        'BTCUSD-O2': c / 100,
        ALT: d / 100,
      },
    }),
  ),
);

function close(a: Decimal, b: Decimal, tolerance: string): boolean {
  return a
    .minus(b)
    .abs()
    .lte(Decimal.max(1, a.abs(), b.abs()).times(tolerance));
}

describe('closed-form cascade against a brute-force path walk', () => {
  it('closes the same positions in the same order, at the same point of the path, for the same money', () => {
    let withEvents = 0;
    fc.assert(
      fc.property(
        scenarioArb({ maxOthers: 2, hedge: true, funding: true, secondAsset: true, priceSources: true }),
        shockArb,
        fc.constantFrom<'one-by-one' | 'whole-pool'>('one-by-one', 'whole-pool'),
        fc.constantFrom('0', '0.004'),
        (s, shock, crossLiquidation, costs) => {
          const account = createMarginAccount(s.account);
          const prices = createPrices(s.prices);
          const scenario: Scenario = { name: 'x', shock };
          const options = {
            priceSource: s.priceSource,
            crossLiquidation,
            liquidationSlippage: costs,
            liquidationFeeRate: costs,
          };
          let run: ReturnType<typeof stressAccount>;
          try {
            run = stressAccount(account, prices, [scenario], options);
          } catch {
            return; // a shock that takes a price to ≤ 0 is refused by both
          }
          const result = run.results[0];
          const reference = bruteForceCascade(account, prices, scenario, options);
          if (!result) throw new Error('no result');
          expect(result.cascade.map((e) => [e.pool, e.positionId])).toEqual(
            reference.events.map((e) => [e.pool, e.positionId]),
          );
          result.cascade.forEach((e, i) => {
            const r = reference.events[i];
            if (!r) return;
            expect(close(e.at, r.at, '1e-25')).toBe(true);
            expect(close(e.price, r.price, '1e-20')).toBe(true);
            expect(close(e.realizedPnl, r.realizedPnl, '1e-20')).toBe(true);
            expect(close(e.fee, r.fee, '1e-20')).toBe(true);
            expect(close(e.deficit, r.deficit, '1e-20')).toBe(true);
          });
          const finalReference = summarizeAccount(reference.account, result.prices, {
            priceSource: s.priceSource,
          }).total.equity;
          expect(close(result.finalEquity, finalReference, '1e-20')).toBe(true);
          if (result.cascade.length > 0) withEvents++;
        },
      ),
      { numRuns: 150, seed: 20261204 },
    );
    // The generated accounts must exercise cascades, not only calm paths.
    expect(withEvents).toBeGreaterThan(30);
  });

  it('picks the same largest loss, one by one, in books of several cross legs on thin collateral', () => {
    let multi = 0;
    const legArb = fc.record({
      price: fc.integer({ min: 50, max: 90_000 }),
      entryShift: fc.integer({ min: -300, max: 300 }),
      size: fc.integer({ min: 1, max: 4_000 }),
      long: fc.boolean(),
      tiered: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(legArb, { minLength: 3, maxLength: 6 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: -60, max: 60 }),
        fc.constantFrom('0', '0.003'),
        (legs, collateralPerMille, move, costs) => {
          let gross = new Decimal(0);
          const markets = legs.map((l, i) => ({
            id: `M${i}`,
            kind: 'linear' as const,
            baseAsset: `A${i}`,
            quoteAsset: 'USDT',
            marginSchedule: l.tiered
              ? {
                  type: 'tiered' as const,
                  tiers: [
                    { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
                    { notionalFloor: 20_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
                    { notionalFloor: 100_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
                  ],
                }
              : { type: 'flat' as const, initialFraction: '0.04', maintenanceFraction: '0.02' },
          }));
          const positions = legs.map((l, i) => {
            const size = new Decimal(l.size).div(100);
            const entry = new Decimal(l.price)
              .times(1000 + l.entryShift)
              .div(1000)
              .toDecimalPlaces(2);
            gross = gross.plus(size.times(l.price));
            return {
              marketId: `M${i}`,
              size: (l.long ? size : size.neg()).toString(),
              entryPrice: entry.toString(),
              marginMode: 'cross' as const,
            };
          });
          const account = createMarginAccount({
            settleAsset: 'USDT',
            markets,
            collateral: [{ asset: 'USDT', amount: gross.times(collateralPerMille).div(1000).toFixed(2) }],
            positions,
          });
          const prices = createPrices({
            markets: Object.fromEntries(legs.map((l, i) => [`M${i}`, { mark: String(l.price) }])),
          });
          const scenario: Scenario = { name: 'x', shock: { kind: 'uniform', move: String(move / 100) } };
          const options = { liquidationSlippage: costs, liquidationFeeRate: costs };
          const result = stressAccount(account, prices, [scenario], options).results[0];
          const reference = bruteForceCascade(account, prices, scenario, options);
          if (!result) throw new Error('no result');
          expect(result.cascade.map((e) => e.positionId)).toEqual(reference.events.map((e) => e.positionId));
          result.cascade.forEach((e, i) => {
            const r = reference.events[i];
            if (r) expect(close(e.at, r.at, '1e-25')).toBe(true);
          });
          if (new Set(result.cascade.map((e) => e.at.toString())).size >= 2) multi++;
        },
      ),
      { numRuns: 120, seed: 4122026 },
    );
    // Cascades that fail, recover and fail again along one path must be common in this data.
    expect(multi).toBeGreaterThan(5);
  });
});
