import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { euclidDiv, integerArg } from './quantums.js';

/**
 * dYdX v4 bound on the 8-hour funding rate of a liquidity tier, in ppm:
 * `MM_ppm = floor(IMF_ppm · MF_ppm / 1e6)`, `bound = floor(clampFactor_ppm · (IMF_ppm − MM_ppm) / 1e6)`.
 * The rate is clamped to ±bound (mainnet clamp factor 6 000 000, i.e. 600 %). The premium-vote clamp is the same
 * with `premium_vote_clamp_factor_ppm`. Source: dydxprotocol/v4-chain
 * `protocol/x/perpetuals/types/liquidity_tier.go` (`GetMaxAbsFundingClampPpm`).
 *
 * @param clampFactorPpm - the clamp factor in ppm.
 * @param initialMarginPpm - the tier's IMF in ppm.
 * @param maintenanceFractionPpm - the tier's maintenance fraction (of IMF) in ppm.
 * @example
 * ```ts
 * import { dydxFundingRateClampPpm } from 'marginkit';
 * dydxFundingRateClampPpm(6_000_000, 150_000, 800_000).toString(); // => '180000'
 * ```
 * @category Venue: dYdX
 */
export function dydxFundingRateClampPpm(
  clampFactorPpm: DecimalInput,
  initialMarginPpm: DecimalInput,
  maintenanceFractionPpm: DecimalInput,
): Decimal {
  const million = new Decimal(1_000_000);
  const imf = integerArg(initialMarginPpm, 'initialMarginPpm');
  const mm = euclidDiv(imf.times(integerArg(maintenanceFractionPpm, 'maintenanceFractionPpm')), million);
  return euclidDiv(integerArg(clampFactorPpm, 'clampFactorPpm').times(imf.minus(mm)), million);
}
