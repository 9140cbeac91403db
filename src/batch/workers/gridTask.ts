import { type GridColumns, type GridTotals, gridInto } from '../gridInto.js';
import { checkGrid, type GridOptions } from '../gridPackedBook.js';
import type { PackedBook } from '../PackedBook.js';
import type { PackedScenarios } from '../packScenarios.js';

/**
 * What one worker task receives: the (shared) book and scenarios, its account range, and the shared columns of the
 * whole grid, which it writes at its accounts' rows.
 */
export interface GridTask {
  readonly book: PackedBook;
  readonly scenarios: PackedScenarios;
  readonly options: Pick<GridOptions, 'from' | 'to' | 'lossEdges' | 'matrix'>;
  readonly columns: GridColumns;
}

/** A worker thread's task: the float grid of one account range, written in place; returns its per-scenario part. */
export default function gridTask(task: GridTask): GridTotals {
  const { from, to, edges } = checkGrid(task.book, task.scenarios, task.options);
  return gridInto(task.book, task.scenarios, from, to, edges, task.columns, from, {});
}
