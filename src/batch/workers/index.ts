// The Node-only entry `marginkit/batch/workers`: stress grids split across worker threads.
export { gridInWorkers, type WorkerGridOptions } from './gridInWorkers.js';
export { shareBook } from './shareBook.js';
