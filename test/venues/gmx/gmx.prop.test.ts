// Properties of the GMX v2 venue model on generated markets and positions:
// - price impact with equal positive and negative terms telescopes: two orders cost what their sum costs;
// - capped impact stays within the caps, and on the same side as the uncapped impact;
// - funding is conserved: what the paying side pays, the receiving side receives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, gmxFundingRates, gmxPositionPriceImpact } from '../../../src/index.js';

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
