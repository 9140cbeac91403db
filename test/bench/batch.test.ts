// Runs the batch benchmark script on a tiny input: its cross-checks (batch kernels equal to the minimal loops,
// worker grids equal to one thread, screen-then-exact equal to the exact engine) must hold. No timing is asserted.
import { describe, expect, it } from 'vitest';
import { runBatchBench, TINY } from '../../bench/batch.js';

describe('bench/batch.ts on a tiny input', () => {
  it('cross-checks every figure it would time', async () => {
    const figures = await runBatchBench(TINY);
    expect(figures.exact.mismatches).toBe(0);
    expect(figures.exact.plainMismatches).toBe(0);
    expect(figures.exact.recomputedShare).toBeGreaterThan(0);
    for (const x of [
      figures.scan.ratio,
      figures.scan.cpuRatio,
      figures.grid.ratio,
      figures.grid.cpuRatio,
      figures.workers.speedUp,
      figures.workers.amdahlTwo,
      ...figures.workers.startupMs,
      ...figures.workers.cpuPerWall,
      figures.workers.peakRssMb,
    ]) {
      expect(Number.isFinite(x) && x > 0).toBe(true);
    }
  });
});
