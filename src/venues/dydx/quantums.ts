import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';

/** `x / y` truncated toward zero (Go `big.Int.Quo`). */
export function quo(x: Decimal, y: Decimal): Decimal {
  return x.div(y).trunc();
}

/** `x / y` rounded toward −∞ for a positive `y` (Go `big.Int.Div`, Euclidean). */
export function euclidDiv(x: Decimal, y: Decimal): Decimal {
  return x.div(y).floor();
}

/** An integer argument (quantums, ppm, subticks), as a Decimal; rejects fractions. */
export function integerArg(value: DecimalInput, name: string): Decimal {
  const d = decimalArg(value, name);
  if (!d.isInteger()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be an integer, got ${d.toString()}`, [
      name,
    ]);
  }
  return d;
}

/**
 * dYdX v4 `BaseToQuoteQuantums`: quote quantums (1e-6 USDC) of `baseQuantums` at an oracle price
 * `price · 10^exponent` USD per coin, for a perpetual of atomic resolution `atomicResolution`:
 * `qq = bq · price · 10^(exponent + atomicResolution + 6)`, truncated toward zero when the power is negative
 * (so a short's negative notional rounds toward zero). Source: dydxprotocol/v4-chain `protocol/lib/quantums.go`.
 *
 * @param baseQuantums - signed size in base quantums (1 bq = 10^atomicResolution coins).
 * @param atomicResolution - the perpetual's atomic resolution (e.g. −10 for BTC).
 * @param price - the oracle price integer.
 * @param exponent - the oracle price exponent.
 * @example
 * ```ts
 * import { dydxBaseToQuoteQuantums } from 'marginkit';
 * // 0.1 BTC (1e7 bq at AR −8) at $50,000 (5e9 · 10^−5): 5 000 USDC = 5e9 qq
 * dydxBaseToQuoteQuantums(10_000_000, -8, 5_000_000_000, -5).toString(); // => '5000000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxBaseToQuoteQuantums(
  baseQuantums: DecimalInput,
  atomicResolution: number,
  price: DecimalInput,
  exponent: number,
): Decimal {
  const power = exponent + atomicResolution + 6;
  const product = integerArg(baseQuantums, 'baseQuantums').times(integerArg(price, 'price'));
  return power >= 0 ? product.times(new Decimal(10).pow(power)) : quo(product, new Decimal(10).pow(-power));
}
