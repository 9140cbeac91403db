// Figure 3 of the batch screen: a large grid on worker threads. Pools are started apart from the runs, so the
// start-up, the runs and the main thread's serial part (merging the ranges) are timed separately, and each run's
// process CPU time is taken with its wall time: CPU / wall near the thread count shows the threads ran in parallel,
// and a shortfall shows cores taken by other work on the machine rather than a serial part of the code.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { gridColumns } from '../src/batch/gridInto.js';
import { createGridPool, shareBook } from '../src/batch/workers/index.js';
import { joinRanges, sharedBuffer } from '../src/batch/workers/joinRanges.js';
import {
  type GridShard,
  gridPackedBook,
  type PackedBook,
  packScenarios,
  type Scenario,
} from '../src/index.js';
import { seeded } from '../test/support/randomBook.js';

const N = 10;
const FLOORS = [0, 250_000, 1_000_000];

/**
 * A packed book built directly (1M accounts of MarginAccount objects would not fit): 4 tiered cross positions each,
 * columns in shared memory from the start (so the pool does not copy them), the key column the market column and
 * the all-zero columns (funding, isolated margin, leverage) one shared buffer.
 */
export function syntheticBook(accounts: number): PackedBook {
  const rand = seeded(17);
  const P = accounts * 4;
  const f64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));
  const i32 = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4));
  const exposure = f64(P);
  const entryPrice = f64(P);
  const price = f64(P);
  const market = i32(P);
  // Each market is its own shock key, so the key column is the market column.
  const key = market;
  const zeros = f64(P);
  const fixedCollateral = f64(accounts);
  const positionStart = i32(accounts + 1);
  for (let a = 0; a < accounts; a++) {
    positionStart[a] = a * 4;
    let gross = 0;
    for (let j = 0; j < 4; j++) {
      const i = a * 4 + j;
      const m = Math.floor(rand() * N);
      const p = 1000 + m * 137.5;
      market[i] = m;
      price[i] = p;
      exposure[i] = (rand() < 0.5 ? -1 : 1) * 10 ** (rand() * 3.3 - 1);
      entryPrice[i] = p * (0.95 + rand() * 0.1);
      gross += Math.abs(exposure[i] as number) * p;
    }
    fixedCollateral[a] = gross * (0.01 + rand() * 0.2);
  }
  positionStart[accounts] = P;
  return {
    accountCount: accounts,
    positionCount: P,
    priceSource: 'mark',
    accountIds: [],
    keys: Array.from({ length: N }, (_, i) => `M${i}`),
    positionStart,
    fixedCollateral,
    collateralStart: i32(accounts + 1),
    collateralValue: f64(0),
    collateralKey: i32(0),
    exposure,
    entryPrice,
    price,
    funding: zeros,
    isolated: new Uint8Array(new SharedArrayBuffer(P)),
    isolatedMargin: zeros,
    open: new Uint8Array(new SharedArrayBuffer(P)).fill(1),
    leverageFraction: zeros,
    market,
    key,
    positionIds: [],
    marketIds: Array.from({ length: N }, (_, i) => `M${i}`),
    inverse: new Uint8Array(N),
    tierStart: Int32Array.from({ length: N + 1 }, (_, m) => m * 3),
    tierFloor: Float64Array.from({ length: N * 3 }, (_, t) => FLOORS[t % 3] as number),
    tierInitial: Float64Array.from({ length: N * 3 }, (_, t) => [0.02, 0.04, 0.1][t % 3] as number),
    tierMaintenance: Float64Array.from({ length: N * 3 }, (_, t) => [0.01, 0.02, 0.05][t % 3] as number),
    tierDeduction: Float64Array.from({ length: N * 3 }, (_, t) => [0, 2500, 32_500][t % 3] as number),
  };
}

function assertSame(what: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`${what}: lengths differ`);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) throw new Error(`${what}: differs at ${i}: ${a[i]} vs ${b[i]}`);
  }
}

/**
 * A full garbage collection, so a run's peak RSS is its own and not the uncollected result columns of the runs
 * before it (the bench runs under tsx without --expose-gc, so the flag is set here).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The columns a run is compared on and the per-scenario part of a grid. */
function kept(grid: GridShard) {
  const { minSurplus, liquidatingCount, scenarioLiquidating, scenarioLoss, lossHistogram, pending } = grid;
  return { minSurplus, liquidatingCount, scenarioLiquidating, scenarioLoss, lossHistogram, pending };
}

export interface WorkerFigures {
  readonly accounts: number;
  /** `gridPackedBook` on the main thread, one run. */
  readonly oneThreadMs: number;
  /** Best run on a started pool of 1 and of 2 threads. */
  readonly oneWorkerMs: number;
  readonly twoWorkersMs: number;
  /** oneWorkerMs / twoWorkersMs. */
  readonly speedUp: number;
  /** Every run, in order (1 thread, 2 threads alternating). */
  readonly oneWorkerRuns: readonly number[];
  readonly twoWorkersRuns: readonly number[];
  /** Process CPU time / wall time of the best 1- and 2-thread runs. */
  readonly cpuPerWall: readonly [number, number];
  /** Pool start-up (threads booted and one tiny grid each) and stop, 1 and 2 threads (best of the rounds). */
  readonly startupMs: readonly [number, number];
  readonly stopMs: readonly [number, number];
  /** Main-thread serial work of a run: sharing the (already shared) book; the result columns and joining 16 ranges. */
  readonly shareMs: number;
  readonly mergeMs: number;
  /** (share + merge) / oneWorkerMs, and the Amdahl speed-up on 2 free cores it allows. */
  readonly serialShare: number;
  readonly amdahlTwo: number;
  /** Highest RSS sampled during the worker runs (every 20 ms), overall and per thread count. */
  readonly peakRssMb: number;
  readonly runPeakRssMb: readonly [number, number];
  readonly baselineRssMb: number;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

/** Figure 3: the grid of `accounts` synthetic accounts × `ladder` in process and on pools of 1 and 2 threads. */
export async function workerFigures(
  accounts: number,
  ladder: readonly Scenario[],
  runs: number,
  log: (line: string) => void,
): Promise<WorkerFigures> {
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  const dir = mkdtempSync(join(tmpdir(), 'marginkit-bench-'));
  const outfile = join(dir, 'gridTask.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/batch/workers/gridTask.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
  });
  const workerUrl = pathToFileURL(outfile).href;
  const big = syntheticBook(accounts);
  const scenarios = packScenarios(big, ladder);
  const small = syntheticBook(64);
  const smallScenarios = packScenarios(small, ladder);
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const now = () => performance.now();
  try {
    let t = now();
    // Only the compared columns and the per-scenario part are kept, so memory stays the pools' own.
    const reference = kept(gridPackedBook(big, scenarios));
    const oneThreadMs = now() - t;

    // Rounds alternate 1 and 2 threads (a load change hits both alike); one pool is up at a time, started and
    // stopped around its run with both timed apart from the run.
    const wall: [number[], number[]] = [[], []];
    const cpu: [number[], number[]] = [[], []];
    const startupMs: [number[], number[]] = [[], []];
    const stopMs: [number[], number[]] = [[], []];
    const runPeak: [number, number] = [0, 0];
    for (let r = 0; r < runs; r++) {
      for (const k of [0, 1] as const) {
        collectGarbage();
        t = now();
        const pool = await createGridPool({ threads: k + 1, workerUrl });
        await pool.grid(small, smallScenarios, { shards: k + 1 });
        startupMs[k].push(now() - t);
        peakRss = process.memoryUsage().rss;
        const c0 = process.cpuUsage();
        t = now();
        const grid = await pool.grid(big, scenarios);
        const ms = now() - t;
        const c = process.cpuUsage(c0);
        runPeak[k] = Math.max(runPeak[k], peakRss, process.memoryUsage().rss);
        wall[k].push(ms);
        cpu[k].push((c.user + c.system) / 1000 / ms);
        assertSame(`${k + 1}-thread grid surplus`, grid.minSurplus, reference.minSurplus);
        assertSame(`${k + 1}-thread grid count`, grid.liquidatingCount, reference.liquidatingCount);
        t = now();
        await pool.destroy();
        stopMs[k].push(now() - t);
      }
    }
    // The serial parts of a run on the main thread, timed alone.
    t = now();
    shareBook(big);
    const shareMs = now() - t;
    const parts = Array.from({ length: 16 }, () => ({
      scenarioLiquidating: reference.scenarioLiquidating,
      scenarioLoss: reference.scenarioLoss,
      lossHistogram: reference.lossHistogram,
      pending: reference.pending,
    }));
    t = now();
    joinRanges(
      gridColumns(big.accountCount, scenarios.count, false, sharedBuffer),
      parts,
      scenarios.count,
      [],
    );
    const mergeMs = now() - t;

    const best = (k: 0 | 1) => wall[k].indexOf(Math.min(...wall[k]));
    const oneWorkerMs = wall[0][best(0)] as number;
    const twoWorkersMs = wall[1][best(1)] as number;
    const serialShare = (shareMs + mergeMs) / oneWorkerMs;
    const figures: WorkerFigures = {
      accounts,
      oneThreadMs,
      oneWorkerMs,
      twoWorkersMs,
      speedUp: oneWorkerMs / twoWorkersMs,
      oneWorkerRuns: wall[0],
      twoWorkersRuns: wall[1],
      cpuPerWall: [cpu[0][best(0)] as number, cpu[1][best(1)] as number],
      startupMs: [Math.min(...startupMs[0]), Math.min(...startupMs[1])],
      stopMs: [Math.min(...stopMs[0]), Math.min(...stopMs[1])],
      shareMs,
      mergeMs,
      serialShare,
      amdahlTwo: 1 / (serialShare + (1 - serialShare) / 2),
      peakRssMb: Math.max(...runPeak) / 2 ** 20,
      runPeakRssMb: [runPeak[0] / 2 ** 20, runPeak[1] / 2 ** 20],
      baselineRssMb: baselineRss / 2 ** 20,
      loadBefore,
      loadAfter: loadavg().map((x) => Math.round(x * 100) / 100),
    };
    log(
      `workers: in-process ${oneThreadMs.toFixed(0)} ms; runs 1 thread ${wall[0].map((x) => x.toFixed(0)).join(', ')} ms, 2 threads ${wall[1].map((x) => x.toFixed(0)).join(', ')} ms: ${figures.speedUp.toFixed(2)}×; CPU/wall ${figures.cpuPerWall.map((x) => x.toFixed(2)).join(' / ')}; start-up ${figures.startupMs.map((x) => x.toFixed(0)).join(' / ')} ms, stop ${figures.stopMs.map((x) => x.toFixed(0)).join(' / ')} ms; serial: share ${shareMs.toFixed(1)} + columns and join ${mergeMs.toFixed(1)} ms = ${(serialShare * 100).toFixed(2)} % (Amdahl on 2 cores ${figures.amdahlTwo.toFixed(2)}×); peak RSS in the runs ${figures.runPeakRssMb.map((x) => x.toFixed(0)).join(' / ')} MB (${figures.baselineRssMb.toFixed(0)} MB before)`,
    );
    return figures;
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}
