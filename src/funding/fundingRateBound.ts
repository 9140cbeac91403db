import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';

/**
 * A funding cap tied to a market's margin: `|F| ≤ factor · (IMF − MMF)`, so one period's funding can never
 * consume more than a fixed share of the gap between initial and maintenance margin.
 *
 * BitMEX: factor 0.75 (Perpetual Contracts Guide, "Funding": IM 1 %, MM 0.5 % → 0.375 %).
 * dYdX v4: factor 6 on the 8-hour rate (`funding_rate_clamp_factor_ppm` 6 000 000).
 *
 * @param initialFraction - IMF.
 * @param maintenanceFraction - MMF.
 * @param factor - the venue's multiple.
 * @example
 * ```ts
 * import { fundingRateBound } from 'marginkit';
 * fundingRateBound('0.01', '0.005', '0.75').toString(); // => '0.00375'
 * ```
 * @category Funding
 */
export function fundingRateBound(
  initialFraction: DecimalInput,
  maintenanceFraction: DecimalInput,
  factor: DecimalInput,
): Decimal {
  return decimalArg(factor, 'factor').times(
    decimalArg(initialFraction, 'initialFraction').minus(
      decimalArg(maintenanceFraction, 'maintenanceFraction'),
    ),
  );
}
