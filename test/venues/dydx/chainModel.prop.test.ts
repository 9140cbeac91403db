// Properties of the dYdX v4 venue model on random perpetuals and subaccounts: the chain's rounding never favours
// the user beyond what it states, the liquidation test agrees with the generic engine when no rounding is
// involved, and the liquidation arithmetic keeps its guarantees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  type MarketInput,
  type PositionInput,
  summarizeAccount,
} from '../../../src/index.js';
import { dydxBankruptcyQuoteQuantums } from '../../../src/venues/dydx/bankruptcyQuoteQuantums.js';
import { dydxCompareRisk } from '../../../src/venues/dydx/compareRisk.js';
import type { DydxPerpetual } from '../../../src/venues/dydx/DydxPerpetual.js';
import { dydxFillablePrice } from '../../../src/venues/dydx/fillablePrice.js';
import { dydxFillablePriceSubticks } from '../../../src/venues/dydx/fillablePriceSubticks.js';
import { dydxIsInitialCollateralized } from '../../../src/venues/dydx/isInitialCollateralized.js';
import { dydxIsLiquidatable } from '../../../src/venues/dydx/isLiquidatable.js';
import { dydxLiquidationInsuranceFundDelta } from '../../../src/venues/dydx/liquidationInsuranceFundDelta.js';
import { dydxPositionRisk } from '../../../src/venues/dydx/positionRisk.js';
import { dydxPremiumVotePpm } from '../../../src/venues/dydx/premiumVotePpm.js';
import { dydxBaseToQuoteQuantums } from '../../../src/venues/dydx/quantums.js';
import { dydxQuoteToBaseQuantums } from '../../../src/venues/dydx/quoteToBaseQuantums.js';
import { dydxSizeToQuantums } from '../../../src/venues/dydx/sizeToQuantums.js';
import { dydxSubaccountRisk } from '../../../src/venues/dydx/subaccountRisk.js';

const MILLION = new Decimal(1_000_000);
const big = (max: bigint, min = 0n) => fc.bigInt({ min, max }).map((b) => new Decimal(b.toString()));
const nonZeroSize = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.boolean())
  .map(([q, short]) => new Decimal((short ? -q : q).toString()));

/** A perpetual with any parameters the chain accepts. */
const perpetual: fc.Arbitrary<DydxPerpetual> = fc
  .record({
    atomicResolution: fc.integer({ min: -14, max: -2 }),
    exponent: fc.integer({ min: -10, max: 3 }),
    price: big(10n ** 12n, 1n),
    initialMarginPpm: fc.integer({ min: 0, max: 1_000_000 }),
    maintenanceFractionPpm: fc.integer({ min: 0, max: 1_000_000 }),
    lower: big(10n ** 13n),
    width: fc.oneof(fc.constant(new Decimal(-1)), big(10n ** 13n)),
    openInterest: big(10n ** 16n),
  })
  .map((p) => ({
    atomicResolution: p.atomicResolution,
    exponent: p.exponent,
    price: p.price,
    initialMarginPpm: p.initialMarginPpm,
    maintenanceFractionPpm: p.maintenanceFractionPpm,
    // width −1: scaling off (both caps 0)
    openInterestLowerCap: p.width.isNegative() ? 0 : p.lower,
    openInterestUpperCap: p.width.isNegative() ? 0 : p.lower.plus(p.width),
    openInterest: p.openInterest,
  }));

/** `q · price · 10^(exponent + AR + 6)` without rounding. */
function exactNotional(perp: DydxPerpetual, q: Decimal): Decimal {
  return q.times(String(perp.price)).times(new Decimal(10).pow(perp.exponent + perp.atomicResolution + 6));
}

describe('requirements never round in the user’s favour', () => {
  it('IMR_chain ≥ N · IMF_eff and MMR_chain ≥ N · IMF · MF, by less than 1 and 2 qq (N the chain notional)', () => {
    fc.assert(
      fc.property(perpetual, nonZeroSize, fc.integer({ min: 0, max: 1_000_000 }), (perp, q, custom) => {
        const r = dydxPositionRisk(perp, q, { customImfPpm: custom });
        const imr = r.notional.times(r.initialMarginPpm).div(MILLION);
        const mmr = r.notional
          .times(String(perp.initialMarginPpm))
          .times(String(perp.maintenanceFractionPpm))
          .div(1e12);
        expect(r.initialMargin.greaterThanOrEqualTo(imr)).toBe(true);
        expect(r.initialMargin.minus(imr).lessThan(1)).toBe(true);
        expect(r.maintenanceMargin.greaterThanOrEqualTo(mmr)).toBe(true);
        expect(r.maintenanceMargin.minus(mmr).lessThan(2)).toBe(true);
        expect(r.initialMarginPpm.greaterThanOrEqualTo(r.adjustedInitialMarginPpm)).toBe(true);
      }),
    );
  });

  it('against the exact notional the truncation of N gives up less than 1 qq of IMR', () => {
    fc.assert(
      fc.property(perpetual, nonZeroSize, (perp, q) => {
        const r = dydxPositionRisk(perp, q);
        const exact = exactNotional(perp, q).abs().times(r.initialMarginPpm).div(MILLION);
        expect(r.initialMargin.greaterThan(exact.minus(1))).toBe(true);
      }),
    );
    // …and can give that up: 11 bq worth 1.1 qq at 100 %: the chain asks 1 qq, not 2.
    const perp = {
      atomicResolution: -7,
      exponent: 0,
      price: 1,
      initialMarginPpm: 1_000_000,
      maintenanceFractionPpm: 0,
    };
    expect(dydxPositionRisk(perp, 11).initialMargin.toString()).toBe('1');
  });

  it('a short’s NC is truncated toward zero (≥ exact, by < 1 qq); a long’s is rounded down', () => {
    fc.assert(
      fc.property(perpetual, nonZeroSize, (perp, q) => {
        const nc = dydxPositionRisk(perp, q).netCollateral;
        const gap = nc.minus(exactNotional(perp, q));
        if (q.isNegative()) expect(gap.greaterThanOrEqualTo(0) && gap.lessThan(1)).toBe(true);
        else expect(gap.lessThanOrEqualTo(0) && gap.greaterThan(-1)).toBe(true);
      }),
    );
  });
});

// ---- subaccounts whose arithmetic involves no rounding ------------------------------------------------------

interface Leg {
  readonly id: string;
  readonly perp: DydxPerpetual;
  readonly quantums: Decimal;
  readonly entry: Decimal;
}

/**
 * A leg whose notional is a multiple of 1 000 qq (power 3 … 5), with IMF a whole percent and MF a multiple of
 * 10 %: N · IMF and IMR · MF are then whole quote quantums, so the chain's rounding has nothing to round.
 */
const exactLeg = (id: string) =>
  fc
    .record({
      atomicResolution: fc.constantFrom(-10, -9, -8, -6),
      power: fc.integer({ min: 3, max: 5 }),
      price: fc.integer({ min: 1, max: 1_000_000 }),
      imfPercent: fc.integer({ min: 1, max: 100 }),
      // MF ≥ 10 %: every leg carries maintenance. (With a zero MMR the two disagree by design: the chain never
      // liquidates a subaccount whose TMMR is 0, the generic engine liquidates any pool holding a position whose
      // equity is below its MMR, so below 0.)
      mfTenths: fc.integer({ min: 1, max: 10 }),
      quantums: fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((q) => q !== 0),
      entryShift: fc.integer({ min: -50, max: 50 }),
    })
    .map(
      (g): Leg => ({
        id,
        perp: {
          atomicResolution: g.atomicResolution,
          exponent: g.power - g.atomicResolution - 6,
          price: g.price,
          initialMarginPpm: g.imfPercent * 10_000,
          maintenanceFractionPpm: g.mfTenths * 100_000,
        },
        quantums: new Decimal(g.quantums),
        entry: new Decimal(g.price).times(100 + g.entryShift).div(100),
      }),
    );

const exactSubaccount = fc
  .tuple(
    exactLeg('A'),
    fc.option(exactLeg('B')),
    fc.option(exactLeg('C')),
    fc.integer({ min: -3, max: 3 }),
    fc.boolean(),
  )
  .map(([a, b, c, offset, nearMaintenance]) => {
    const legs = [a, b, c].filter((l): l is Leg => l !== null);
    // USDC chosen so that TNC sits a few quote quantums from TMMR (or anywhere in a wide range).
    let mmr = new Decimal(0);
    let value = new Decimal(0);
    for (const l of legs) {
      const n = exactNotional(l.perp, l.quantums);
      value = value.plus(n);
      mmr = mmr.plus(
        n.abs().times(String(l.perp.initialMarginPpm)).times(String(l.perp.maintenanceFractionPpm)).div(1e12),
      );
    }
    const usdc = nearMaintenance
      ? mmr.plus(offset).minus(value)
      : new Decimal(offset).times(1e9).minus(value.div(2));
    return { legs, usdc };
  });

/** The same subaccount in human units for the generic engine: sizes in coins, prices in USD, USDC in USDC. */
function humanAccount(legs: readonly Leg[], usdcQuantums: Decimal) {
  const price = (l: Leg) => new Decimal(String(l.perp.price)).times(new Decimal(10).pow(l.perp.exponent));
  const size = (l: Leg) => l.quantums.times(new Decimal(10).pow(l.perp.atomicResolution));
  const markets: MarketInput[] = legs.map((l) => ({
    id: l.id,
    kind: 'linear',
    baseAsset: l.id,
    quoteAsset: 'USDC',
    marginSchedule: {
      type: 'open-interest',
      initialFraction: new Decimal(String(l.perp.initialMarginPpm)).div(MILLION),
      maintenanceFraction: new Decimal(String(l.perp.initialMarginPpm))
        .times(String(l.perp.maintenanceFractionPpm))
        .div(1e12),
      openInterestLowerCap: 0,
      openInterestUpperCap: 0,
    },
  }));
  // No entry-based accounting on dYdX: collateral USDC + Σ size · entry, so equity = USDC + Σ size · oracle.
  const entryPrice = (l: Leg) => l.entry.times(new Decimal(10).pow(l.perp.exponent));
  const collateral = legs.reduce(
    (acc, l) => acc.plus(size(l).times(entryPrice(l))),
    usdcQuantums.div(MILLION),
  );
  const positions: PositionInput[] = legs.map((l) => ({
    marketId: l.id,
    size: size(l),
    entryPrice: entryPrice(l),
    marginMode: 'cross',
  }));
  const account = createMarginAccount({
    settleAsset: 'USDC',
    markets,
    collateral: [{ asset: 'USDC', amount: collateral }],
    positions,
  });
  const prices = createPrices({ markets: Object.fromEntries(legs.map((l) => [l.id, { oracle: price(l) }])) });
  return summarizeAccount(account, prices, { priceSource: 'oracle' });
}

describe('the chain model agrees with the generic engine when no rounding is involved', () => {
  it('IsLiquidatable ⇔ summarizeAccount liquidatable; IsInitialCollateralized ⇔ free collateral ≥ 0', () => {
    let liquidatable = 0;
    fc.assert(
      fc.property(exactSubaccount, ({ legs, usdc }) => {
        const risk = dydxSubaccountRisk(
          { usdcQuantums: usdc, positions: legs.map((l) => ({ perpetualId: l.id, quantums: l.quantums })) },
          Object.fromEntries(legs.map((l) => [l.id, l.perp])),
        );
        const pool = humanAccount(legs, usdc).cross;
        expect(risk.netCollateral.toString()).toBe(pool.equity.times(MILLION).toString());
        expect(risk.initialMargin.toString()).toBe(pool.initialRequirement.times(MILLION).toString());
        expect(risk.maintenanceMargin.toString()).toBe(pool.maintenanceRequirement.times(MILLION).toString());
        expect(dydxIsLiquidatable(risk)).toBe(pool.liquidatable);
        expect(dydxIsInitialCollateralized(risk)).toBe(!pool.freeCollateral.isNegative());
        if (pool.liquidatable) liquidatable += 1;
      }),
      { numRuns: 300 },
    );
    // the generator reaches both sides of the boundary
    expect(liquidatable).toBeGreaterThan(10);
  });
});

// ---- liquidation ------------------------------------------------------------------------------------------

/** A subaccount of 1 … 3 positions on random perpetuals with a positive maintenance requirement. */
const liquidationCase = fc
  .record({
    perps: fc.array(perpetual, { minLength: 1, maxLength: 3 }),
    sizes: fc.array(nonZeroSize, { minLength: 3, maxLength: 3 }),
    usdc: big(10n ** 16n, -(10n ** 16n)),
    closeShare: fc.integer({ min: 1, max: 1000 }),
  })
  .map(({ perps, sizes, usdc, closeShare }) => {
    // a positive maintenance fraction of a positive IMF, so that every position carries maintenance
    const perpetuals = Object.fromEntries(
      perps.map((p, i) => [
        `P${i}`,
        {
          ...p,
          initialMarginPpm: Math.max(1, Number(p.initialMarginPpm)),
          maintenanceFractionPpm: Math.max(1, Number(p.maintenanceFractionPpm)),
        },
      ]),
    );
    const positions = perps.map((_, i) => ({ perpetualId: `P${i}`, quantums: sizes[i] ?? new Decimal(1) }));
    return { perpetuals, subaccount: { usdcQuantums: usdc, positions }, closeShare };
  });

describe('liquidation arithmetic', () => {
  it('closing a whole single position at its bankruptcy quote leaves exactly zero net collateral', () => {
    fc.assert(
      fc.property(liquidationCase, ({ perpetuals, subaccount }) => {
        const single = { ...subaccount, positions: subaccount.positions.slice(0, 1) };
        const [position] = single.positions;
        if (!position) return;
        const risk = dydxSubaccountRisk(single, perpetuals);
        fc.pre(risk.maintenanceMargin.greaterThan(0));
        const bq = dydxBankruptcyQuoteQuantums(
          single,
          perpetuals,
          position.perpetualId,
          position.quantums.negated(),
        );
        expect(risk.usdcQuantums.plus(bq).toString()).toBe('0');
      }),
    );
  });

  it('closing part of a position at its bankruptcy quote never leaves the rest riskier (BQ rounds toward +∞)', () => {
    fc.assert(
      fc.property(liquidationCase, ({ perpetuals, subaccount, closeShare }) => {
        const before = dydxSubaccountRisk(subaccount, perpetuals);
        fc.pre(before.maintenanceMargin.greaterThan(0));
        const [position] = subaccount.positions;
        if (!position) return;
        // close a share of it, at least one base quantum
        const magnitude = Decimal.max(1, position.quantums.abs().times(closeShare).div(1000).floor());
        const delta = position.quantums.isNegative() ? magnitude : magnitude.negated();
        const bq = dydxBankruptcyQuoteQuantums(subaccount, perpetuals, position.perpetualId, delta);
        const after = dydxSubaccountRisk(
          {
            usdcQuantums: before.usdcQuantums.plus(bq),
            positions: subaccount.positions
              .map((p, i) => (i === 0 ? { ...p, quantums: p.quantums.plus(delta) } : p))
              .filter((p) => !p.quantums.isZero()),
          },
          perpetuals,
        );
        // NC' / MMR' ≥ NC / MMR, cross-multiplied
        expect(
          after.netCollateral
            .times(before.maintenanceMargin)
            .greaterThanOrEqualTo(before.netCollateral.times(after.maintenanceMargin)),
        ).toBe(true);
      }),
    );
  });

  it('the fillable price lies between the oracle and the oracle less the full spread, and its order limit rounds against the liquidated side', () => {
    fc.assert(
      fc.property(
        liquidationCase,
        fc.integer({ min: 1_000_000, max: 3_000_000 }),
        fc.integer({ min: 1, max: 1_500_000 }),
        fc.integer({ min: -10, max: 2 }),
        (c, ba, smmr, qce) => {
          const risk = dydxSubaccountRisk(c.subaccount, c.perpetuals);
          fc.pre(risk.maintenanceMargin.greaterThan(0));
          const [position] = c.subaccount.positions;
          const p = risk.positions[0];
          if (!position || !p) return;
          fc.pre(p.maintenanceMargin.times(smmr).div(MILLION).lessThanOrEqualTo(p.netCollateral.abs()));
          const fp = dydxFillablePrice(c.subaccount, c.perpetuals, position.perpetualId, {
            bankruptcyAdjustmentPpm: ba,
            spreadToMaintenanceMarginRatioPpm: smmr,
          });
          const value = fp.numerator.div(fp.denominator);
          const oracle = p.netCollateral.div(position.quantums);
          const widest = p.netCollateral
            .abs()
            .minus(p.maintenanceMargin.times(smmr).div(MILLION))
            .div(position.quantums.abs());
          const long = !position.quantums.isNegative();
          const tolerance = new Decimal('1e-30').times(oracle.abs().plus(1));
          if (long)
            expect(
              value.lessThanOrEqualTo(oracle.plus(tolerance)) &&
                value.greaterThanOrEqualTo(widest.minus(tolerance)),
            ).toBe(true);
          else expect(value.greaterThanOrEqualTo(oracle.minus(tolerance))).toBe(true);
          const tick = 1_000;
          const subticks = dydxFillablePriceSubticks(fp, long, {
            quantumConversionExponent: qce,
            subticksPerTick: tick,
          });
          expect(subticks.mod(tick).isZero()).toBe(true);
          const exact = fp.numerator.times(new Decimal(10).pow(-qce)).div(fp.denominator);
          const cap = new Decimal('18446744073709551615');
          if (long && exact.lessThan(cap.minus(tick)))
            expect(subticks.greaterThanOrEqualTo(exact.minus(tolerance))).toBe(true);
          if (!long && exact.greaterThanOrEqualTo(tick))
            expect(subticks.lessThanOrEqualTo(exact.plus(tolerance))).toBe(true);
        },
      ),
    );
  });

  it('the insurance fund covers exactly the shortfall below bankruptcy and takes at most the surplus above it', () => {
    fc.assert(
      fc.property(
        liquidationCase,
        big(10n ** 13n, 1n),
        fc.integer({ min: 0, max: 1_000_000 }),
        (c, subticks, feePpm) => {
          const risk = dydxSubaccountRisk(c.subaccount, c.perpetuals);
          fc.pre(risk.maintenanceMargin.greaterThan(0));
          const [position] = c.subaccount.positions;
          if (!position) return;
          const result = dydxLiquidationInsuranceFundDelta(
            c.subaccount,
            c.perpetuals,
            {
              perpetualId: position.perpetualId,
              isBuy: position.quantums.isNegative(),
              fillAmount: position.quantums.abs(),
              subticks,
              quantumConversionExponent: -9,
            },
            { maxLiquidationFeePpm: feePpm },
          );
          const surplus = result.fillQuoteQuantums.minus(result.bankruptcyQuoteQuantums);
          if (!surplus.isPositive() || surplus.isZero())
            expect(result.insuranceFundDelta.toString()).toBe(surplus.toString());
          else {
            expect(result.insuranceFundDelta.greaterThanOrEqualTo(0)).toBe(true);
            expect(result.insuranceFundDelta.lessThanOrEqualTo(surplus)).toBe(true);
            expect(result.usdcDelta.greaterThanOrEqualTo(result.bankruptcyQuoteQuantums)).toBe(true);
          }
          expect(result.usdcDelta.toString()).toBe(
            result.fillQuoteQuantums.minus(result.insuranceFundDelta).toString(),
          );
        },
      ),
    );
  });
});

describe('orderings and conversions', () => {
  const risk = fc.record({
    netCollateral: big(10n ** 12n, -(10n ** 12n)),
    maintenanceMargin: fc.oneof(fc.constant(new Decimal(0)), big(10n ** 12n)),
  });

  it('dydxCompareRisk is antisymmetric and follows NC / MMR', () => {
    fc.assert(
      fc.property(risk, risk, (a, b) => {
        const ab = dydxCompareRisk(a, b);
        expect(dydxCompareRisk(b, a)).toBe(ab === 0 ? 0 : -ab);
        expect(dydxCompareRisk(a, a)).toBe(0);
        if (!a.maintenanceMargin.isZero() && !b.maintenanceMargin.isZero()) {
          const ra = a.netCollateral.div(a.maintenanceMargin);
          const rb = b.netCollateral.div(b.maintenanceMargin);
          if (ra.lessThan(rb)) expect(ab).toBe(1);
          if (ra.greaterThan(rb)) expect(ab).toBe(-1);
        }
      }),
    );
  });

  it('quote → base → quote never gains, and sizes become whole steps of at least one step', () => {
    fc.assert(
      fc.property(perpetual, big(10n ** 15n, -(10n ** 15n)), (perp, qq) => {
        const bq = dydxQuoteToBaseQuantums(qq, perp.atomicResolution, perp.price, perp.exponent);
        const back = dydxBaseToQuoteQuantums(bq, perp.atomicResolution, perp.price, perp.exponent);
        expect(back.abs().lessThanOrEqualTo(qq.abs())).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        big(10n ** 12n),
        fc.integer({ min: 1, max: 12 }),
        big(10n ** 9n, 1n),
        (mantissa, scale, step) => {
          const size = mantissa.div(new Decimal(10).pow(scale));
          const q = dydxSizeToQuantums(size, -10, step);
          expect(q.mod(step).isZero() && q.greaterThanOrEqualTo(step)).toBe(true);
          expect(q.lessThanOrEqualTo(Decimal.max(size.times(1e10), step))).toBe(true);
        },
      ),
    );
  });

  it('premium votes take the sign of the side the index is on and respect the clamp', () => {
    const level = fc.record({
      subticks: fc.integer({ min: 1, max: 1_000_000 }),
      quantums: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(level, { maxLength: 4 }),
        fc.array(level, { maxLength: 4 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 500_000 }),
        (bids, asks, index, notional, bound) => {
          const b = [...bids].sort((x, y) => y.subticks - x.subticks);
          const a = [...asks]
            .sort((x, y) => x.subticks - y.subticks)
            .map((l) => ({ ...l, subticks: l.subticks + 1_000_000 }));
          const vote = dydxPremiumVotePpm({
            bids: b,
            asks: a,
            indexPrice: index,
            indexExponent: 0,
            atomicResolution: -6,
            quantumConversionExponent: 0,
            impactNotional: notional,
            maxAbsPremiumVotePpm: bound,
          });
          expect(vote.abs().lessThanOrEqualTo(bound)).toBe(true);
          if (vote.isPositive() && !vote.isZero()) expect(index < (b[0]?.subticks ?? 0)).toBe(true);
          if (vote.isNegative()) expect(index > (a[0]?.subticks ?? Number.POSITIVE_INFINITY)).toBe(true);
        },
      ),
    );
  });
});
