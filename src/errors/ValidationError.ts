import { type InputPath, MarginKitError } from './MarginKitError.js';

/**
 * Codes of {@link ValidationError}, one per way an input can be wrong.
 *
 * - `MISSING_FIELD`: a required field is absent.
 * - `INVALID_TYPE`: a field has the wrong type (e.g. an object where a number belongs).
 * - `NOT_A_NUMBER`: a string that is not a plain decimal number (`'abc'`, `'0x10'`, `'Infinity'`).
 * - `NOT_FINITE`: `NaN`, `Infinity` or `-Infinity`.
 * - `OUT_OF_RANGE`: a number outside the documented magnitude limits (|x| ≥ 1e40, 0 < |x| < 1e-40, more than
 *   50 significant digits or 100 characters of text).
 * - `NEGATIVE`: a quantity that must be ≥ 0 is below 0.
 * - `NOT_POSITIVE`: a quantity that must be > 0 is ≤ 0.
 * - `ABOVE_ONE`: a fraction that must be ≤ 1 is above 1.
 * - `OFF_STEP`: a size that is not a whole multiple of the market's step size.
 * - `MAINTENANCE_ABOVE_INITIAL`: a maintenance fraction above its initial fraction.
 * - `TIERS_NOT_ASCENDING`: tier floors not strictly increasing, or the first tier not starting at 0.
 * - `FRACTIONS_DECREASING`: a tier whose fraction is below the previous tier's.
 * - `UNKNOWN_MARKET`: a position (or price) refers to a market id the account does not know.
 * - `DUPLICATE_ID`: two markets, positions or collateral entries share an id.
 * - `ISOLATED_WITHOUT_MARGIN`: an isolated position with no `isolatedMargin`.
 * - `MARGIN_ON_CROSS`: a cross position that carries `isolatedMargin`.
 * - `SETTLEMENT_MISMATCH`: a market that settles in another asset than the account.
 * - `INVALID_OPTION`: a value outside an enumeration (e.g. `kind: 'spot'`).
 * - `UNKNOWN_FIELD`: a field the shape does not have (usually a typo).
 * - `INVALID_RANGE`: a cap below its floor, a lower bound above an upper bound.
 * - `NOT_IN_ORDER`: a time series whose timestamps do not strictly increase.
 * - `EMPTY`: a list that must hold at least one entry.
 * - `CROSSED_BOOK`: an order book whose best bid is at or above its best ask.
 * - `FUNDING_ON_FUTURE`: a dated future (a market with an `expiry`) that carries a funding schedule.
 * - `INVALID_FIELD`: any other rule of the shape.
 * @category Errors
 */
export type ValidationErrorCode =
  | 'MISSING_FIELD'
  | 'INVALID_TYPE'
  | 'NOT_A_NUMBER'
  | 'NOT_FINITE'
  | 'OUT_OF_RANGE'
  | 'NEGATIVE'
  | 'NOT_POSITIVE'
  | 'ABOVE_ONE'
  | 'OFF_STEP'
  | 'MAINTENANCE_ABOVE_INITIAL'
  | 'TIERS_NOT_ASCENDING'
  | 'FRACTIONS_DECREASING'
  | 'UNKNOWN_MARKET'
  | 'DUPLICATE_ID'
  | 'ISOLATED_WITHOUT_MARGIN'
  | 'MARGIN_ON_CROSS'
  | 'SETTLEMENT_MISMATCH'
  | 'INVALID_OPTION'
  | 'UNKNOWN_FIELD'
  | 'INVALID_RANGE'
  | 'NOT_IN_ORDER'
  | 'EMPTY'
  | 'CROSSED_BOOK'
  | 'FUNDING_ON_FUTURE'
  | 'INVALID_FIELD';

/**
 * One problem found in an input.
 * @category Errors
 */
export interface ValidationIssue {
  /** What is wrong. */
  readonly code: ValidationErrorCode;
  /** Where it is. */
  readonly path: InputPath;
  /** Human-readable explanation. */
  readonly message: string;
  /** The value found there, printed short (strings quoted and cut after 40 characters); absent for a missing field. */
  readonly received?: string;
  /** For an unknown field or a value outside an enumeration: the closest valid name, when one is close. */
  readonly suggestion?: string;
}

/**
 * Thrown by every `create*` factory and venue adapter when its input is malformed. `code` and `path` describe the
 * first problem; `issues` lists every problem found in the input, each with its path, the value found and, for a
 * typo'd field or option, the closest valid name.
 *
 * @example
 * ```ts
 * import { createPosition, ValidationError } from 'marginkit';
 * try {
 *   createPosition({ marketId: 'BTC-PERP', size: Number.NaN, entryPrice: 100, marginMode: 'cross' });
 * } catch (error) {
 *   if (error instanceof ValidationError) console.log(error.code, error.path); // => 'NOT_FINITE' ['size']
 * }
 * // Every problem in one report; a typo'd field is named with the field it misspells.
 * try {
 *   createPosition({ marketId: 'BTC-PERP', size: '1', entryPrice: -5, marginMod: 'cross' } as never);
 * } catch (error) {
 *   if (error instanceof ValidationError) console.log(error.issues.map((i) => i.code)); // => ['NOT_POSITIVE', 'UNKNOWN_FIELD']
 *   if (error instanceof ValidationError) console.log(error.issues[1]?.suggestion); // => 'marginMode'
 * }
 * ```
 * @category Errors
 */
export class ValidationError extends MarginKitError {
  declare readonly code: ValidationErrorCode;
  /** Every problem found, the first one being the one named by `code` and `path`. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly [ValidationIssue, ...ValidationIssue[]], cause?: unknown) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first.code, `${first.message}${more}`, { path: first.path, cause });
    this.name = 'ValidationError';
    this.issues = Object.freeze([...issues]);
  }
}

/** Throws a {@link ValidationError} with one issue (internal shorthand for the factories and adapters). */
export function failValidation(code: ValidationErrorCode, path: InputPath, message: string): never {
  throw new ValidationError([{ code, path, message }]);
}
