import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DydxClobPair } from './DydxPerpetual.js';
import { big, dec, mul, pow10, rat, round } from './fraction.js';
import { exponentArg, wholeArg } from './quantums.js';

const MAX_UINT64 = 18_446_744_073_709_551_615n;

/**
 * dYdX v4 limit price of a liquidation order, in subticks, from a fillable price in quote quantums per base
 * quantum ({@link dydxFillablePrice}): `FP · 10^(−qce)` rounded up when liquidating a long (the order sells, so
 * it may not sell cheaper) and down when liquidating a short (it buys), then moved to a multiple of
 * `subticksPerTick` in the same direction and clamped to `[subticksPerTick, 2^64 − 1 rounded down to a tick]`.
 * Source: dydxprotocol/v4-chain `protocol/x/clob/keeper/liquidations.go` (`ConvertFillablePriceToSubticks`).
 *
 * @param fillablePrice - quote quantums per base quantum, as a fraction (≥ 0).
 * @param isLiquidatingLong - true when the position is long (the liquidation order sells).
 * @param clobPair - `quantumConversionExponent` and `subticksPerTick` of the perpetual's CLOB pair.
 * @throws {@link InvalidArgumentError} for a negative price, a zero denominator or a malformed CLOB pair.
 * @example
 * ```ts
 * import { dydxFillablePriceSubticks } from 'marginkit';
 * const clobPair = { quantumConversionExponent: -8, subticksPerTick: 100_000 };
 * // 4 999 999 999/10 000 000 qq per bq is 49 999 999 990 subticks at qce −8 ($49,999.99999)
 * dydxFillablePriceSubticks({ numerator: 4_999_999_999, denominator: 10_000_000 }, true, clobPair).toString(); // => '50000000000'
 * dydxFillablePriceSubticks({ numerator: 4_999_999_999, denominator: 10_000_000 }, false, clobPair).toString(); // => '49999900000'
 * ```
 * @category Venue: dYdX
 */
export function dydxFillablePriceSubticks(
  fillablePrice: { readonly numerator: DecimalInput; readonly denominator: DecimalInput },
  isLiquidatingLong: boolean,
  clobPair: Pick<DydxClobPair, 'quantumConversionExponent' | 'subticksPerTick'>,
): Decimal {
  checkObject(fillablePrice, 'fillablePrice');
  checkObject(clobPair, 'clobPair');
  const n = big(wholeArg(fillablePrice.numerator, ['fillablePrice', 'numerator'], 0));
  const d = big(wholeArg(fillablePrice.denominator, ['fillablePrice', 'denominator'], 1));
  const qce = exponentArg(clobPair.quantumConversionExponent, ['clobPair', 'quantumConversionExponent']);
  const tick = big(wholeArg(clobPair.subticksPerTick, ['clobPair', 'subticksPerTick'], 1));
  if (typeof isLiquidatingLong !== 'boolean') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a boolean', ['isLiquidatingLong']);
  }
  const subticks = round(mul(rat(n, d), pow10(-qce)), isLiquidatingLong);
  const q = subticks / tick;
  const aligned = (isLiquidatingLong && subticks % tick !== 0n ? q + 1n : q) * tick;
  const max = MAX_UINT64 - (MAX_UINT64 % tick);
  return dec(aligned < tick ? tick : aligned > max ? max : aligned);
}
