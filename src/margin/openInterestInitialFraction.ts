import { checkDecimals } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { OpenInterestMarginSchedule } from '../market/MarginSchedule.js';

/**
 * The initial margin fraction of an open-interest-scaled schedule (dYdX v4 OIMF) at a given open-interest
 * notional, exact (no ppm flooring; the dYdX venue model applies the chain's rounding):
 *
 * `IMF_eff = IMF` if `upper = 0` or `OI ≤ lower`; `1` if `OI ≥ upper`;
 * otherwise `IMF + (1 − IMF) · (OI − lower) / (upper − lower)`.
 *
 * Source: dYdX v4-chain `protocol/x/perpetuals/types/liquidity_tier.go` (`GetAdjustedInitialMarginPpm`).
 *
 * @param schedule - the open-interest schedule.
 * @param openInterestNotional - open interest × price, in the settlement asset.
 * @example
 * ```ts
 * import { createMarket, openInterestInitialFraction } from 'marginkit';
 * const m = createMarket({ id: 'X', kind: 'linear', baseAsset: 'X', quoteAsset: 'USDC', marginSchedule: { type: 'open-interest',
 *   initialFraction: '0.2', maintenanceFraction: '0.1', openInterestLowerCap: 1_000_000, openInterestUpperCap: 2_000_000 } });
 * if (m.marginSchedule.type === 'open-interest') openInterestInitialFraction(m.marginSchedule, 1_500_000).toString(); // => '0.6'
 * ```
 * @category Margin
 */
export function openInterestInitialFraction(
  schedule: OpenInterestMarginSchedule,
  openInterestNotional: DecimalInput,
): Decimal {
  checkDecimals(schedule, 'schedule', ['initialFraction', 'openInterestLowerCap', 'openInterestUpperCap']);
  const oi = decimalArg(openInterestNotional, 'openInterestNotional');
  const { initialFraction: imf, openInterestLowerCap: lower, openInterestUpperCap: upper } = schedule;
  if (upper.isZero() || oi.lessThanOrEqualTo(lower)) return imf;
  if (oi.greaterThanOrEqualTo(upper)) return new Decimal(1);
  return imf.plus(new Decimal(1).minus(imf).times(oi.minus(lower)).div(upper.minus(lower)));
}
