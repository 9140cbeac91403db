import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';

// Argument readers of the scenario-margin functions: every number is read once, with the path of the field in the
// caller's input, so a bad leg or array entry is named where it sits.

/** A decimal at `path` (the error message carries the path, so the name stays generic and nothing is built per call). */
export function decimalAt(value: unknown, path: InputPath): Decimal {
  return decimalArg(value as DecimalInput, 'the value', path);
}

/** A decimal ≥ 0 at `path` (a scan range, a charge, a rate). */
export function nonNegativeAt(value: unknown, path: InputPath): Decimal {
  const d = decimalAt(value, path);
  if (d.isNegative() && !d.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≥ 0, got ${d.toString()}`, path);
  }
  return d;
}

/** A decimal > 0 at `path` (a price, a contract size, days to expiry). */
export function positiveAt(value: unknown, path: InputPath): Decimal {
  const d = decimalAt(value, path);
  if (!d.isPositive() || d.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be > 0, got ${d.toString()}`, path);
  }
  return d;
}

/** An object at `path` (not null, not an array). */
export function objectAt(value: unknown, path: InputPath): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be an object', path);
  }
  return value as Record<string, unknown>;
}

/** A dense array at `path`, of `length` entries when given. */
export function listAt(value: unknown, path: InputPath, length?: number): readonly unknown[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be an array', path);
  if (length !== undefined && value.length !== length) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `must hold ${length} entries (one per scenario), got ${value.length}`,
      path,
    );
  }
  for (let i = 0; i < value.length; i++) {
    if (!(i in value))
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'must not have holes', [...path, i]);
  }
  return value;
}

/** A non-empty dense array at `path`. */
export function nonEmptyListAt(value: unknown, path: InputPath): readonly unknown[] {
  const list = listAt(value, path);
  if (list.length === 0) throw new InvalidArgumentError('INVALID_ARGUMENT', 'must not be empty', path);
  return list;
}

/** A non-empty string at `path` (a tier or expiry name). */
export function textAt(value: unknown, path: InputPath): string {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a non-empty string', path);
  }
  return value;
}
