import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarket, Decimal, InvalidArgumentError, marginRequirement } from '../../src/index.js';

// Hyperliquid-like tiers: 50× below 100 000, 25× above
const market = createMarket({
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDC',
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
});

describe("marginRequirement with initialAt: 'leverage'", () => {
  it('charges 1/leverage even below the tier floor, and flags the tier violation', () => {
    // 40 ETH at 3 000 = 120 000, tier 2 (max 25×); the user's 40×
    const r = marginRequirement(market, 40, 3000, { leverage: 40, initialAt: 'leverage' });
    expect([r.initial.toString(), r.initialFraction.toString(), r.tierViolation, r.leverageBinding]).toEqual([
      '3000',
      '0.025',
      true,
      true,
    ]);
    // the default charges the tier's 4 %
    expect(marginRequirement(market, 40, 3000, { leverage: 40 }).initial.toString()).toBe('4800');
    // within the tier's maximum there is no violation, and the charge equals the default
    const ok = marginRequirement(market, 10, 3000, { leverage: 20, initialAt: 'leverage' });
    expect([ok.initial.toString(), ok.tierViolation]).toEqual(['1500', false]);
    expect(marginRequirement(market, 10, 3000, { leverage: 20 }).initial.eq(ok.initial)).toBe(true);
    // maintenance is never changed
    expect(r.maintenance.eq(marginRequirement(market, 40, 3000).maintenance)).toBe(true);
  });

  it('needs a leverage and a known value', () => {
    for (const options of [{ initialAt: 'leverage' }, { leverage: 5, initialAt: 'tier' }] as const) {
      try {
        marginRequirement(market, 1, 3000, options as never);
        throw new Error('expected a throw');
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).path).toEqual(['options', 'initialAt']);
      }
    }
  });

  it('flags a violation exactly when the default would charge more (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 100 }), (size, leverage) => {
        const exact = marginRequirement(market, size, 3000, { leverage, initialAt: 'leverage' });
        const floor = marginRequirement(market, size, 3000, { leverage });
        expect(exact.initial.eq(new Decimal(size).times(3000).times(new Decimal(1).div(leverage)))).toBe(
          true,
        );
        expect(exact.tierViolation).toBe(floor.initial.gt(exact.initial));
      }),
    );
  });
});
