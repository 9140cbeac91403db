import { type ProgressOptions, reportProgress, throwIfAborted } from '../../internal/progress.js';
import type { GridShard } from '../GridShard.js';
import type { GridOptions } from '../gridPackedBook.js';
import { mergeGridShards } from '../mergeGridShards.js';
import type { PackedBook } from '../PackedBook.js';
import type { PackedScenarios } from '../packScenarios.js';
import type { GridTask } from './gridTask.js';
import { shareBook } from './shareBook.js';

/**
 * Options of {@link gridInWorkers}.
 * @category Batch
 */
export interface WorkerGridOptions extends ProgressOptions, Pick<GridOptions, 'lossEdges' | 'matrix'> {
  /** Worker threads (default 2). */
  readonly threads?: number;
  /** Account ranges the grid is cut into (default 4 per thread); progress counts finished ranges' accounts. */
  readonly shards?: number;
  /** The worker module (default the package's own `gridTask` file next to this entry). */
  readonly workerUrl?: string;
}

/** The task module beside this file, in the same module format. */
function defaultWorkerUrl(): string {
  const self = import.meta.url;
  const ext = self.endsWith('.cjs') ? '.cjs' : '.js';
  return new URL(`./gridTask${ext}`, self).href;
}

/**
 * `gridPackedBook` split by account ranges across worker threads of a pool (tinypool, an optional peer
 * dependency loaded on first use); the book's columns are moved to shared memory once and every thread reads them
 * in place. The shards are merged ({@link mergeGridShards}) into the result one thread gives. Pending cells are
 * left for `confirmGrid` on the thread that holds the accounts. Node only: import it from
 * `marginkit/batch/workers`; the main entry never loads a worker library or a Node built-in.
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
  const threads = Math.max(1, Math.floor(options.threads ?? 2));
  const count = Math.max(1, Math.min(book.accountCount, Math.floor(options.shards ?? threads * 4)));
  throwIfAborted(options.signal, 'gridInWorkers before start');
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: options.workerUrl ?? defaultWorkerUrl(),
    minThreads: threads,
    maxThreads: threads,
  });
  const shared = shareBook(book);
  const sharedScenarios = { ...scenarios };
  const A = book.accountCount;
  let done = 0;
  const shards: GridShard[] = [];
  let next = 0;
  // One runner per thread, each taking the next account range; the signal is checked before each range starts.
  const runner = async (): Promise<void> => {
    while (next < count) {
      const k = next++;
      throwIfAborted(options.signal, `gridInWorkers at ${done} of ${A} accounts`);
      const from = Math.floor((A * k) / count);
      const to = Math.floor((A * (k + 1)) / count);
      const task: GridTask = {
        book: shared,
        scenarios: sharedScenarios,
        options: {
          from,
          to,
          ...(options.lossEdges ? { lossEdges: options.lossEdges } : {}),
          ...(options.matrix ? { matrix: true } : {}),
        },
      };
      shards.push((await pool.run(task)) as GridShard);
      done += to - from;
      reportProgress(options, done, A);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, runner));
    return mergeGridShards(shards);
  } finally {
    await pool.destroy();
  }
}
