import { describe, expect, it } from 'vitest';
import { annualizedFundingRate, createFundingSchedule, InvalidArgumentError } from '../../src/index.js';

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR; // 31 536 000 000 ms
const rate = { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' } as const;
const schedule = (intervalMs: number, ratePeriodMs = intervalMs) =>
  createFundingSchedule({ intervalMs, ratePeriodMs, paymentPrice: 'mark', rate });

const hourlyOf8h = schedule(HOUR, 8 * HOUR); // Hyperliquid, dYdX v4
const eightHourly = schedule(8 * HOUR); // Binance, Bybit default
const fourHourly = schedule(4 * HOUR); // a 4-hour market quoting its rate per 4 h

describe('annualizedFundingRate: APR', () => {
  it('annualises an 8-hour rate paid hourly without the factor-8 error', () => {
    const a = annualizedFundingRate('0.0001', hourlyOf8h);
    // per interval 0.0001 · 1/8 = 0.0000125; 8 760 hours a year; APR 0.0000125 · 8 760 = 0.1095
    expect(a.perInterval.toString()).toBe('0.0000125');
    expect(a.intervalsPerYear.toString()).toBe('8760');
    expect(a.apr.toString()).toBe('0.1095');
  });

  it('gives the same APR for the same 8-hour rate paid every 8 hours', () => {
    const a = annualizedFundingRate('0.0001', eightHourly);
    // 0.0001 · 1 095 = 0.1095
    expect(a.perInterval.toString()).toBe('0.0001');
    expect(a.intervalsPerYear.toString()).toBe('1095');
    expect(a.apr.toString()).toBe('0.1095');
  });

  it('counts a 4-hour market’s six payments a day (no factor-2 error)', () => {
    const a = annualizedFundingRate('0.0001', fourHourly);
    // 0.0001 per 4 h · 2 190 = 0.219, twice the 8-hour figure
    expect(a.intervalsPerYear.toString()).toBe('2190');
    expect(a.apr.toString()).toBe('0.219');
  });

  it('is negative when shorts pay', () => {
    // −0.0000125 · 8 760 = −0.1095
    expect(annualizedFundingRate('-0.0001', hourlyOf8h).apr.toString()).toBe('-0.1095');
  });

  it('is exact when the year is not a whole number of intervals (7-hour interval)', () => {
    expect(annualizedFundingRate('0.0007', schedule(7 * HOUR)).apr.toString()).toBe('0.876');
  });
});

describe('annualizedFundingRate: APY from the real interval', () => {
  it('compounds per interval: half-year and quarter-year intervals by hand', () => {
    // two payments of 10 %: 1.1² − 1 = 0.21
    expect(annualizedFundingRate('0.1', schedule(YEAR / 2)).apy.toString()).toBe('0.21');
    // four payments of 10 %: 1.1⁴ − 1 = 1.4641 − 1 = 0.4641
    expect(annualizedFundingRate('0.1', schedule(YEAR / 4)).apy.toString()).toBe('0.4641');
    // one payment a year: APY = APR = 0.1
    const yearly = annualizedFundingRate('0.1', schedule(YEAR));
    expect(yearly.apy.toString()).toBe('0.1');
    expect(yearly.apr.toString()).toBe('0.1');
  });

  it('compounds 1 095 times a year for an 8-hourly 0.01 %', () => {
    // 1.0001^1095 − 1 = Σ C(1095, k)·10^(−4k): 0.1095 + 0.00598965 + 0.000218222915 + 0.0000059574855795 + … ≈ 0.1157140
    const apy = annualizedFundingRate('0.0001', eightHourly).apy;
    expect(apy.toFixed(7)).toBe('0.1157140');
    expect(apy.greaterThan('0.1157139') && apy.lessThan('0.1157141')).toBe(true);
  });

  it('compounds hourly payments more than 8-hourly ones, both above the APR', () => {
    const hourly = annualizedFundingRate('0.0001', hourlyOf8h).apy;
    const eight = annualizedFundingRate('0.0001', eightHourly).apy;
    // 1.0000125^8760 − 1 ≈ 0.1157193 > 1.0001^1095 − 1 ≈ 0.1157140 > 0.1095
    expect(hourly.toFixed(7)).toBe('0.1157193');
    expect(hourly.greaterThan(eight)).toBe(true);
    expect(eight.greaterThan('0.1095')).toBe(true);
  });

  it('for a negative rate the APY is a smaller loss than the APR', () => {
    // two payments of −10 %: 0.9² − 1 = −0.19 > APR −0.2
    const a = annualizedFundingRate('-0.1', schedule(YEAR / 2));
    expect(a.apy.toString()).toBe('-0.19');
    expect(a.apr.toString()).toBe('-0.2');
  });

  it('rejects a malformed rate', () => {
    try {
      annualizedFundingRate('1/3', eightHourly);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).path).toEqual(['rate']);
    }
  });
});
