// Properties of the Hyperliquid venue model on generated tables, positions and accounts:
// - the documented liquidation-price formula equals the library engine's liquidation price (isolated and cross,
//   single-tier and tiered tables, tier boundaries between the mark and the liquidation price);
// - the result does not depend on the reference price (entry or mark), and equity = maintenance there;
// - the deductions make maintenance continuous at every tier bound;
// - backstop implies liquidatable; the first liquidation order is 20 % exactly when the rule says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationPrice,
  type MarginAccount,
  type Prices,
  summarizeAccount,
} from '../../../src/index.js';
import type { HyperliquidMarginTable } from '../../../src/venues/hyperliquid/HyperliquidMarginTable.js';
import { hyperliquidBackstopLiquidatable } from '../../../src/venues/hyperliquid/hyperliquidBackstopLiquidatable.js';
import { hyperliquidLiquidationOrder } from '../../../src/venues/hyperliquid/hyperliquidLiquidationOrder.js';
import { hyperliquidLiquidationPrice } from '../../../src/venues/hyperliquid/hyperliquidLiquidationPrice.js';
import { hyperliquidMarginSchedule } from '../../../src/venues/hyperliquid/hyperliquidMarginSchedule.js';
import { hyperliquidMarket } from '../../../src/venues/hyperliquid/hyperliquidMarket.js';

const RUNS = { numRuns: 300 };

/** Leverages whose fractions 1/L and 1/(2L) are terminating decimals (exact in the library's arithmetic). */
const TERMINATING = [50, 40, 25, 20, 10, 8, 5, 4, 2, 1] as const;

/** `n · 10^−k` as an exact decimal string. */
const scaled = (n: number, k: number) => new Decimal(n).div(new Decimal(10).pow(k)).toFixed();

/**
 * A margin table of 1 to 3 tiers whose bounds are drawn around `n0` (so the liquidation notional may fall in another
 * tier than the current one); leverage never rises from tier to tier.
 */
function tableArb(n0: Decimal, leverages: fc.Arbitrary<number>): fc.Arbitrary<HyperliquidMarginTable> {
  return fc
    .record({
      levs: fc.array(leverages, { minLength: 1, maxLength: 3 }),
      cuts: fc.uniqueArray(fc.integer({ min: 20, max: 300 }), { minLength: 2, maxLength: 2 }),
    })
    .map(({ levs, cuts }) => {
      const sorted = [...levs].sort((a, b) => b - a);
      const bounds = [...cuts].sort((a, b) => a - b).map((c) => n0.times(c).div(100).toSignificantDigits(6));
      return {
        marginTiers: sorted.map((maxLeverage, i) => ({
          lowerBound: i === 0 ? '0' : (bounds[i - 1] ?? new Decimal(0)).toFixed(),
          maxLeverage,
        })),
      };
    });
}

interface Leg {
  readonly coin: string;
  readonly size: string;
  readonly entry: string;
  readonly mark: string;
  readonly table: HyperliquidMarginTable;
}

/** One position: size, entry and mark (within ±40 % of the entry), and a table drawn around its notional. */
function legArb(coin: string, leverages: fc.Arbitrary<number>): fc.Arbitrary<Leg> {
  return fc
    .record({
      units: fc.integer({ min: 1, max: 2_000_000 }),
      sizeDecimals: fc.integer({ min: 0, max: 4 }),
      long: fc.boolean(),
      entryUnits: fc.integer({ min: 10, max: 9_000_000 }),
      priceDecimals: fc.integer({ min: 0, max: 4 }),
      markPct: fc.integer({ min: 60, max: 140 }),
    })
    .chain((r) => {
      const size = scaled(r.long ? r.units : -r.units, r.sizeDecimals);
      const entry = scaled(r.entryUnits, r.priceDecimals);
      const mark = new Decimal(entry)
        .times(r.markPct)
        .div(100)
        .toDecimalPlaces(r.priceDecimals + 2)
        .toFixed();
      const n0 = new Decimal(size).abs().times(mark);
      return tableArb(n0, leverages).map((table) => ({ coin, size, entry, mark, table }));
    });
}

/** An isolated account holding one leg, its margin drawn from 1 % to 120 % of the entry notional. */
const isolatedArb = (leverages: fc.Arbitrary<number>) =>
  fc
    .record({ leg: legArb('X', leverages), marginPct: fc.integer({ min: 1, max: 120 }) })
    .map(({ leg, marginPct }) => {
      const margin = new Decimal(leg.size)
        .abs()
        .times(leg.entry)
        .times(marginPct)
        .div(100)
        .toDecimalPlaces(6);
      const account = createMarginAccount({
        settleAsset: 'USDC',
        markets: [hyperliquidMarket({ coin: leg.coin, marginTable: leg.table })],
        positions: [
          {
            marketId: leg.coin,
            size: leg.size,
            entryPrice: leg.entry,
            marginMode: 'isolated',
            isolatedMargin: Decimal.max(margin, '0.000001'),
          },
        ],
      });
      const prices = createPrices({ markets: { [leg.coin]: { mark: leg.mark, oracle: leg.mark } } });
      return { account, prices, id: leg.coin };
    });

/** A cross account of one to three legs in distinct markets and USDC collateral from 2 % to 60 % of the notional. */
const crossArb = fc
  .record({
    legs: fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 3 }).chain((coins) => {
      const unique = [...new Set(coins)];
      return fc.tuple(...unique.map((c) => legArb(c, fc.constantFrom(...TERMINATING))));
    }),
    collateralPct: fc.integer({ min: 2, max: 60 }),
  })
  .map(({ legs, collateralPct }) => {
    const notional = legs.reduce(
      (sum, l) => sum.plus(new Decimal(l.size).abs().times(l.mark)),
      new Decimal(0),
    );
    const account = createMarginAccount({
      settleAsset: 'USDC',
      markets: legs.map((l) => hyperliquidMarket({ coin: l.coin, marginTable: l.table })),
      collateral: [{ asset: 'USDC', amount: notional.times(collateralPct).div(100).toDecimalPlaces(6) }],
      positions: legs.map((l) => ({
        marketId: l.coin,
        size: l.size,
        entryPrice: l.entry,
        marginMode: 'cross' as const,
      })),
    });
    const prices = createPrices({
      markets: Object.fromEntries(legs.map((l) => [l.coin, { mark: l.mark, oracle: l.mark }])),
    });
    return { account, prices, ids: legs.map((l) => l.coin) };
  });

/** Venue and engine agree: same kind, and the same price (exactly, or within `relative`). */
function expectSame(account: MarginAccount, prices: Prices, id: string, relative?: Decimal): void {
  const venue = hyperliquidLiquidationPrice(account, prices, id);
  const engine = liquidationPrice(account, prices, id);
  expect(venue.kind).toBe(engine.kind);
  if (venue.kind !== 'price' || engine.kind !== 'price') return;
  if (relative)
    expect(venue.price.minus(engine.price).abs().lessThanOrEqualTo(engine.price.times(relative))).toBe(true);
  else expect(venue.price.eq(engine.price), `${venue.price} vs ${engine.price}`).toBe(true);
  expect(venue.direction).toBe(engine.direction);
  expect(venue.tierIndex).toBe(engine.tierIndex);
  // the tier reported and the terms used agree
  if (venue.tierIndex !== undefined) expect(venue.terms.tierIndex).toBe(venue.tierIndex);
}

describe('hyperliquidLiquidationPrice (properties)', () => {
  it('equals the engine exactly for random isolated positions on terminating tables', () => {
    fc.assert(
      fc.property(isolatedArb(fc.constantFrom(...TERMINATING)), ({ account, prices, id }) =>
        expectSame(account, prices, id),
      ),
      RUNS,
    );
  });

  it('equals the engine to 1e-30 relative for any whole maximum leverage (1/(2L) rounded to 40 digits)', () => {
    fc.assert(
      fc.property(isolatedArb(fc.integer({ min: 1, max: 100 })), ({ account, prices, id }) =>
        expectSame(account, prices, id, new Decimal('1e-30')),
      ),
      RUNS,
    );
  });

  it('equals the engine exactly for every position of random cross accounts', () => {
    fc.assert(
      fc.property(crossArb, ({ account, prices, ids }) => {
        for (const id of ids) expectSame(account, prices, id);
      }),
      RUNS,
    );
  });

  it('does not depend on the reference price, and puts equity at maintenance', () => {
    fc.assert(
      fc.property(isolatedArb(fc.constantFrom(...TERMINATING)), ({ account, prices, id }) => {
        const byMark = hyperliquidLiquidationPrice(account, prices, id);
        const byEntry = hyperliquidLiquidationPrice(account, prices, id, { referencePrice: 'entry' });
        expect(byEntry.kind).toBe(byMark.kind);
        if (byMark.kind !== 'price' || byEntry.kind !== 'price') return;
        expect(byEntry.price.eq(byMark.price)).toBe(true);
        // margin_available = account_value − maintenance_margin_required, and the formula holds
        const t = byMark.terms;
        expect(t.marginAvailable.eq(t.accountValue.minus(t.maintenanceMarginRequired))).toBe(true);
        const at = summarizeAccount(
          account,
          createPrices({ markets: { [id]: { mark: byMark.price, oracle: byMark.price } } }),
        );
        const pool = at.isolated[0];
        if (!pool) throw new Error('no pool');
        const gap = pool.equity.minus(pool.maintenanceRequirement).abs();
        expect(gap.lessThanOrEqualTo(pool.notional.times('1e-30').plus('1e-30'))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('hyperliquidMarginSchedule (properties)', () => {
  const tables = fc
    .record({
      levs: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
      bounds: fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000_000 }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ levs, bounds }) => {
      const sortedBounds = [0, ...[...bounds].sort((a, b) => a - b)];
      return {
        marginTiers: [...levs]
          .sort((a, b) => b - a)
          .map((maxLeverage, i) => ({ lowerBound: `${sortedBounds[i]}.0`, maxLeverage })),
      };
    });

  it('makes maintenance continuous at every bound (exactly for terminating fractions) and never negative', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const schedule = hyperliquidMarginSchedule(table);
        const exact = table.marginTiers.every((t) =>
          (TERMINATING as readonly number[]).includes(t.maxLeverage),
        );
        for (let n = 1; n < schedule.tiers.length; n++) {
          const lower = schedule.tiers[n - 1];
          const upper = schedule.tiers[n];
          if (!lower || !upper) throw new Error('tier');
          const b = upper.notionalFloor;
          const below = b.times(lower.maintenanceFraction).minus(lower.maintenanceDeduction);
          const above = b.times(upper.maintenanceFraction).minus(upper.maintenanceDeduction);
          if (exact) expect(below.eq(above)).toBe(true);
          else expect(below.minus(above).abs().lessThanOrEqualTo(b.times('1e-35'))).toBe(true);
          expect(above.isNegative()).toBe(false);
          // MMR = IMF / 2 per tier, IMF = 1/L
          const lev = table.marginTiers[n]?.maxLeverage ?? NaN;
          expect(upper.initialFraction.eq(new Decimal(1).div(lev))).toBe(true);
          expect(upper.maintenanceFraction.eq(new Decimal(1).div(2 * lev))).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('backstop and partial liquidation (properties)', () => {
  const amount = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => scaled(n, 2));

  it('a pool past the backstop threshold is liquidatable', () => {
    fc.assert(
      fc.property(amount, amount, (equity, mm) => {
        const maintenance = new Decimal(mm).abs();
        if (hyperliquidBackstopLiquidatable({ equity, maintenanceRequirement: maintenance })) {
          expect(new Decimal(equity).lessThan(maintenance)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('sends 20 % exactly above 100,000 USDC outside the cooldown, else the whole position', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
        (units, priceUnits, since) => {
          const size = scaled(units, 3);
          const mark = scaled(priceUnits, 2);
          const order = hyperliquidLiquidationOrder(
            size,
            mark,
            since === undefined ? {} : { msSincePartialLiquidation: since },
          );
          const abs = new Decimal(size).abs();
          const partial = abs.times(mark).greaterThan(100_000) && (since === undefined || since >= 30_000);
          expect(order.size.eq(partial ? abs.times('0.2') : abs)).toBe(true);
          expect(order.reason === 'partial').toBe(partial);
          expect(order.side).toBe(units < 0 ? 'buy' : 'sell');
        },
      ),
      RUNS,
    );
  });
});
