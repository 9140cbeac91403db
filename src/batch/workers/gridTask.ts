import type { GridShard } from '../GridShard.js';
import { type GridOptions, gridPackedBook } from '../gridPackedBook.js';
import type { PackedBook } from '../PackedBook.js';
import type { PackedScenarios } from '../packScenarios.js';

/** What one worker task receives: the (shared) book and scenarios and its account range. */
export interface GridTask {
  readonly book: PackedBook;
  readonly scenarios: PackedScenarios;
  readonly options: Pick<GridOptions, 'from' | 'to' | 'lossEdges' | 'matrix'>;
}

/** A worker thread's task: the float grid of one account range. */
export default function gridTask(task: GridTask): GridShard {
  return gridPackedBook(task.book, task.scenarios, task.options);
}
