import { throwIfAborted } from '../../internal/progress.js';
import type { GridShard } from '../GridShard.js';
import type { PackedBook } from '../PackedBook.js';
import type { PackedScenarios } from '../packScenarios.js';
import { createGridPool, type GridPoolOptions, type PoolGridOptions } from './createGridPool.js';

/**
 * Options of {@link gridInWorkers}.
 * @category Batch
 */
export interface WorkerGridOptions extends PoolGridOptions, GridPoolOptions {}

/**
 * `gridPackedBook` split by account ranges across worker threads: starts a pool ({@link createGridPool}), runs
 * one grid on it and stops it. The book's columns are moved to shared memory once and every thread reads them in
 * place and writes its accounts' results in place; the result equals the one-thread grid. Pending cells are left
 * for `confirmGrid` on the thread that holds the accounts. To run many grids, keep a pool instead (the threads'
 * start-up is paid once). Node only: import it from `marginkit/batch/workers`; the main entry never loads a worker
 * library or a Node built-in.
 *
 * @param book - a packed book.
 * @param scenarios - packed scenarios.
 * @param options - threads, shards, loss bins, matrix, progress, signal.
 * @throws `AbortedError` `ABORTED` when the signal is aborted (running ranges finish, no new one starts).
 * @example
 * ```js
 * // Node only (worker threads load the built package), so this block is not run by the documentation test;
 * // test/package/consumers.mjs runs the same call against the built package.
 * import { confirmGrid, packAccounts, packScenarios, uniformLadder } from 'marginkit';
 * import { gridInWorkers } from 'marginkit/batch/workers';
 * const scenarios = uniformLadder('-0.5', '0.5', '0.01');
 * const book = packAccounts(accounts, prices);
 * const float = await gridInWorkers(book, packScenarios(book, scenarios), { threads: 2 });
 * const grid = confirmGrid(float, accounts, prices, scenarios); // decisions equal the exact engine's
 * ```
 * @category Batch
 */
export async function gridInWorkers(
  book: PackedBook,
  scenarios: PackedScenarios,
  options: WorkerGridOptions = {},
): Promise<GridShard> {
  throwIfAborted(options.signal, 'gridInWorkers before start');
  const { threads, workerUrl, ...gridOptions } = options;
  const pool = await createGridPool({
    ...(threads !== undefined ? { threads } : {}),
    ...(workerUrl !== undefined ? { workerUrl } : {}),
  });
  try {
    return await pool.grid(book, scenarios, gridOptions);
  } finally {
    await pool.destroy();
  }
}
