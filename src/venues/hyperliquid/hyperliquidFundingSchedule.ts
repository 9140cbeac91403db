import { createFundingSchedule } from '../../funding/createFundingSchedule.js';
import type { FundingSchedule } from '../../funding/FundingSchedule.js';

/**
 * Hyperliquid's funding schedule (the same for every asset of the first perp dex):
 *
 * - the rate is an 8-hour rate `F = P + clamp(0.0001 − P, −0.0005, +0.0005)` (interest 0.01 % per 8 h, premium
 *   `P` averaged over the hour);
 * - it is paid every hour at one eighth: `payment = size · oraclePrice · F / 8` (positive: longs pay);
 * - the hourly rate is capped at 4 %, i.e. `F` at ±0.32 per 8 hours;
 * - payments use the oracle price, not the mark price; they fall on the hour (anchor 0).
 *
 * Units: rates are fractions per 8 hours; times in milliseconds.
 * Source: Hyperliquid docs "Funding" ("The funding rate formula applies to 8 hour funding rate. However, funding is
 * paid every hour at one eighth of the computed rate for each hour"; "capped at 4%/hour"; "the spot oracle price is
 * used to convert the position size to notional value").
 *
 * @returns a frozen {@link FundingSchedule} (a new object per call; no module-scope state).
 * @example
 * ```ts
 * import { hyperliquidFundingSchedule } from 'marginkit';
 * const hl = hyperliquidFundingSchedule();
 * hl.intervalMs; // => 3600000
 * hl.ratePeriodMs; // => 28800000
 * hl.paymentPrice; // => 'oracle'
 * if (hl.rate.type === 'premium-interest') hl.rate.cap.toString(); // => '0.32'
 * ```
 * @category Venue: Hyperliquid
 */
export function hyperliquidFundingSchedule(): FundingSchedule {
  return createFundingSchedule({
    intervalMs: 3_600_000,
    ratePeriodMs: 28_800_000,
    anchorMs: 0,
    paymentPrice: 'oracle',
    rate: {
      type: 'premium-interest',
      interestRate: '0.0001',
      clampBand: '0.0005',
      cap: '0.32',
      floor: '-0.32',
    },
  });
}
