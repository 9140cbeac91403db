import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import type { Decimal } from '../internal/decimal.js';
import { nonNegativeAt, objectAt } from './scenarioArgs.js';

/** The risk and scenario of a scanning-risk result at `path`. */
export function scanAt(
  value: unknown,
  path: InputPath,
): { readonly risk: Decimal; readonly scenario: number } {
  const scan = objectAt(value, path);
  if (!Number.isSafeInteger(scan.scenario)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a scanning-risk result', path);
  }
  return { risk: nonNegativeAt(scan.risk, [...path, 'risk']), scenario: scan.scenario as number };
}
