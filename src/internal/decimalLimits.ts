/**
 * Magnitude limits of every decimal input (documented in docs/concepts/errors.md).
 *
 * A value is accepted when it is 0, or when 10^MIN_EXPONENT ≤ |value| < 10^(MAX_EXPONENT + 1), with at most
 * MAX_SIGNIFICANT_DIGITS significant digits and (as text) at most MAX_TEXT_LENGTH characters. Products and quotients
 * of a handful of such values stay far inside both decimal.js's exponent range and a float64's (≈ 1e±308), so no
 * intermediate overflows to Infinity or underflows to 0, and the length bound keeps parsing and arithmetic cheap.
 */
export const MAX_EXPONENT = 39;
/** Smallest decimal exponent of a non-zero input (1e-40). */
export const MIN_EXPONENT = -40;
/** Most significant digits an input may carry (results are rounded to 40). */
export const MAX_SIGNIFICANT_DIGITS = 50;
/** Longest decimal text accepted, checked before any pattern runs. */
export const MAX_TEXT_LENGTH = 100;
