// Properties of marginRequirement (and the notional it rests on) on generated markets: homogeneity of flat
// schedules, leverage independence of maintenance, IMR ≥ MMR ≥ 0, monotonicity in size, and continuity of
// tiered maintenance at every tier floor when deductions come from the recursion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarket,
  createPosition,
  Decimal,
  type Market,
  type MarketKind,
  marginRequirement,
  marginTierAt,
  notional,
  openInterestInitialFraction,
  unrealizedPnl,
} from '../../src/index.js';
import { legArb, type ScheduleKind, snapshot } from '../support/arbitraries.js';

const RUNS = { numRuns: 200 };

const legOf = (schedules: readonly ScheduleKind[], kinds: readonly MarketKind[] = ['linear', 'inverse']) =>
  fc
    .constantFrom(...kinds)
    .chain((kind) =>
      legArb(kind === 'linear' ? 'X-PERP' : 'BTCUSD', kind, {
        side: 'any',
        schedules,
        zeroMaintenance: true,
        funding: false,
        leverage: false,
      }),
    )
    .map((leg) => ({ leg, market: createMarket(leg.market) }));

/** Open interest for the requirement options when the schedule needs it. */
const optionsFor = (leg: { openInterest?: string }) =>
  leg.openInterest === undefined ? {} : { openInterest: leg.openInterest };

function relativelyEqual(a: Decimal, b: Decimal, digits = 30): boolean {
  return a
    .minus(b)
    .abs()
    .lessThanOrEqualTo(Decimal.max(a.abs(), b.abs()).times(`1e-${digits}`));
}

describe('marginRequirement', () => {
  it('flat schedules: IMR and MMR scale linearly with size, and do not depend on the side', () => {
    fc.assert(
      fc.property(legOf(['flat']), fc.integer({ min: 1, max: 1000 }), ({ leg, market }, k) => {
        const one = marginRequirement(market, leg.size, leg.mark);
        const many = marginRequirement(market, new Decimal(leg.size).times(k), leg.mark);
        const flipped = marginRequirement(market, new Decimal(leg.size).negated(), leg.mark);
        expect(relativelyEqual(many.maintenance, one.maintenance.times(k))).toBe(true);
        expect(relativelyEqual(many.initial, one.initial.times(k))).toBe(true);
        expect(relativelyEqual(many.notional, one.notional.times(k))).toBe(true);
        expect(flipped.maintenance.eq(one.maintenance)).toBe(true);
        expect(flipped.initial.eq(one.initial)).toBe(true);
      }),
      RUNS,
    );
  });

  it('user leverage never changes MMR; it raises IMR to notional / leverage when that is higher', () => {
    fc.assert(
      fc.property(
        legOf(['flat', 'tiered', 'open-interest']),
        fc.integer({ min: 1, max: 200 }),
        ({ leg, market }, leverage) => {
          const plain = marginRequirement(market, leg.size, leg.mark, optionsFor(leg));
          const levered = marginRequirement(market, leg.size, leg.mark, { ...optionsFor(leg), leverage });
          expect(levered.maintenance.eq(plain.maintenance)).toBe(true);
          const expected = Decimal.max(plain.initialFraction, new Decimal(1).div(leverage));
          expect(levered.initialFraction.eq(expected)).toBe(true);
          expect(levered.initial.eq(plain.notional.times(expected))).toBe(true);
          expect(levered.leverageBinding).toBe(
            new Decimal(1).div(leverage).greaterThan(plain.initialFraction),
          );
        },
      ),
      RUNS,
    );
  });

  it('IMR ≥ MMR ≥ 0 at any price, and MMR does not fall as the size grows', () => {
    fc.assert(
      fc.property(
        legOf(['flat', 'tiered', 'open-interest']),
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        ({ leg, market }, shift, growth) => {
          const price = new Decimal(leg.mark).times(new Decimal(shift).div(1000).exp());
          const r = marginRequirement(market, leg.size, price, optionsFor(leg));
          expect(r.maintenance.isNegative() && !r.maintenance.isZero()).toBe(false);
          expect(r.initial.greaterThanOrEqualTo(r.maintenance)).toBe(true);
          const bigger = marginRequirement(
            market,
            new Decimal(leg.size).times(new Decimal(growth).div(1000).plus(1)),
            price,
            optionsFor(leg),
          );
          expect(bigger.maintenance.greaterThanOrEqualTo(r.maintenance)).toBe(true);
          expect(bigger.notional.greaterThan(r.notional)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('tiered maintenance is continuous at every floor: MMR just below and at the floor differ by at most ε·floor', () => {
    // A linear market with contract size 1 and size 1: the notional equals the price, so the floor is hit exactly.
    fc.assert(
      fc.property(legOf(['tiered'], ['linear']), ({ leg }) => {
        const { stepSize: _, ...spec } = leg.market;
        const market: Market = createMarket({ ...spec, contractSize: '1' });
        const schedule = market.marginSchedule;
        if (schedule.type !== 'tiered') throw new Error('tiered only');
        const epsilon = new Decimal('1e-12');
        schedule.tiers.forEach((tier, n) => {
          if (n === 0) return;
          const floor = tier.notionalFloor;
          const at = marginRequirement(market, 1, floor);
          const below = marginRequirement(market, 1, floor.times(epsilon.negated().plus(1)));
          expect(at.tierIndex).toBe(n);
          expect(below.tierIndex).toBe(n - 1);
          expect(marginTierAt(schedule, floor).index).toBe(n);
          const jump = at.maintenance.minus(below.maintenance).abs();
          expect(jump.lessThanOrEqualTo(floor.times(epsilon))).toBe(true);
          // The limit from below equals the value at the floor exactly.
          const previous = schedule.tiers[n - 1];
          if (!previous) throw new Error('missing tier');
          const limit = floor.times(previous.maintenanceFraction).minus(previous.maintenanceDeduction);
          expect(limit.eq(at.maintenance)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('the margin functions leave their inputs alone', () => {
    fc.assert(
      fc.property(
        legOf(['flat', 'tiered', 'open-interest']),
        fc.integer({ min: 1, max: 100 }),
        ({ leg, market }, leverage) => {
          const position = createPosition({
            marketId: market.id,
            size: leg.size,
            entryPrice: leg.entryPrice,
            marginMode: 'cross',
          });
          const options = { ...optionsFor(leg), leverage: new Decimal(leverage) };
          const before = snapshot([market, position, options]);
          const size = new Decimal(leg.size);
          const price = new Decimal(leg.mark);
          const inputsBefore = snapshot([size, price]);
          marginRequirement(market, size, price, options);
          notional(market, size, price);
          unrealizedPnl(market, position, price);
          const schedule = market.marginSchedule;
          if (schedule.type === 'tiered') marginTierAt(schedule, notional(market, size, price));
          if (schedule.type === 'open-interest') openInterestInitialFraction(schedule, price);
          expect(snapshot([market, position, options])).toBe(before);
          expect(snapshot([size, price])).toBe(inputsBefore);
        },
      ),
      RUNS,
    );
  });
});
