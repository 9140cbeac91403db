import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { describeValue } from '../../internal/quoteInput.js';

// Integer helpers of the dYdX v4 venue model. Chain values are integers (quantums, ppm, subticks) held as library
// Decimals; every division says how it rounds, as the chain's Go code does. Products and divisions of integers go
// through native bigints, so they are exact at any size (a library Decimal keeps at most 40 significant digits
// per operation; a Decimal built from a digit string keeps them all). Shifts by powers of ten stay Decimal
// operations: they do not change the significant digits.

/** A zero result as a plain 0 (decimal.js keeps the sign of a zero: −0.4 truncated is −0). */
export function plain(x: Decimal): Decimal {
  return x.isZero() ? new Decimal(0) : x;
}

/** An integer Decimal as a bigint (a fraction here is a bug of the caller). */
export function toBig(x: Decimal): bigint {
  if (!x.isInteger())
    throw new InvalidArgumentError('INVALID_ARGUMENT', `expected an integer, got ${x.toString()}`);
  return BigInt(x.toFixed());
}

/** A bigint as a library Decimal, every digit kept. */
export function fromBig(x: bigint): Decimal {
  return new Decimal(x.toString());
}

/** Exact product of two integers. */
export function imul(x: Decimal, y: Decimal): Decimal {
  return fromBig(toBig(x) * toBig(y));
}

/** `x / y` truncated toward zero (Go `big.Int.Quo`), for integers. */
export function quo(x: Decimal, y: Decimal): Decimal {
  return fromBig(toBig(x) / toBig(y));
}

/** `x / y` rounded toward −∞, for integers and `y > 0` (Go `big.Int.Div`, Euclidean, as the chain always divides by a positive). */
export function euclidDiv(x: Decimal, y: Decimal): Decimal {
  const a = toBig(x);
  const b = toBig(y);
  const q = a / b;
  return fromBig(a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q);
}

/** `x / y` rounded toward +∞ (`lib.BigDivCeil`), for integers. */
export function ceilDiv(x: Decimal, y: Decimal): Decimal {
  const a = toBig(x);
  const b = toBig(y);
  const q = a / b;
  return fromBig(a % b !== 0n && a < 0n === b < 0n ? q + 1n : q);
}

/** `x · ppm / 1 000 000`, rounded up or down (`lib.BigMulPpm`; `lib.BigIntMulPpm` is the round-down case). */
export function mulPpm(x: Decimal, ppm: Decimal, roundUp: boolean): Decimal {
  const product = imul(x, ppm);
  const million = new Decimal(1_000_000);
  return roundUp ? ceilDiv(product, million) : euclidDiv(product, million);
}

/** `n` rounded down (or up) to a multiple of `step > 0` (`lib.BigIntRoundToMultiple`), for integers. */
export function toMultiple(n: Decimal, step: Decimal, roundUp: boolean): Decimal {
  return imul(roundUp ? ceilDiv(n, step) : euclidDiv(n, step), step);
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
 * An integer argument of the venue model with the library's typed error: {@link InvalidArgumentError}
 * `INVALID_ARGUMENT` naming the argument when the value is not a finite integer (or is negative when `min` is 0,
 * or not positive when `min` is 1).
 */
export function wholeArg(value: DecimalInput, path: InputPath, min?: 0 | 1): Decimal {
  const name = path.map(String).join('.');
  // The chain's integers (quantums products, fillable-price numerators) outgrow the 1e40 bound of other inputs: a
  // library Decimal that is an integer below 1e80 (as the model's own outputs are) is taken as it is.
  const d =
    value instanceof Decimal && value.constructor === Decimal && value.isInteger() && value.e <= 80
      ? value
      : decimalArg(value, name, path);
  if (!d.isInteger()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be an integer, got ${d.toString()}`, path);
  }
  if (min === 0 && d.isNegative() && !d.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≥ 0, got ${d.toString()}`, path);
  }
  if (min === 1 && (d.isNegative() || d.isZero())) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be > 0, got ${d.toString()}`, path);
  }
  return plain(d);
}

/** A small integer parameter (atomic resolution, exponents): a safe JavaScript integer. */
export function exponentArg(value: number, path: InputPath): number {
  // Venue exponents are small (−20 … 10); the bound keeps 10^e cheap and finite.
  if (!Number.isSafeInteger(value) || Math.abs(value) > 60) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `must be a whole number in −60 … 60, got ${describeValue(value)}`,
      path,
    );
  }
  return value;
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
  const power = exponentArg(exponent, ['exponent']) + exponentArg(atomicResolution, ['atomicResolution']) + 6;
  const product = imul(integerArg(baseQuantums, 'baseQuantums'), integerArg(price, 'price'));
  return power >= 0 ? product.times(new Decimal(10).pow(power)) : quo(product, new Decimal(10).pow(-power));
}
