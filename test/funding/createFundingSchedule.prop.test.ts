// Properties of createFundingSchedule on generated schedules (premium-interest, clamped-premium, rate path).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFundingSchedule, type FundingScheduleInput } from '../../src/index.js';
import { checkFactory, formPickerArb, fundingScheduleArb, representNumbers } from '../support/arbitraries.js';

describe('createFundingSchedule', () => {
  it('does not mutate its input, returns deeply frozen output, and round-trips through JSON', () => {
    fc.assert(
      fc.property(fundingScheduleArb, formPickerArb, (input, pick) => {
        const written = representNumbers(input, pick) as FundingScheduleInput;
        const schedule = checkFactory(
          written,
          (i) => createFundingSchedule(i),
          (json) => json as FundingScheduleInput,
        );
        expect(schedule).toEqual(createFundingSchedule(input));
        expect(schedule.ratePeriodMs).toBe(input.ratePeriodMs ?? input.intervalMs);
        expect(schedule.anchorMs).toBe(input.anchorMs ?? 0);
      }),
      { numRuns: 200 },
    );
  });
});
