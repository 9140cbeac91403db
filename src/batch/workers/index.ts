// The Node-only entry `marginkit/batch/workers`: stress grids split across worker threads.
export {
  createGridPool,
  type GridPool,
  type GridPoolOptions,
  type PoolGridOptions,
} from './createGridPool.js';
export { gridInWorkers, type WorkerGridOptions } from './gridInWorkers.js';
export { shareBook } from './shareBook.js';
