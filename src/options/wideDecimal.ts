import { Decimal } from '../internal/decimal.js';

/** Significant digits of the working precision of option math: 20 guard digits above the library's 40. */
export const WIDE_PRECISION = 60;

let wide: typeof Decimal | undefined;
let rootTwoPi: Decimal | undefined;

/**
 * The decimal constructor option math works in (60 significant digits, round-half-even), made on first use so
 * importing the module does no work. Results are rounded back to the library's 40 digits by {@link narrow}.
 */
export function wideDecimal(): typeof Decimal {
  wide ??= Decimal.clone({ precision: WIDE_PRECISION });
  return wide;
}

/** √(2π) at the working precision (the normal density's constant). */
export function sqrtTwoPi(): Decimal {
  const W = wideDecimal();
  rootTwoPi ??= W.acos(-1).times(2).sqrt();
  return rootTwoPi;
}

/** A working-precision value as a library Decimal rounded to its 40 significant digits, never −0. */
export function narrow(value: Decimal): Decimal {
  const d = new Decimal(value).toSignificantDigits(Decimal.precision);
  return d.isZero() ? new Decimal(0) : d;
}
