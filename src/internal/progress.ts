import { AbortedError } from '../errors/AbortedError.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * The part of an `AbortSignal` (DOM and Node) the library reads: a standard `AbortController().signal` fits.
 * @category Progress
 */
export interface AbortSignalLike {
  /** True once the caller asked to stop. */
  readonly aborted: boolean;
  /** Why (carried as the error's `cause`). */
  readonly reason?: unknown;
}

/**
 * How far a long computation has come: `done` units of work out of `total` (scenarios, path steps, accounts or
 * account×scenario cells, as the function documents).
 * @category Progress
 */
export interface Progress {
  /** Units finished. */
  readonly done: number;
  /** Units in the whole computation. */
  readonly total: number;
}

/**
 * Options every long-running function accepts: a progress callback and a signal to stop it.
 * @category Progress
 */
export interface ProgressOptions {
  /** Called after each unit (or chunk) of work with how far the computation has come. */
  readonly onProgress?: (progress: Progress) => void;
  /** When aborted, the computation throws {@link AbortedError} `ABORTED` at its next check. */
  readonly signal?: AbortSignalLike;
}

/**
 * Checks the progress fields of an options object (`name` is its argument name): `onProgress` a function and
 * `signal` an object with a boolean `aborted`, when given. Long-running functions call it before any work, so a
 * wrong field is an `INVALID_ARGUMENT` naming it, never a TypeError halfway through.
 */
export function checkProgress(options: ProgressOptions, name = 'options'): void {
  const { onProgress, signal } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${name}.onProgress must be a function`, [
      name,
      'onProgress',
    ]);
  }
  if (
    signal !== undefined &&
    (typeof signal !== 'object' ||
      signal === null ||
      typeof (signal as { aborted?: unknown }).aborted !== 'boolean')
  ) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${name}.signal must be an AbortSignal`, [
      name,
      'signal',
    ]);
  }
}

/**
 * Throws {@link AbortedError} when the signal is aborted; `where` says what was stopped and how far it came. A signal
 * that is not one is an `INVALID_ARGUMENT`.
 */
export function throwIfAborted(signal: AbortSignalLike | undefined, where: string): void {
  if (signal === undefined) return;
  checkProgress({ signal });
  if (signal.aborted) throw new AbortedError(`${where} was aborted`, signal.reason);
}

/**
 * Reports that `done` of `total` units are finished (no-op without a callback; a callback that is not a function is
 * an `INVALID_ARGUMENT`).
 */
export function reportProgress(options: ProgressOptions, done: number, total: number): void {
  if (options.onProgress === undefined) return;
  checkProgress(options);
  options.onProgress({ done, total });
}
