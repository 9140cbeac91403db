// Properties of the GMX v2 venue model on generated markets and positions:
// - price impact with equal positive and negative terms telescopes: two orders cost what their sum costs;
// - capped impact stays within the caps, and on the same side as the uncapped impact;
// - funding is conserved: what the paying side pays, the receiving side receives;
// - at the liquidation price remaining collateral equals the threshold; just beyond it GMX liquidates, just inside not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  gmxFundingRates,
  gmxLiquidationCheck,
  gmxLiquidationPrice,
  gmxPositionPriceImpact,
} from '../../../src/index.js';

const usd = fc.integer({ min: 0, max: 50_000_000 });
const factor = fc.integer({ min: 1, max: 1000 }).map((n) => new Decimal(n).times('1e-12'));

describe('GMX price impact properties', () => {
  it('telescopes when the positive and negative terms are the same', () => {
    fc.assert(
      fc.property(usd, usd, usd, usd, fc.boolean(), factor, (long, short, d1, d2, isLong, k) => {
        const run = (l: Decimal, s: Decimal, delta: number) =>
          gmxPositionPriceImpact({
            longOpenInterest: l,
            shortOpenInterest: s,
            isLong,
            sizeDeltaUsd: delta,
            positiveImpactFactor: k,
            negativeImpactFactor: k,
            impactExponent: 2,
          });
        const l0 = new Decimal(long);
        const s0 = new Decimal(short);
        const first = run(l0, s0, d1);
        const l1 = isLong ? l0.plus(d1) : l0;
        const s1 = isLong ? s0 : s0.plus(d1);
        const second = run(l1, s1, d2);
        const both = run(l0, s0, d1 + d2);
        expect(first.priceImpactUsd.plus(second.priceImpactUsd).equals(both.priceImpactUsd)).toBe(true);
      }),
    );
  });

  it('keeps the capped impact within its caps and its sign', () => {
    fc.assert(
      fc.property(
        usd,
        usd,
        fc.integer({ min: -50_000_000, max: 50_000_000 }),
        fc.boolean(),
        factor,
        factor,
        fc.integer({ min: 0, max: 100 }),
        (long, short, delta, isLong, kp, kn, capBp) => {
          const side = isLong ? long : short;
          fc.pre(side + delta >= 0);
          const cap = new Decimal(capBp).div(10_000);
          const pi = gmxPositionPriceImpact({
            longOpenInterest: long,
            shortOpenInterest: short,
            isLong,
            sizeDeltaUsd: delta,
            positiveImpactFactor: kp,
            negativeImpactFactor: kn,
            impactExponent: 2,
            maxPositiveImpactFactor: cap,
            maxNegativeImpactFactor: cap,
          });
          const limit = cap.times(Math.abs(delta));
          expect(pi.cappedPriceImpactUsd.abs().lessThanOrEqualTo(limit)).toBe(true);
          expect(pi.cappedPriceImpactUsd.abs().lessThanOrEqualTo(pi.priceImpactUsd.abs())).toBe(true);
          expect(pi.cappedPriceImpactUsd.isNegative() && pi.priceImpactUsd.isPositive()).toBe(false);
        },
      ),
    );
  });
});

describe('GMX funding properties', () => {
  it('conserves funding: paid by one side = received by the other', () => {
    fc.assert(
      fc.property(usd, usd, factor, fc.boolean(), (long, short, f, longsPayShorts) => {
        const r = gmxFundingRates({
          longOpenInterest: long,
          shortOpenInterest: short,
          fundingFactorPerSecond: f,
          longsPayShorts,
        });
        const net = r.long.times(long).plus(r.short.times(short));
        expect(net.abs().lessThanOrEqualTo(new Decimal('1e-25'))).toBe(true);
      }),
    );
  });
});

const position = fc.record({
  isLong: fc.boolean(),
  sizeInUsd: fc.integer({ min: 10, max: 10_000_000 }),
  entry: fc.integer({ min: 1, max: 100_000 }),
  collateral: fc.integer({ min: 0, max: 5_000_000 }),
  index: fc.boolean(),
  borrowing: fc.integer({ min: 0, max: 1000 }),
  impact: fc.integer({ min: -5000, max: 5000 }),
  mcfBp: fc.integer({ min: 0, max: 500 }),
  minUsd: fc.integer({ min: 0, max: 10 }),
  move: fc.integer({ min: 1, max: 300 }),
});

describe('GMX liquidation properties', () => {
  it('at the liquidation price remaining collateral equals the threshold, and beyond it GMX liquidates', () => {
    fc.assert(
      fc.property(position, (g) => {
        const p = {
          isLong: g.isLong,
          sizeInUsd: g.sizeInUsd,
          sizeInTokens: new Decimal(g.sizeInUsd).div(g.entry),
          collateralAmount: g.index ? new Decimal(g.collateral).div(g.entry) : g.collateral,
          collateralTokenPrice: 1,
          collateralIsIndexToken: g.index,
          pendingBorrowingFeesUsd: g.borrowing,
        };
        const params = {
          minCollateralFactor: new Decimal(g.mcfBp).div(10_000),
          minCollateralUsd: g.minUsd,
          positionFeeFactor: '0.0006',
          maxPositionImpactFactorForLiquidations: '0.005',
          priceImpactUsd: g.impact,
        };
        const now = new Decimal(g.entry).times(g.move).div(100);
        const lp = gmxLiquidationPrice(p, params, now);
        fc.pre(lp.kind === 'price');
        if (lp.kind !== 'price') return;
        const at = gmxLiquidationCheck(p, params, lp.price);
        const slack = new Decimal('1e-25').times(g.sizeInUsd);
        expect(at.remainingCollateralUsd.minus(lp.thresholdUsd).abs().lessThanOrEqualTo(slack)).toBe(true);
        const step = lp.price.times('1e-9');
        const beyond = lp.direction === 'down' ? lp.price.minus(step) : lp.price.plus(step);
        const inside = lp.direction === 'down' ? lp.price.plus(step) : lp.price.minus(step);
        expect(gmxLiquidationCheck(p, params, beyond).liquidatable).toBe(true);
        if (lp.thresholdUsd.isPositive())
          expect(gmxLiquidationCheck(p, params, inside).liquidatable).toBe(false);
      }),
    );
  });
});
