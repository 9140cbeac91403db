import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { euclidDiv, exponentArg, imul, wholeArg } from './quantums.js';

/**
 * dYdX v4 quote quantums of a fill: `floor(subticks · baseQuantums · 10^qce)` (the price per base quantum is
 * `subticks · 10^qce` quote quantums). Source: dydxprotocol/v4-chain `protocol/x/clob/types/quantums.go`
 * (`FillAmountToQuoteQuantums`).
 *
 * @param subticks - the fill price in subticks (≥ 0).
 * @param baseQuantums - the fill size in base quantums (≥ 0).
 * @param quantumConversionExponent - the CLOB pair's `quantum_conversion_exponent`.
 * @throws {@link InvalidArgumentError} for a fractional or negative argument.
 * @example
 * ```ts
 * import { dydxFillAmountToQuoteQuantums } from 'marginkit';
 * // 0.1 BTC (1e7 bq) at 56 100 000 000 subticks (qce −8, $56,100): 5 610 USDC
 * dydxFillAmountToQuoteQuantums(56_100_000_000, 10_000_000, -8).toString(); // => '5610000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxFillAmountToQuoteQuantums(
  subticks: DecimalInput,
  baseQuantums: DecimalInput,
  quantumConversionExponent: number,
): Decimal {
  const qce = exponentArg(quantumConversionExponent, ['quantumConversionExponent']);
  const product = imul(wholeArg(subticks, ['subticks'], 0), wholeArg(baseQuantums, ['baseQuantums'], 0));
  return qce >= 0 ? product.times(new Decimal(10).pow(qce)) : euclidDiv(product, new Decimal(10).pow(-qce));
}
