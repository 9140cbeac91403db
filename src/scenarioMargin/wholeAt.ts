import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';

/** A whole number in `min … max` at `path`, or `fallback` when absent. */
export function wholeAt(value: unknown, path: InputPath, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be a whole number in ${min} … ${max}`, path);
  }
  return value as number;
}
