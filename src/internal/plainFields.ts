import { ZERO } from './constants.js';
import type { Decimal } from './decimal.js';
import { MAX_ID_LENGTH } from './idLimit.js';
import { readDecimal } from './toDecimal.js';

/**
 * Readers of the fast path of the factories: each returns the value when the field is well formed and `undefined`
 * otherwise, and the factory then falls back to its schema, which reports every issue with its path.
 */

/** Range rule of a numeric field. */
export type PlainRule = 'any' | 'positive' | 'nonNegative';

/** A library Decimal (zero always +0), or `undefined` when the value is not a number in range. */
export function plainDecimal(value: unknown, rule: PlainRule): Decimal | undefined {
  const read = readDecimal(value);
  if (!read.ok) return undefined;
  const d = read.value;
  if (d.isZero()) return rule === 'positive' ? undefined : ZERO();
  if (rule !== 'any' && d.isNegative()) return undefined;
  return d;
}

/** A non-blank id of at most {@link MAX_ID_LENGTH} characters, or `undefined`. */
export function plainId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && value.trim() !== ''
    ? value
    : undefined;
}

/** The object when it is a plain object whose own keys are all in `keys`, otherwise `undefined`. */
export function plainObject(input: unknown, keys: ReadonlySet<string>): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) {
    return undefined;
  }
  for (const key of Object.keys(input)) if (!keys.has(key)) return undefined;
  return input as Record<string, unknown>;
}
