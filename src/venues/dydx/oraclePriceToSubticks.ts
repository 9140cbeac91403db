import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { exponentArg, wholeArg } from './quantums.js';

/**
 * dYdX v4 oracle price in subticks, exact (it may have a fractional part):
 * `subticks = price · 10^(exponent − qce + AR + 6)`; conversely USD per coin = `subticks · 10^(qce − AR − 6)`.
 * The chain compares liquidation limits and premium-vote impact prices with this value.
 * Source: dydxprotocol/v4-chain `protocol/x/clob/types/price_to_subticks.go` (`PriceToSubticks`).
 *
 * @param price - the oracle price integer (> 0).
 * @param exponent - the oracle price exponent.
 * @param atomicResolution - the perpetual's atomic resolution.
 * @param quantumConversionExponent - the CLOB pair's `quantum_conversion_exponent`.
 * @throws {@link InvalidArgumentError} for a fractional or non-positive price or a malformed exponent.
 * @example
 * ```ts
 * import { dydxOraclePriceToSubticks } from 'marginkit';
 * // BTC $50,000 (5e9 · 10^−5) at AR −10, qce −9: 5 000 000 000 subticks
 * dydxOraclePriceToSubticks(5_000_000_000, -5, -10, -9).toString(); // => '5000000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxOraclePriceToSubticks(
  price: DecimalInput,
  exponent: number,
  atomicResolution: number,
  quantumConversionExponent: number,
): Decimal {
  const power =
    exponentArg(exponent, ['exponent']) -
    exponentArg(quantumConversionExponent, ['quantumConversionExponent']) +
    exponentArg(atomicResolution, ['atomicResolution']) +
    6;
  return wholeArg(price, ['price'], 1).times(new Decimal(10).pow(power));
}
