import { type ProgressOptions, reportProgress, throwIfAborted } from '../../internal/progress.js';
import type { GridShard } from '../GridShard.js';
import { type GridTotals, gridColumns } from '../gridInto.js';
import type { GridOptions } from '../gridPackedBook.js';
import type { PackedBook } from '../PackedBook.js';
import type { PackedScenarios } from '../packScenarios.js';
import type { GridTask } from './gridTask.js';
import { joinRanges, sharedBuffer } from './joinRanges.js';
import { shareBook } from './shareBook.js';

/**
 * Options of {@link createGridPool}.
 * @category Batch
 */
export interface GridPoolOptions {
  /** Worker threads (default 2). */
  readonly threads?: number;
  /** The worker module (default the package's own `gridTask` file next to this entry). */
  readonly workerUrl?: string;
}

/**
 * Options of one grid run on a {@link GridPool}.
 * @category Batch
 */
export interface PoolGridOptions extends ProgressOptions, Pick<GridOptions, 'lossEdges' | 'matrix'> {
  /** Account ranges the grid is cut into (default 8 per thread); progress counts finished ranges' accounts. */
  readonly shards?: number;
}

/**
 * Worker threads kept running between grids (see {@link createGridPool}), so a keeper re-running a grid on every
 * price tick pays the threads' start-up once.
 * @category Batch
 */
export interface GridPool {
  /** Number of worker threads. */
  readonly threads: number;
  /** `gridPackedBook` of the whole book, split by account ranges across the threads and merged. */
  grid(book: PackedBook, scenarios: PackedScenarios, options?: PoolGridOptions): Promise<GridShard>;
  /** Stops the threads; the pool cannot run grids afterwards. */
  destroy(): Promise<void>;
}

/** The task module beside this file, in the same module format. */
function defaultWorkerUrl(): string {
  const self = import.meta.url;
  const ext = self.endsWith('.cjs') ? '.cjs' : '.js';
  return new URL(`./gridTask${ext}`, self).href;
}

/**
 * Starts a pool of worker threads (tinypool, an optional peer dependency loaded on first use) for float stress
 * grids. Each grid moves the book's columns to shared memory once ({@link shareBook}; a book already shared is
 * not copied) and posts the threads only the columns the kernel reads (no id lists). The accounts are cut into
 * ranges the threads take in turn; each thread writes its accounts' reductions straight into the grid's columns in
 * shared memory and sends back only its per-scenario sums and pending cells, which are added in range order. The
 * result equals the one-thread grid (per-scenario loss sums may differ in the last bits, as in
 * `mergeGridShards`). The signal is checked before each range starts; progress counts finished ranges'
 * accounts. Node only: import it from `marginkit/batch/workers`.
 *
 * @param options - threads, worker module.
 * @returns the pool; call `destroy()` when done.
 * @example
 * ```js
 * // Node only (worker threads load the built package), so this block is not run by the documentation test;
 * // test/package/consumers.mjs runs the same calls against the built package.
 * import { packAccounts, packScenarios, uniformLadder } from 'marginkit';
 * import { createGridPool } from 'marginkit/batch/workers';
 * const pool = await createGridPool({ threads: 2 });
 * const book = packAccounts(accounts, prices);
 * const grid = await pool.grid(book, packScenarios(book, uniformLadder('-0.5', '0.5', '0.01')));
 * await pool.destroy();
 * ```
 * @category Batch
 */
export async function createGridPool(options: GridPoolOptions = {}): Promise<GridPool> {
  const threads = Math.max(1, Math.floor(options.threads ?? 2));
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: options.workerUrl ?? defaultWorkerUrl(),
    minThreads: threads,
    maxThreads: threads,
  });
  const grid = async (
    book: PackedBook,
    scenarios: PackedScenarios,
    gridOptions: PoolGridOptions = {},
  ): Promise<GridShard> => {
    const A = book.accountCount;
    const count = Math.max(1, Math.min(A, Math.floor(gridOptions.shards ?? threads * 8)));
    throwIfAborted(gridOptions.signal, 'grid in workers before start');
    // Only the kernel's columns travel: id lists would be cloned into every task.
    const shared: PackedBook = { ...shareBook(book), accountIds: [], positionIds: [] };
    const sharedScenarios = { ...scenarios };
    // Every range writes its rows of these columns in place; only per-scenario parts come back.
    const columns = gridColumns(A, scenarios.count, gridOptions.matrix === true, sharedBuffer);
    const parts: GridTotals[] = new Array(count);
    let done = 0;
    let next = 0;
    // One runner per thread, each taking the next account range.
    const runner = async (): Promise<void> => {
      while (next < count) {
        const k = next++;
        throwIfAborted(gridOptions.signal, `grid in workers at ${done} of ${A} accounts`);
        const from = Math.floor((A * k) / count);
        const to = Math.floor((A * (k + 1)) / count);
        const task: GridTask = {
          book: shared,
          scenarios: sharedScenarios,
          options: {
            from,
            to,
            ...(gridOptions.lossEdges ? { lossEdges: gridOptions.lossEdges } : {}),
            ...(gridOptions.matrix ? { matrix: true } : {}),
          },
          columns,
        };
        parts[k] = (await pool.run(task)) as GridTotals;
        done += to - from;
        reportProgress(gridOptions, done, A);
      }
    };
    await Promise.all(Array.from({ length: threads }, runner));
    return joinRanges(columns, parts, scenarios.count, gridOptions.lossEdges ?? []);
  };
  return { threads, grid, destroy: () => pool.destroy() };
}
