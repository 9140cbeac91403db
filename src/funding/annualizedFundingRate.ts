import { checkFundingSchedule } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { YEAR_MS } from '../internal/time.js';
import type { FundingSchedule } from './FundingSchedule.js';

/**
 * A funding rate annualised from the schedule's real payment interval.
 * @category Funding
 */
export interface AnnualizedFundingRate {
  /** Rate paid per interval: `rate · intervalMs / ratePeriodMs`. */
  readonly perInterval: Decimal;
  /** Payments per 365-day year: `365 days / intervalMs`. */
  readonly intervalsPerYear: Decimal;
  /** Simple annual rate: `perInterval · intervalsPerYear`. */
  readonly apr: Decimal;
  /** Compounded annual rate: `(1 + perInterval)^intervalsPerYear − 1`. */
  readonly apy: Decimal;
}

/**
 * Annualises a funding rate (per the schedule's rate period) using the real payment interval, so an 8-hour rate
 * paid hourly and a 4-hour market are not mistaken for 8-hour payments: `APR = rate · (1 year / ratePeriod)`,
 * `APY = (1 + rate · interval/ratePeriod)^(1 year / interval) − 1`. Positive: longs pay.
 *
 * @param rate - rate per rate period.
 * @param schedule - the schedule (interval and rate period).
 * @example
 * ```ts
 * import { annualizedFundingRate, createFundingSchedule } from 'marginkit';
 * const hl = createFundingSchedule({ intervalMs: 3_600_000, ratePeriodMs: 28_800_000, paymentPrice: 'oracle',
 *   rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.32' } });
 * annualizedFundingRate('0.0001', hl).apr.toString(); // => '0.1095'  (0.01 % per 8 h: 10.95 % a year)
 * ```
 * @category Funding
 */
export function annualizedFundingRate(rate: DecimalInput, schedule: FundingSchedule): AnnualizedFundingRate {
  checkFundingSchedule(schedule);
  const r = decimalArg(rate, 'rate');
  const perInterval = r.times(schedule.intervalMs).div(schedule.ratePeriodMs);
  const intervalsPerYear = new D(YEAR_MS).div(schedule.intervalMs);
  return {
    perInterval,
    intervalsPerYear,
    apr: r.times(YEAR_MS).div(schedule.ratePeriodMs),
    apy: perInterval.plus(1).pow(intervalsPerYear).minus(1),
  };
}
