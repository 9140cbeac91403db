// Properties of maintenanceDeductions: the recursion makes maintenance continuous at every floor, exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarket, Decimal, type MarketKind, maintenanceDeductions } from '../../src/index.js';
import { legArb, snapshot } from '../support/arbitraries.js';

const tieredArb = fc
  .constantFrom<MarketKind>('linear', 'inverse')
  .chain((kind) =>
    legArb(kind === 'linear' ? 'X-PERP' : 'BTCUSD', kind, {
      side: 'any',
      schedules: ['tiered'],
      zeroMaintenance: true,
      funding: false,
      leverage: false,
    }),
  )
  .map((leg) => {
    const schedule = leg.market.marginSchedule;
    if (schedule.type !== 'tiered') throw new Error('tiered only');
    return { market: leg.market, tiers: schedule.tiers };
  });

describe('maintenanceDeductions', () => {
  it('floor·MMFₙ₋₁ − dₙ₋₁ = floor·MMFₙ − dₙ exactly at every floor, and the factory uses the same deductions', () => {
    fc.assert(
      fc.property(tieredArb, ({ market, tiers }) => {
        const before = snapshot(tiers);
        const deductions = maintenanceDeductions(tiers);
        expect(snapshot(tiers)).toBe(before);
        expect(deductions.length).toBe(tiers.length);
        expect(deductions[0]?.isZero()).toBe(true);
        for (let n = 1; n < tiers.length; n++) {
          const floor = new Decimal(String(tiers[n]?.notionalFloor));
          const lower = floor
            .times(String(tiers[n - 1]?.maintenanceFraction))
            .minus(deductions[n - 1] ?? NaN);
          const upper = floor.times(String(tiers[n]?.maintenanceFraction)).minus(deductions[n] ?? NaN);
          expect(lower.eq(upper)).toBe(true);
          // Deductions never fall, and never exceed the maintenance at their own floor.
          expect(deductions[n]?.greaterThanOrEqualTo(deductions[n - 1] ?? NaN)).toBe(true);
          expect(upper.isNegative()).toBe(false);
        }
        const created = createMarket(market).marginSchedule;
        if (created.type !== 'tiered') throw new Error('tiered only');
        created.tiers.forEach((tier, i) => {
          expect(tier.maintenanceDeduction.eq(deductions[i] ?? NaN)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
