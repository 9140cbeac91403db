import { Decimal } from '../../internal/decimal.js';

/**
 * GMX's `Precision.applyExponentFactor`: a USD amount raised to an exponent factor, and 0 below one USD (the
 * contract's fixed-point `pow` is not used there). Exact for an exponent of 1 or 2 on inputs of up to 20 significant
 * digits; otherwise correctly rounded to the library's 40 significant digits (the contract's own `pow` works in 18
 * decimals, so it is the less precise of the two). Internal.
 */
export function gmxPower(valueUsd: Decimal, exponent: Decimal): Decimal {
  if (valueUsd.lessThan(1)) return new Decimal(0);
  if (exponent.equals(1)) return valueUsd;
  return valueUsd.pow(exponent);
}
