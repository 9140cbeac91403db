import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from './decimal.js';
import { readDecimal } from './toDecimal.js';

/**
 * A function argument as a library Decimal: passed through when it already is one (no re-parsing on hot paths),
 * converted otherwise; a non-finite or malformed value throws {@link InvalidArgumentError} naming the argument.
 */
export function decimalArg(value: DecimalInput, name: string): Decimal {
  if (value instanceof Decimal) {
    if (value.isFinite()) return value;
  } else {
    const read = readDecimal(value);
    if (read.ok) return read.value;
  }
  throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be a finite decimal number`, [name]);
}
