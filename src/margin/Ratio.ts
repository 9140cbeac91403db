import type { Decimal } from '../internal/decimal.js';

/**
 * A ratio whose denominator is equity. When equity is ≤ 0 while the numerator is positive the ratio is
 * `infinite` (the account is at or past bankruptcy) — a value, never `NaN`, `Infinity` or a negative number.
 * @category Margin
 */
export type Ratio = { readonly kind: 'finite'; readonly value: Decimal } | { readonly kind: 'infinite' };
