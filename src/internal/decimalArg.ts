import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import { Decimal, type DecimalInput } from './decimal.js';
import { readDecimal } from './toDecimal.js';

/**
 * A function argument as a library Decimal: passed through when it already is one (no re-parsing on hot paths),
 * converted otherwise; a non-finite or malformed value throws {@link InvalidArgumentError} naming the argument.
 */
export function decimalArg(value: DecimalInput, name: string, path: InputPath = [name]): Decimal {
  if (value instanceof Decimal) {
    if (value.isFinite()) return value;
  } else {
    const read = readDecimal(value);
    if (read.ok) return read.value;
  }
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
