import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkList, checkOptions, checkWhole } from '../internal/argumentShape.js';
import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import { checkPackedBook, checkPackedScenarios } from './batchShape.js';
import { factorable, factoredCells } from './factoredCells.js';
import type { GridShard } from './GridShard.js';
import { createGridScratch, positionCells, shockTable } from './gridCells.js';
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

/** Accounts between two progress reports and abort checks in a grid. */
const GRID_CHUNK = 256;

/** The histogram bin of `loss`: the number of edges ≤ loss. */
function binOf(edges: readonly number[], loss: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) <= loss) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  const n = to - from;
  const S = scenarios.count;
  const baseEquity = new Float64Array(n);
  const worstEquity = new Float64Array(n);
  const worstScenario = new Int32Array(n);
  const minSurplus = new Float64Array(n);
  const liquidatingCount = new Int32Array(n);
  const firstLiquidating = new Int32Array(n);
  const scenarioLiquidating = new Int32Array(S);
  const scenarioLoss = new Float64Array(S);
  const lossHistogram = new Float64Array(edges.length + 1);
  const matrix = options.matrix
    ? { equity: new Float64Array(n * S), liquidatable: new Uint8Array(n * S) }
    : undefined;
  const pending: number[] = [];
  const positionStart = book.positionStart;
  const uniform = scenarios.uniform;
  let maxPools = 1;
  for (let a = from; a < to; a++) {
    maxPools = Math.max(maxPools, 1 + (positionStart[a + 1] as number) - (positionStart[a] as number));
  }
  // Slot 0 is today's prices, slot s + 1 scenario s.
  const stride = S + 1;
  const table = shockTable(scenarios);
  const cells = createGridScratch(stride, maxPools);
  const { equity, worst, liquidatable, unsure } = cells;
  const binned = edges.length > 0;

  for (let a = from; a < to; a++) {
    const r = a - from;
    if (r % GRID_CHUNK === 0) {
      throwIfAborted(options.signal, `grid at account ${a} of ${from}…${to}`);
      if (r > 0) reportProgress(options, r, n);
    }
    const factored = uniform !== undefined && factorable(book, a);
    positionCells(book, a, table, stride, factored ? 1 : stride, cells);
    if (factored) factoredCells(book, a, uniform, cells);
    const base = equity[0] as number;
    baseEquity[r] = base;
    let worstEq = Number.POSITIVE_INFINITY;
    let worstAt = 0;
    let minSur = Number.POSITIVE_INFINITY;
    let count = 0;
    let first = 0;
    for (let s = 0; s < S; s++) {
      const eq = equity[s + 1] as number;
      if (eq < worstEq) {
        worstEq = eq;
        worstAt = s;
      }
      if ((worst[s + 1] as number) < minSur) minSur = worst[s + 1] as number;
      const loss = base - eq;
      scenarioLoss[s] = (scenarioLoss[s] as number) + loss;
      const b = binned ? binOf(edges, loss) : 0;
      lossHistogram[b] = (lossHistogram[b] as number) + 1;
      if (matrix) matrix.equity[r * S + s] = eq;
      if (unsure[s + 1] === 1) pending.push(a, s);
      else if (liquidatable[s + 1] === 1) {
        if (count === 0) first = s;
        count++;
        scenarioLiquidating[s] = (scenarioLiquidating[s] as number) + 1;
        if (matrix) matrix.liquidatable[r * S + s] = 1;
      }
    }
    worstEquity[r] = worstEq;
    worstScenario[r] = worstAt;
    minSurplus[r] = minSur;
    liquidatingCount[r] = count;
    firstLiquidating[r] = first;
  }
  reportProgress(options, n, n);
  return {
    from,
    to,
    scenarioCount: S,
    baseEquity,
    worstEquity,
    worstScenario,
    minSurplus,
    liquidatingCount,
    firstLiquidating,
    scenarioLiquidating,
    scenarioLoss,
    lossEdges: [...edges],
    lossHistogram,
    pending: Int32Array.from(pending),
    exactCount: 0,
    ...(matrix ? { matrix } : {}),
  };
}
