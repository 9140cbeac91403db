import { fundingRateFromPremium } from '../../funding/fundingRateFromPremium.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { hyperliquidFundingSchedule } from './hyperliquidFundingSchedule.js';

/**
 * A Hyperliquid funding rate: the 8-hour rate the formula gives and the hourly rate actually paid.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidFundingRate {
  /** `F = clamp(P + clamp(0.0001 − P, −0.0005, +0.0005), −0.32, +0.32)`, per 8 hours. */
  readonly eightHour: Decimal;
  /** `F / 8`, per hour (within ±4 %): the rate of one hourly payment, as the asset context's `funding` reports it. */
  readonly hourly: Decimal;
}

/**
 * The funding rate Hyperliquid forms from an hour's average premium index:
 *
 * `F₈ₕ = clamp(P + clamp(0.0001 − P, −0.0005, +0.0005), −0.32, +0.32)` and `F₁ₕ = F₈ₕ / 8`,
 *
 * so that inside the band (−0.0004 ≤ P ≤ 0.0006) the hourly rate is the interest alone, 0.0000125. Sign: a
 * positive rate makes longs pay shorts. The premium is `premiumIndex(impactBid, impactAsk, oracle)`.
 * Source: Hyperliquid docs "Funding" (formula, 1/8 per hour, 4 %/h cap); vectors HL-FUND-DOC-EX (8-hour figure of
 * the docs' example) and the observed hourly rule in the reference notes (§6.3).
 *
 * @param premium - the average premium index over the hour (a fraction).
 * @example
 * ```ts
 * import { hyperliquidFundingRate } from 'marginkit';
 * // Docs example: impact bid 10,100 against an oracle of 10,000, premium 1 %
 * const f = hyperliquidFundingRate('0.01');
 * f.eightHour.toString(); // => '0.0095'
 * f.hourly.toString(); // => '0.0011875'
 * hyperliquidFundingRate(0).hourly.toString(); // => '0.0000125'
 * ```
 * @category Venue: Hyperliquid
 */
export function hyperliquidFundingRate(premium: DecimalInput): HyperliquidFundingRate {
  const eightHour = fundingRateFromPremium(hyperliquidFundingSchedule().rate, premium);
  return { eightHour, hourly: eightHour.div(8) };
}
