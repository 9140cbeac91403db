import { AbortedError } from '../errors/AbortedError.js';

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

/** Throws {@link AbortedError} when the signal is aborted; `where` says what was stopped and how far it came. */
export function throwIfAborted(signal: AbortSignalLike | undefined, where: string): void {
  if (signal?.aborted) throw new AbortedError(`${where} was aborted`, signal.reason);
}

/** Reports that `done` of `total` units are finished (no-op without a callback). */
export function reportProgress(options: ProgressOptions, done: number, total: number): void {
  options.onProgress?.({ done, total });
}
