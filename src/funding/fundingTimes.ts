import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkFundingSchedule } from '../internal/argumentShape.js';
import type { FundingSchedule } from './FundingSchedule.js';

const MAX_FUNDING_TIMES = 50_000;

/** Checks a time range in whole milliseconds. */
export function checkRange(fromMs: number, toMs: number): void {
  for (const [name, value] of [
    ['fromMs', fromMs],
    ['toMs', toMs],
  ] as const) {
    if (!Number.isSafeInteger(value)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be a whole number of milliseconds`, [
        name,
      ]);
    }
  }
  if (toMs < fromMs) {
    throw new InvalidArgumentError(
      'END_BEFORE_START',
      `the range ends (${toMs}) before it starts (${fromMs})`,
      ['toMs'],
    );
  }
}

/**
 * The settlement times of a schedule in the half-open range `(fromMs, toMs]`: every
 * `anchorMs + k · intervalMs` after `fromMs` and no later than `toMs`. A position held over that range pays at
 * each of them (Binance, Bybit and Hyperliquid charge only positions open at the funding time).
 *
 * @param schedule - the funding schedule.
 * @param fromMs - start, exclusive (ms since the epoch).
 * @param toMs - end, inclusive.
 * @throws {@link InvalidArgumentError} `END_BEFORE_START` when `toMs < fromMs`.
 * @example
 * ```ts
 * import { createFundingSchedule, fundingTimes } from 'marginkit';
 * const eightHourly = createFundingSchedule({ intervalMs: 28_800_000, paymentPrice: 'mark',
 *   rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.0075' } });
 * fundingTimes(eightHourly, 0, 86_400_000); // => [28800000, 57600000, 86400000]
 * ```
 * @category Funding
 */
export function fundingTimes(schedule: FundingSchedule, fromMs: number, toMs: number): number[] {
  checkFundingSchedule(schedule);
  checkRange(fromMs, toMs);
  const { intervalMs, anchorMs } = schedule;
  const first = anchorMs + (Math.floor((fromMs - anchorMs) / intervalMs) + 1) * intervalMs;
  // Cost guard: a range is walked time by time, so its length is bounded (50 000 hourly times ≈ 5.7 years).
  if ((toMs - first) / intervalMs >= MAX_FUNDING_TIMES) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `the range spans more than ${MAX_FUNDING_TIMES} funding times`,
      ['toMs'],
    );
  }
  const times: number[] = [];
  for (let t = first; t <= toMs; t += intervalMs) {
    times.push(t);
  }
  return times;
}
