// Properties of createMarket on generated market specifications (linear and inverse; flat, tiered and
// open-interest schedules; optional funding schedule), with numbers written in every accepted form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarket, Decimal, type MarketInput, maintenanceDeductions } from '../../src/index.js';
import {
  checkFactory,
  formPickerArb,
  fundingScheduleArb,
  legArb,
  representNumbers,
} from '../support/arbitraries.js';

const marketArb: fc.Arbitrary<MarketInput> = fc
  .record({
    leg: fc.constantFrom('linear' as const, 'inverse' as const).chain((kind) =>
      legArb(kind === 'linear' ? 'ETH-PERP' : 'BTCUSD', kind, {
        side: 'any',
        schedules: ['flat', 'tiered', 'open-interest'],
        zeroMaintenance: true,
        funding: false,
        leverage: false,
      }),
    ),
    fundingSchedule: fc.option(fundingScheduleArb, { nil: undefined }),
    tick: fc.option(fc.integer({ min: -4, max: 0 }), { nil: undefined }),
    explicitSettle: fc.boolean(),
  })
  .map(({ leg, fundingSchedule, tick, explicitSettle }) => ({
    ...leg.market,
    ...(explicitSettle
      ? { settleAsset: leg.kind === 'linear' ? leg.market.quoteAsset : leg.market.baseAsset }
      : {}),
    ...(tick === undefined ? {} : { tickSize: `1e${tick}` }),
    ...(fundingSchedule === undefined ? {} : { fundingSchedule }),
  }));

describe('createMarket', () => {
  it('does not mutate its input, returns deeply frozen output, and round-trips through JSON', () => {
    fc.assert(
      fc.property(marketArb, formPickerArb, (input, pick) => {
        const written = representNumbers(input, pick) as MarketInput;
        const market = checkFactory(
          written,
          (i) => createMarket(i),
          (json) => json as MarketInput,
        );
        // Every way of writing the numbers gives the same market.
        expect(market).toEqual(createMarket(input));
      }),
      { numRuns: 200 },
    );
  });

  it('derives tier deductions by the continuity recursion when they are omitted', () => {
    fc.assert(
      fc.property(marketArb, (input) => {
        const market = createMarket(input);
        const schedule = market.marginSchedule;
        if (schedule.type !== 'tiered') return;
        const derived = maintenanceDeductions(schedule.tiers);
        schedule.tiers.forEach((tier, i) => {
          expect(tier.maintenanceDeduction.eq(derived[i] ?? new Decimal(NaN))).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
