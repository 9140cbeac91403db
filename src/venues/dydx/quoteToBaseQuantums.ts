import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { exponentArg, plain, quo, wholeArg } from './quantums.js';

/**
 * dYdX v4 `QuoteToBaseQuantums`: base quantums worth `quoteQuantums` at the oracle price `price · 10^exponent`:
 * `bq = qq / (price · 10^(exponent + atomicResolution + 6))`, truncated toward zero (the magnitude is floored and
 * the sign put back). The inverse of {@link dydxBaseToQuoteQuantums}, up to rounding.
 * Source: dydxprotocol/v4-chain `protocol/lib/quantums.go` (`QuoteToBaseQuantums`).
 *
 * @param quoteQuantums - signed amount in quote quantums.
 * @param atomicResolution - the perpetual's atomic resolution.
 * @param price - the oracle price integer (> 0).
 * @param exponent - the oracle price exponent.
 * @throws {@link InvalidArgumentError} for a fractional amount or a non-positive price.
 * @example
 * ```ts
 * import { dydxQuoteToBaseQuantums } from 'marginkit';
 * // 2 500 USDC of BTC at $50,000 (AR −8): 0.05 BTC = 5 000 000 bq
 * dydxQuoteToBaseQuantums(2_500_000_000, -8, 5_000_000_000, -5).toString(); // => '5000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxQuoteToBaseQuantums(
  quoteQuantums: DecimalInput,
  atomicResolution: number,
  price: DecimalInput,
  exponent: number,
): Decimal {
  const qq = wholeArg(quoteQuantums, ['quoteQuantums']);
  const p = wholeArg(price, ['price'], 1);
  const power = exponentArg(exponent, ['exponent']) + exponentArg(atomicResolution, ['atomicResolution']) + 6;
  const ten = new Decimal(10);
  const magnitude =
    power >= 0 ? quo(qq.abs(), p.times(ten.pow(power))) : quo(qq.abs().times(ten.pow(-power)), p);
  return plain(qq.isNegative() ? magnitude.negated() : magnitude);
}
