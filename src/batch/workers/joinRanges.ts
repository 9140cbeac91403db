import type { GridShard } from '../GridShard.js';
import type { GridColumns, GridTotals } from '../gridInto.js';
import { concatColumns, sumColumns } from '../joinColumns.js';

/** Shared memory, so worker threads write the grid's columns in place. */
export const sharedBuffer = (bytes: number) => new SharedArrayBuffer(bytes);

/** The grid of the whole book from its columns and its ranges' per-scenario parts, added in range order. */
export function joinRanges(
  columns: GridColumns,
  parts: readonly GridTotals[],
  scenarioCount: number,
  lossEdges: readonly number[],
): GridShard {
  return {
    from: 0,
    to: columns.baseEquity.length,
    scenarioCount,
    ...columns,
    scenarioLiquidating: sumColumns(
      parts.map((p) => p.scenarioLiquidating),
      (n) => new Int32Array(n),
    ),
    scenarioLoss: sumColumns(
      parts.map((p) => p.scenarioLoss),
      (n) => new Float64Array(n),
    ),
    lossEdges: [...lossEdges],
    lossHistogram: sumColumns(
      parts.map((p) => p.lossHistogram),
      (n) => new Float64Array(n),
    ),
    pending: concatColumns(
      parts.map((p) => p.pending),
      (n) => new Int32Array(n),
    ),
    exactCount: 0,
  };
}
