import type { Decimal } from '../../internal/decimal.js';

/**
 * An exact rational number as the dYdX v4 chain keeps it (Go `big.Rat`): `numerator / denominator`, in lowest
 * terms with a positive denominator. Both parts are integer Decimals of any size (they are built from their full
 * digit strings, never rounded). Used for the liquidation fillable price (quote quantums per base quantum) and
 * the impact price of a premium vote (subticks).
 * @category Venue: dYdX
 */
export interface DydxFraction {
  /** Signed integer numerator. */
  readonly numerator: Decimal;
  /** Positive integer denominator. */
  readonly denominator: Decimal;
}
