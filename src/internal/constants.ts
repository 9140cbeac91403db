import { Decimal } from './decimal.js';

// Shared immutable constants, made on first use (no work at import). Decimal values are immutable through their
// API, so one instance serves every result that needs a 0 or a 1.
let zero: Decimal | undefined;
let one: Decimal | undefined;

/** The library's 0. */
export function ZERO(): Decimal {
  if (zero === undefined) zero = new Decimal(0);
  return zero;
}

/** The library's 1. */
export function ONE(): Decimal {
  if (one === undefined) one = new Decimal(1);
  return one;
}
