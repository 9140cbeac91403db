import { Decimal } from './decimal.js';

/** `d`, with −0 turned into 0 (a negated or sign-carrying product of zero is still zero; outputs never show −0). */
export function positiveZero(d: Decimal): Decimal {
  return d.isZero() && d.isNegative() ? new Decimal(0) : d;
}
