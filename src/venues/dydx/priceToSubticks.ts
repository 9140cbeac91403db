import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { positiveArg } from '../../internal/decimalArg.js';
import { exponentArg, toMultiple, wholeArg } from './quantums.js';

/**
 * dYdX v4 order price in subticks from a price in USD per coin, as the official client builds orders:
 * `max(floor(price · 10^(AR − qce + 6) / subticksPerTick) · subticksPerTick, subticksPerTick)` — rounded down to
 * the tick, never below one tick. Computed exactly in decimal.
 * Source: dydxprotocol/v4-clients `v4-client-js/src/clients/helpers/chain-helpers.ts` (`calculateSubticks`).
 *
 * @param price - price in USD per coin (> 0).
 * @param atomicResolution - the perpetual's atomic resolution.
 * @param quantumConversionExponent - the CLOB pair's `quantum_conversion_exponent`.
 * @param subticksPerTick - the CLOB pair's `subticks_per_tick` (> 0).
 * @throws {@link InvalidArgumentError} for a non-positive price or a malformed parameter.
 * @example
 * ```ts
 * import { dydxPriceToSubticks } from 'marginkit';
 * // $8.45 at AR −7, qce −9, 1 000 000 subticks per tick: 845 000 000 subticks
 * dydxPriceToSubticks('8.45', -7, -9, 1_000_000).toString(); // => '845000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxPriceToSubticks(
  price: DecimalInput,
  atomicResolution: number,
  quantumConversionExponent: number,
  subticksPerTick: DecimalInput,
): Decimal {
  const p = positiveArg(price, 'price');
  const tick = wholeArg(subticksPerTick, ['subticksPerTick'], 1);
  const power =
    exponentArg(atomicResolution, ['atomicResolution']) -
    exponentArg(quantumConversionExponent, ['quantumConversionExponent']) +
    6;
  // floor(x / tick) = floor(floor(x) / tick) for a whole tick
  const subticks = toMultiple(p.times(new Decimal(10).pow(power)).floor(), tick, false);
  return subticks.lessThan(tick) ? tick : subticks;
}
