import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkList, checkOptions, checkWhole } from '../internal/argumentShape.js';
import type { ProgressOptions } from '../internal/progress.js';
import { checkPackedBook, checkPackedScenarios } from './batchShape.js';
import type { GridShard } from './GridShard.js';
import { gridColumns, gridInto, plainBuffer } from './gridInto.js';
import type { PackedBook } from './PackedBook.js';
import type { PackedScenarios } from './packScenarios.js';

/**
 * Options of {@link gridPackedBook} and {@link stressGrid}.
 * @category Batch
 */
export interface GridOptions extends ProgressOptions {
  /** First account of the range to evaluate (default 0). */
  readonly from?: number;
  /** One past the last account (default every account). */
  readonly to?: number;
  /** Ascending loss bin edges for the loss histogram (default none: one bin). */
  readonly lossEdges?: readonly number[];
  /** Also keep the full account × scenario matrices (memory O(accounts · scenarios)). Default false. */
  readonly matrix?: boolean;
}

/**
 * The float stress grid of accounts × scenarios with streaming reductions (per account: today's and the worst
 * equity, the lowest pool surplus `equity − MMR`, how many and which scenario first makes a pool liquidatable; per
 * scenario: accounts liquidatable and total loss; a loss histogram), in memory O(accounts + scenarios).
 *
 * A cell is the account at the scenario's prices `p · (1 + move)` (collateral assets moved too), every pool summed
 * as in {@link scanPackedBook}. A cell whose pool surplus lies within the error bound `(3k + 8) · 2⁻⁵¹ · S` of 0, or
 * whose notional lies within 2⁻⁴⁶ of a tier floor, is left `pending` for {@link confirmGrid}. When every scenario is
 * a uniform shock f and an account holds only linear one-tier markets, each pool's `equity − MMR = c₀ + c₁ · f` and
 * the account's whole grid costs O(1) per scenario instead of O(positions). Progress counts accounts; the signal is
 * checked every 256 accounts.
 *
 * @param book - a packed book.
 * @param scenarios - packed scenarios of that book.
 * @param options - account range, loss bins, matrix, progress, signal.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for no scenarios, a range outside the book or unsorted
 *   loss edges.
 * @throws {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, gridPackedBook, packAccounts, packScenarios, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const book = packAccounts([account], createPrices({ markets: { BTC: { mark: 50_000 } } }));
 * const grid = gridPackedBook(book, packScenarios(book, uniformLadder('-0.2', '0', '0.1')));
 * [grid.liquidatingCount[0], grid.firstLiquidating[0], grid.worstEquity[0]]; // => [1, 0, -500]
 * ```
 * @category Batch
 */
export function gridPackedBook(
  book: PackedBook,
  scenarios: PackedScenarios,
  options: GridOptions = {},
): GridShard {
  const { from, to, edges } = checkGrid(book, scenarios, options);
  const columns = gridColumns(to - from, scenarios.count, options.matrix === true, plainBuffer);
  const totals = gridInto(book, scenarios, from, to, edges, columns, 0, options);
  return {
    from,
    to,
    scenarioCount: scenarios.count,
    ...columns,
    ...totals,
    lossEdges: [...edges],
    exactCount: 0,
  };
}

/** Checks a grid's arguments; returns the account range and the loss edges. */
export function checkGrid(
  book: PackedBook,
  scenarios: PackedScenarios,
  options: GridOptions,
): { from: number; to: number; edges: readonly number[] } {
  checkPackedBook(book);
  checkPackedScenarios(scenarios);
  checkOptions(options);
  checkWhole(options.from, 'options.from', 0, Number.MAX_SAFE_INTEGER);
  checkWhole(options.to, 'options.to', 0, Number.MAX_SAFE_INTEGER);
  if (options.lossEdges !== undefined) checkList(options.lossEdges, 'options.lossEdges');
  // `+ 0` turns a −0 bound into 0 (the shard reports its range).
  const from = (options.from ?? 0) + 0;
  const to = (options.to ?? book.accountCount) + 0;
  if (
    !Number.isSafeInteger(from) ||
    !Number.isSafeInteger(to) ||
    from < 0 ||
    to > book.accountCount ||
    from > to
  ) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `account range ${from}…${to} lies outside the book`, [
      'from',
    ]);
  }
  if (scenarios.count === 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a grid needs at least one scenario', ['scenarios']);
  }
  const edges = options.lossEdges ?? [];
  if (edges.some((e, i) => !Number.isFinite(e) || (i > 0 && e <= (edges[i - 1] as number)))) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'loss edges must be finite and strictly ascending', [
      'lossEdges',
    ]);
  }
  return { from, to, edges };
}
