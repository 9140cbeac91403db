import { Decimal } from '../../internal/decimal.js';

// |N|^(4/5) of Orderly's size terms. decimal.js computes a non-integer power as exp(y · ln x), rounded to the
// constructor's precision with an error of at most 1 ulp (its documentation: "almost always correctly rounded").
// The power is taken with 60 significant digits and rounded once to the library's 40, so the result is the correctly
// rounded 40-digit value unless the exact power lies within 1e-20 (relative) of a rounding tie.

let Wide: typeof Decimal | undefined;

/** `|n|^(4/5)` to 40 significant digits (0 for 0). */
export function notionalPower(n: Decimal): Decimal {
  if (n.isZero()) return new Decimal(0);
  Wide ??= Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
  return new Decimal(new Wide(n.abs().toString()).pow('0.8').toString()).toSignificantDigits(40);
}
