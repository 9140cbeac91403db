import { describe, expect, it } from 'vitest';
import {
  createFundingSchedule,
  type FundingScheduleInput,
  fundingTimes,
  InvalidArgumentError,
} from '../../src/index.js';

const HOUR = 3_600_000;
const rate = { type: 'premium-interest', interestRate: '0.0001', cap: '0.0075' } as const;
const schedule = (input: Partial<FundingScheduleInput>) =>
  createFundingSchedule({ intervalMs: 8 * HOUR, paymentPrice: 'mark', rate, ...input });

const eightHourly = schedule({});
const hourly = schedule({ intervalMs: HOUR, ratePeriodMs: 8 * HOUR });

function expectError(f: () => unknown, code: string, path: readonly (string | number)[]) {
  try {
    f();
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).code).toBe(code);
    expect((error as InvalidArgumentError).path).toEqual(path);
  }
}

describe('fundingTimes', () => {
  it('lists the 8-hourly settlements of a day (00:00, 08:00, 16:00 UTC; Binance default)', () => {
    // (0, 24 h]: 8 h, 16 h, 24 h — midnight at the start is excluded, midnight at the end included
    expect(fundingTimes(eightHourly, 0, 24 * HOUR)).toEqual([8 * HOUR, 16 * HOUR, 24 * HOUR]);
  });

  it('excludes the start and includes the end', () => {
    // (8 h, 16 h] holds only 16 h
    expect(fundingTimes(eightHourly, 8 * HOUR, 16 * HOUR)).toEqual([16 * HOUR]);
    // (8 h − 1 ms, 8 h] holds 8 h
    expect(fundingTimes(eightHourly, 8 * HOUR - 1, 8 * HOUR)).toEqual([8 * HOUR]);
    // (8 h, 8 h] is empty
    expect(fundingTimes(eightHourly, 8 * HOUR, 8 * HOUR)).toEqual([]);
    // (8 h, 16 h − 1 ms] is empty: a position closed a millisecond before funding pays nothing
    expect(fundingTimes(eightHourly, 8 * HOUR, 16 * HOUR - 1)).toEqual([]);
  });

  it('lists every hour of an hourly schedule, whatever the rate period', () => {
    // (0.5 h, 3.5 h]: 1 h, 2 h, 3 h
    expect(fundingTimes(hourly, HOUR / 2, 3.5 * HOUR)).toEqual([HOUR, 2 * HOUR, 3 * HOUR]);
  });

  it('offsets the times by the anchor (BitMEX: 04:00, 12:00, 20:00 UTC)', () => {
    const bitmex = schedule({ anchorMs: 4 * HOUR });
    // anchor 4 h + k · 8 h in (0, 24 h]: 4 h, 12 h, 20 h
    expect(fundingTimes(bitmex, 0, 24 * HOUR)).toEqual([4 * HOUR, 12 * HOUR, 20 * HOUR]);
    // an anchor beyond one interval gives the same grid: 28 h − 3 · 8 h = 4 h
    expect(fundingTimes(schedule({ anchorMs: 28 * HOUR }), 0, 24 * HOUR)).toEqual([
      4 * HOUR,
      12 * HOUR,
      20 * HOUR,
    ]);
  });

  it('works on real timestamps with a 4-hour interval', () => {
    const fourHourly = schedule({ intervalMs: 4 * HOUR });
    const jan1 = Date.UTC(2024, 0, 1); // 1 704 067 200 000, a multiple of 4 h
    // (00:00, 12:00]: 04:00, 08:00, 12:00
    expect(fundingTimes(fourHourly, jan1, jan1 + 12 * HOUR)).toEqual([
      jan1 + 4 * HOUR,
      jan1 + 8 * HOUR,
      jan1 + 12 * HOUR,
    ]);
    // starting at 01:30: 04:00 and 08:00 only, up to 10:00
    expect(fundingTimes(fourHourly, jan1 + 1.5 * HOUR, jan1 + 10 * HOUR)).toEqual([
      jan1 + 4 * HOUR,
      jan1 + 8 * HOUR,
    ]);
  });

  it('handles times before the epoch', () => {
    // (−10 h, 0]: −8 h and 0
    expect(fundingTimes(eightHourly, -10 * HOUR, 0)).toEqual([-8 * HOUR, 0]);
    // a negative anchor: −1 h + k · 8 h in (0, 16 h]: 7 h, 15 h
    expect(fundingTimes(schedule({ anchorMs: -HOUR }), 0, 16 * HOUR)).toEqual([7 * HOUR, 15 * HOUR]);
  });

  it('rejects an end before the start (END_BEFORE_START)', () => {
    expectError(() => fundingTimes(eightHourly, 10, 5), 'END_BEFORE_START', ['toMs']);
  });

  it('rejects times that are not whole milliseconds', () => {
    expectError(() => fundingTimes(eightHourly, 0.5, HOUR), 'INVALID_ARGUMENT', ['fromMs']);
    expectError(() => fundingTimes(eightHourly, 0, Number.NaN), 'INVALID_ARGUMENT', ['toMs']);
    expectError(() => fundingTimes(eightHourly, 0, Number.POSITIVE_INFINITY), 'INVALID_ARGUMENT', ['toMs']);
  });
});
