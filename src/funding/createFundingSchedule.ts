import { deepFreeze } from '../internal/freeze.js';
import { fundingScheduleSchema } from '../schemas/funding.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { FundingSchedule, FundingScheduleInput } from './FundingSchedule.js';

/**
 * Validates a funding schedule and returns a frozen {@link FundingSchedule}.
 *
 * Rules: `intervalMs` and `ratePeriodMs` are positive whole milliseconds; a cap is not below its floor; a rate
 * path is non-empty and strictly increasing in time.
 *
 * @param input - the schedule; `ratePeriodMs` defaults to `intervalMs` and `anchorMs` to 0.
 * @throws {@link ValidationError} e.g. `NOT_POSITIVE` at `['intervalMs']`, `INVALID_RANGE` at `['rate', 'cap']`.
 * @example
 * ```ts
 * import { createFundingSchedule } from 'marginkit';
 * // Hyperliquid: an 8-hour rate paid every hour on the oracle price, capped at 4 %/h (32 % per 8 h).
 * const hl = createFundingSchedule({
 *   intervalMs: 3_600_000, ratePeriodMs: 28_800_000, paymentPrice: 'oracle',
 *   rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.32' },
 * });
 * hl.rate.type; // => 'premium-interest'
 * ```
 * @category Funding
 */
export function createFundingSchedule(input: FundingScheduleInput | FundingSchedule): FundingSchedule {
  return deepFreeze(parseOrThrow(fundingScheduleSchema(), input) as FundingSchedule);
}
