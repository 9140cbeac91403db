import { checkObject } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import type { DydxLiquidityTier } from './DydxPerpetual.js';
import { euclidDiv, imul, wholeArg } from './quantums.js';
import { resolveTier } from './resolvePerpetual.js';

/**
 * dYdX v4 open-interest-scaled initial margin fraction (OIMF) of a liquidity tier, in whole ppm:
 *
 * - `IMF` when the upper cap is 0 (scaling off) or `OI ≤ lower`;
 * - `1 000 000` (100 %) when `OI ≥ upper`;
 * - otherwise `IMF + floor((1 000 000 − IMF) · (OI − lower) / (upper − lower))` — floored to the ppm.
 *
 * `OI` is the perpetual's open interest converted to quote quantums at the oracle price (see
 * {@link dydxBaseToQuoteQuantums}); caps are in quote quantums too. Maintenance never scales.
 * Source: dydxprotocol/v4-chain `protocol/x/perpetuals/types/liquidity_tier.go` (`GetAdjustedInitialMarginPpm`).
 *
 * @param tier - the liquidity tier (IMF ppm and OI caps in quote quantums).
 * @param openInterestNotional - open-interest notional in quote quantums (≥ 0).
 * @throws {@link InvalidArgumentError} for a fractional or out-of-range parameter.
 * @example
 * ```ts
 * import { dydxAdjustedInitialMarginPpm } from 'marginkit';
 * // IMF 20 %, caps 1 000 000 … 2 000 000 qq, OI 1 234 567 qq: 38.76536 % floored to 387 653 ppm
 * dydxAdjustedInitialMarginPpm(
 *   { initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000, openInterestLowerCap: 1_000_000, openInterestUpperCap: 2_000_000 },
 *   1_234_567,
 * ).toString(); // => '387653'
 * ```
 * @category Venue: dYdX
 */
export function dydxAdjustedInitialMarginPpm(
  tier: DydxLiquidityTier,
  openInterestNotional: DecimalInput,
): Decimal {
  checkObject(tier, 'tier');
  const { imf, lowerCap, upperCap } = resolveTier(tier, ['tier']);
  const oi = wholeArg(openInterestNotional, ['openInterestNotional'], 0);
  return adjustedImfPpm(imf, lowerCap, upperCap, oi);
}

/** The same on checked values. */
export function adjustedImfPpm(imf: Decimal, lowerCap: Decimal, upperCap: Decimal, oi: Decimal): Decimal {
  if (upperCap.isZero() || oi.lessThanOrEqualTo(lowerCap)) return imf;
  const million = new Decimal(1_000_000);
  if (oi.greaterThanOrEqualTo(upperCap)) return million;
  return imf.plus(euclidDiv(imul(million.minus(imf), oi.minus(lowerCap)), upperCap.minus(lowerCap)));
}
