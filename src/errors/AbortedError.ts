import { type InputPath, MarginKitError } from './MarginKitError.js';

/**
 * Code of {@link AbortedError}: `ABORTED`, the caller's signal asked a long computation to stop.
 * @category Errors
 */
export type AbortedErrorCode = 'ABORTED';

/**
 * Thrown when a long-running computation (a stress run, a path replay, a batch scan or grid) sees its
 * `signal` aborted. Nothing half-computed is returned; `cause` is the signal's reason and `path` names the
 * option (`['signal']`).
 *
 * @example
 * ```ts
 * import { AbortedError } from 'marginkit';
 * new AbortedError('stopped after 3 of 10 scenarios').code; // => 'ABORTED'
 * ```
 * @category Errors
 */
export class AbortedError extends MarginKitError {
  declare readonly code: AbortedErrorCode;

  constructor(message: string, cause?: unknown, path: InputPath = ['signal']) {
    super('ABORTED', message, { path, ...(cause === undefined ? {} : { cause }) });
    this.name = 'AbortedError';
  }
}
