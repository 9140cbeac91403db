const BRAND = /*#__PURE__*/ Symbol.for('marginkit/error');

/** A path into an input: property names and array indices, outermost first. */
export type InputPath = readonly (string | number)[];

/**
 * Formats an input path as `markets[0].marginSchedule.tiers[1]`; the empty path is `(input)`.
 *
 * @param path - property names and array indices, outermost first.
 * @example
 * ```ts
 * import { formatPath } from 'marginkit';
 * formatPath(['markets', 0, 'marginSchedule', 'tiers', 1]); // => 'markets[0].marginSchedule.tiers[1]'
 * ```
 * @category Errors
 */
export function formatPath(path: InputPath): string {
  // Checked with the base class here: the error subclasses import this module.
  if (!Array.isArray(path) || path.some((key) => typeof key !== 'string' && typeof key !== 'number')) {
    throw new MarginKitError('INVALID_ARGUMENT', 'a path is an array of property names and indices');
  }
  return pathText(path);
}

/** {@link formatPath} without the check, for the paths the library builds itself (kept out of small bundles). */
function pathText(path: InputPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? key : `.${key}`;
  }
  return text === '' ? '(input)' : text;
}

/**
 * The base class of every error the library throws. `code` is stable across versions and is what programs
 * should branch on; `path` locates the offending field of the input (empty when the whole input is at fault).
 *
 * @example
 * ```ts
 * import { createMarket, isMarginKitError } from 'marginkit';
 * try {
 *   createMarket({ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '-1', maintenanceFraction: '0.005' } });
 * } catch (error) {
 *   if (isMarginKitError(error)) console.log(error.code, error.path); // => 'NEGATIVE' ['marginSchedule', 'initialFraction']
 * }
 * ```
 * @category Errors
 */
export class MarginKitError extends Error {
  /** Stable, machine-readable error code. */
  readonly code: string;
  /** Where in the input the problem is. */
  readonly path: InputPath;
  /** The message without the path prefix. */
  readonly shortMessage: string;

  constructor(code: string, shortMessage: string, options: { path?: InputPath; cause?: unknown } = {}) {
    const path = options.path ?? [];
    super(
      path.length > 0 ? `${pathText(path)}: ${shortMessage}` : shortMessage,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'MarginKitError';
    this.code = code;
    this.path = Object.freeze([...path]);
    this.shortMessage = shortMessage;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True for any error thrown by this library, even when two copies of it (ESM and CJS) are loaded.
 *
 * @example
 * ```ts
 * import { isMarginKitError } from 'marginkit';
 * isMarginKitError(new Error('x')); // => false
 * ```
 * @category Errors
 */
export function isMarginKitError(error: unknown): error is MarginKitError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
