import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkObject, checkTime } from '../internal/argumentShape.js';
import type { DecimalInput } from '../internal/decimal.js';
import { Decimal } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { YEAR_MS } from '../internal/time.js';

/** Longest time to expiry the futures functions accept, in years (as for options). */
export const MAX_FUTURE_YEARS = 100;

/** Checks `input` is an object with whole-millisecond `nowMs` and `expiry`; returns expiry − now in ms (may be ≤ 0). */
export function remainingMs(input: unknown): number {
  checkObject(input, 'input');
  const { nowMs, expiry } = input as { nowMs: unknown; expiry: unknown };
  checkTime(nowMs, 'input.nowMs');
  checkTime(expiry, 'input.expiry');
  const remaining = (expiry as number) - (nowMs as number);
  if (remaining > MAX_FUTURE_YEARS * YEAR_MS) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `the future expires more than ${MAX_FUTURE_YEARS} years after nowMs`,
      ['input', 'nowMs'],
    );
  }
  return remaining;
}

/** A price field of `input` that must be > 0. */
export function priceField(value: DecimalInput, field: string): Decimal {
  const d = decimalArg(value, `input.${field}`, ['input', field]);
  if (!d.isPositive() || d.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${field} must be > 0, got ${d.toString()}`, [
      'input',
      field,
    ]);
  }
  return d;
}

/** Milliseconds as years of 365 days. */
export function years(ms: number): Decimal {
  return new Decimal(ms).div(YEAR_MS);
}
