import { type InputPath, MarginKitError } from './MarginKitError.js';

/**
 * Codes of {@link InvalidArgumentError}.
 * - `UNKNOWN_POSITION`: a position id that the account does not hold.
 * - `INVALID_ARGUMENT`: an option of a function call outside its domain (e.g. a negative volatility).
 * - `NO_FUNDING_SCHEDULE`: a funding computation on a market that has no funding schedule.
 * - `END_BEFORE_START`: a time range whose end is before its start.
 * - `NO_RATE`: a rate path asked for a rate before its first point.
 * - `OUT_OF_RANGE`: a number argument outside the documented magnitude limits (the same as for input fields).
 * - `EXPIRED`: a dated future asked for something only a live one has (an annualised basis at or after expiry).
 * @category Errors
 */
export type InvalidArgumentErrorCode =
  | 'UNKNOWN_POSITION'
  | 'INVALID_ARGUMENT'
  | 'NO_FUNDING_SCHEDULE'
  | 'END_BEFORE_START'
  | 'NO_RATE'
  | 'OUT_OF_RANGE'
  | 'EXPIRED';

/**
 * Thrown when a function is called with arguments outside its domain (as opposed to a malformed primitive,
 * which is a {@link ValidationError} at creation time).
 *
 * @example
 * ```ts
 * import { InvalidArgumentError } from 'marginkit';
 * new InvalidArgumentError('UNKNOWN_POSITION', "no position 'SOL-PERP'", ['positionId']).code; // => 'UNKNOWN_POSITION'
 * ```
 * @category Errors
 */
export class InvalidArgumentError extends MarginKitError {
  declare readonly code: InvalidArgumentErrorCode;

  constructor(code: InvalidArgumentErrorCode, message: string, path: InputPath = []) {
    super(code, message, { path });
    this.name = 'InvalidArgumentError';
  }
}
