import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import { factorable, factoredCells } from './factoredCells.js';
import type { GridShard } from './GridShard.js';
import { createGridScratch, positionCells, shockTable } from './gridCells.js';
import type { PackedBook } from './PackedBook.js';
import type { PackedScenarios } from './packScenarios.js';

/** Per-account columns of a grid (and the optional matrices), written by {@link gridInto}. */
export type GridColumns = Pick<
  GridShard,
  | 'baseEquity'
  | 'worstEquity'
  | 'worstScenario'
  | 'minSurplus'
  | 'liquidatingCount'
  | 'firstLiquidating'
  | 'matrix'
>;

/** Per-scenario reductions and pending cells of one account range. */
export interface GridTotals {
  readonly scenarioLiquidating: Int32Array;
  readonly scenarioLoss: Float64Array;
  readonly lossHistogram: Float64Array;
  readonly pending: Int32Array;
}

/** Memory for grid columns: a plain `ArrayBuffer`, or a `SharedArrayBuffer` that worker threads write in place. */
export type GridBuffer = (bytes: number) => ArrayBuffer | SharedArrayBuffer;

/** Plain memory. */
export const plainBuffer: GridBuffer = (bytes) => new ArrayBuffer(bytes);

/** Columns for `n` accounts (and n × S matrices when asked for). */
export function gridColumns(n: number, S: number, matrix: boolean, buffer: GridBuffer): GridColumns {
  const f64 = (k: number) => new Float64Array(buffer(k * 8));
  const i32 = (k: number) => new Int32Array(buffer(k * 4));
  return {
    baseEquity: f64(n),
    worstEquity: f64(n),
    worstScenario: i32(n),
    minSurplus: f64(n),
    liquidatingCount: i32(n),
    firstLiquidating: i32(n),
    ...(matrix ? { matrix: { equity: f64(n * S), liquidatable: new Uint8Array(buffer(n * S)) } } : {}),
  };
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
 * The float grid of accounts from…to−1 (arguments already checked), writing account a's reductions at row
 * `a − from + at` of `columns` and returning the range's per-scenario reductions: a worker thread writes its range
 * straight into shared columns and sends back only the per-scenario part.
 */
export function gridInto(
  book: PackedBook,
  scenarios: PackedScenarios,
  from: number,
  to: number,
  edges: readonly number[],
  columns: GridColumns,
  at: number,
  options: ProgressOptions,
): GridTotals {
  const n = to - from;
  const S = scenarios.count;
  const { baseEquity, worstEquity, worstScenario, minSurplus, liquidatingCount, firstLiquidating, matrix } =
    columns;
  const scenarioLiquidating = new Int32Array(S);
  const scenarioLoss = new Float64Array(S);
  const lossHistogram = new Float64Array(edges.length + 1);
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
    if ((a - from) % GRID_CHUNK === 0) {
      throwIfAborted(options.signal, `grid at account ${a} of ${from}…${to}`);
      if (a > from) reportProgress(options, a - from, n);
    }
    const r = a - from + at;
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
  return { scenarioLiquidating, scenarioLoss, lossHistogram, pending: Int32Array.from(pending) };
}
