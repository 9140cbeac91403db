import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import { Decimal, type DecimalInput } from './decimal.js';
import { MAX_EXPONENT, MIN_EXPONENT } from './decimalLimits.js';
import { readDecimal } from './toDecimal.js';

/**
 * A function argument as a library Decimal: passed through when it already is one (no re-parsing on hot paths),
 * converted otherwise; a non-finite or malformed value throws {@link InvalidArgumentError} naming the argument.
 */
export function decimalArg(value: DecimalInput, name: string, path: InputPath = [name]): Decimal {
  // A library Decimal passes with a cheap exponent test (no re-parsing on hot paths); anything else is read in full.
  if (value instanceof Decimal && value.isFinite() && value.constructor === Decimal) {
    if (value.isZero() || (value.e <= MAX_EXPONENT && value.e >= MIN_EXPONENT)) return value;
    throw new InvalidArgumentError('OUT_OF_RANGE', `${name} is outside 1e-40 … 1e40 in magnitude`, path);
  }
  const read = readDecimal(value);
  if (read.ok) return read.value;
  if (read.code === 'OUT_OF_RANGE') throw new InvalidArgumentError('OUT_OF_RANGE', read.message, path);
  throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be a finite decimal number`, path);
}

/** {@link decimalArg} that must also be > 0 (a price). */
export function positiveArg(value: DecimalInput, name: string): Decimal {
  const d = decimalArg(value, name);
  if (!d.isPositive() || d.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be > 0, got ${d.toString()}`, [name]);
  }
  return d;
}
