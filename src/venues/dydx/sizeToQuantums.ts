import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { exponentArg, toMultiple, wholeArg } from './quantums.js';

/**
 * dYdX v4 order size in base quantums from a size in coins, as the official client builds orders:
 * `max(floor(size · 10^(−AR) / step) · step, step)` — rounded down to the step, and never below one step (the
 * minimum order size), so a size under one step becomes one step. Computed exactly in decimal.
 * Source: dydxprotocol/v4-clients `v4-client-js/src/clients/helpers/chain-helpers.ts` (`calculateQuantums`).
 *
 * @param size - order size in coins (≥ 0).
 * @param atomicResolution - the perpetual's atomic resolution.
 * @param stepBaseQuantums - the CLOB pair's `step_base_quantums` (> 0).
 * @throws {@link InvalidArgumentError} for a negative size or a malformed parameter.
 * @example
 * ```ts
 * import { dydxSizeToQuantums } from 'marginkit';
 * // 0.0003 BTC at AR −10 with a 1 000 000 step: 3 000 000 bq
 * dydxSizeToQuantums('0.0003', -10, 1_000_000).toString(); // => '3000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxSizeToQuantums(
  size: DecimalInput,
  atomicResolution: number,
  stepBaseQuantums: DecimalInput,
): Decimal {
  const coins = decimalArg(size, 'size');
  if (coins.isNegative() && !coins.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≥ 0, got ${coins.toString()}`, ['size']);
  }
  const step = wholeArg(stepBaseQuantums, ['stepBaseQuantums'], 1);
  const raw = coins.times(new Decimal(10).pow(-exponentArg(atomicResolution, ['atomicResolution'])));
  // floor(x / step) = floor(floor(x) / step) for a whole step
  const quantums = toMultiple(raw.floor(), step, false);
  return quantums.lessThan(step) ? step : quantums;
}
