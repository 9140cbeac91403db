// The batch screen's figures: scan and grid kernels against a minimal hand-written float64 loop of the same
// formulas, worker-thread speed-up and peak memory on a large grid, and the screen-then-exact check on random
// accounts. `runBatchBench(FULL)` is what `npm run bench` records; the test suite runs it on TINY.
import { cpus, loadavg } from 'node:os';
import { measure } from 'mitata';
import { rebuildAccount } from '../src/account/rebuildAccount.js';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  gridPackedBook,
  type MarginAccount,
  type PackedBook,
  type Position,
  packAccounts,
  packScenarios,
  scanAccounts,
  scanPackedBook,
  summarizeAccount,
  uniformLadder,
} from '../src/index.js';
import { randomBook, seeded } from '../test/support/randomBook.js';
import { type WorkerFigures, workerFigures } from './batchWorkers.js';

export interface BatchBenchSize {
  /** Accounts of 10 tiered cross positions for the scan and grid ratios. */
  readonly accounts: number;
  /** Scenarios of the grid ratio and the worker grid. */
  readonly scenarios: number;
  /** Accounts of the worker grid (4 tiered positions each, packed directly). */
  readonly workerAccounts: number;
  /** Random accounts of the screen-then-exact check. */
  readonly exactAccounts: number;
  /** mitata sampling: minimum CPU time per measurement, ns. */
  readonly minCpuTime: number;
}

export const FULL: BatchBenchSize = {
  accounts: 10_000,
  scenarios: 100,
  workerAccounts: 1_000_000,
  exactAccounts: 100_000,
  minCpuTime: 1e9,
};
export const TINY: BatchBenchSize = {
  accounts: 50,
  scenarios: 5,
  workerAccounts: 1_000,
  exactAccounts: 150,
  minCpuTime: 1e6,
};

const N = 10;
const tiers = [
  { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
  { notionalFloor: 250_000, initialFraction: '0.04', maintenanceFraction: '0.02' },
  { notionalFloor: 1_000_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
];

/** `count` accounts of 10 tiered cross positions, notionals spread over the three tiers. */
export function tieredAccounts(count: number): {
  accounts: MarginAccount[];
  prices: ReturnType<typeof createPrices>;
} {
  const rand = seeded(9);
  const markets = Array.from({ length: N }, (_, i) => ({
    id: `M${i}`,
    kind: 'linear' as const,
    baseAsset: `A${i}`,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'tiered' as const, tiers },
  }));
  const marks = markets.map((_, i) => (1000 + i * 137.5).toFixed(2));
  const prices = createPrices({ markets: Object.fromEntries(marks.map((m, i) => [`M${i}`, { mark: m }])) });
  const template = createMarginAccount({ settleAsset: 'USDT', markets });
  const accounts = Array.from({ length: count }, () => {
    const positions = markets.map((m, i) => {
      const size = (rand() < 0.5 ? -1 : 1) * Number((10 ** (rand() * 3.3 - 1)).toPrecision(5));
      return {
        id: m.id,
        marketId: m.id,
        size: String(size),
        entryPrice: (Number(marks[i]) * (0.95 + rand() * 0.1)).toFixed(2),
        marginMode: 'cross' as const,
      };
    });
    const collateral = {
      asset: 'USDT',
      amount: new Decimal((2e4 + rand() * 2e5).toFixed(2)),
      weight: new Decimal(1),
      liabilityWeight: new Decimal(1),
    };
    // Inputs: rebuildAccount creates each position against the template's markets.
    return rebuildAccount(template, positions as unknown as Position[], [collateral]);
  });
  return { accounts, prices };
}

/**
 * Minimal float64 scan of the same formula over the packed columns, returning the same columns as the batch scan
 * (cross pools only, tiered; no error bound, no tier check, no isolated pools).
 */
export function minimalScan(book: PackedBook) {
  const { positionStart, fixedCollateral, exposure, price, entryPrice, funding, market, tierStart } = book;
  const { tierFloor, tierInitial, tierMaintenance, tierDeduction } = book;
  const A = book.accountCount;
  const equity = new Float64Array(A);
  const initial = new Float64Array(A);
  const maintenance = new Float64Array(A);
  const free = new Float64Array(A);
  const ratio = new Float64Array(A);
  const liquidatable = new Uint8Array(A);
  const meetsInitial = new Uint8Array(A);
  for (let a = 0; a < A; a++) {
    let eq = fixedCollateral[a] as number;
    let imr = 0;
    let mmr = 0;
    for (let i = positionStart[a] as number; i < (positionStart[a + 1] as number); i++) {
      const x = exposure[i] as number;
      const p = price[i] as number;
      const m = market[i] as number;
      const n = Math.abs(x) * p;
      let t = tierStart[m] as number;
      const end = (tierStart[m + 1] as number) - 1;
      while (t < end && (tierFloor[t + 1] as number) <= n) t++;
      eq += x * (p - (entryPrice[i] as number)) - (funding[i] as number);
      imr += n * (tierInitial[t] as number);
      mmr += n * (tierMaintenance[t] as number) - (tierDeduction[t] as number);
    }
    equity[a] = eq;
    initial[a] = imr;
    maintenance[a] = mmr;
    free[a] = eq - imr;
    ratio[a] = mmr === 0 ? 0 : eq > 0 ? mmr / eq : Number.POSITIVE_INFINITY;
    liquidatable[a] = eq < mmr ? 1 : 0;
    meetsInitial[a] = eq >= imr ? 1 : 0;
  }
  return { equity, initial, maintenance, free, ratio, liquidatable, meetsInitial };
}

/** Minimal float64 grid: per account and uniform shock f, the lowest equity − MMR and the scenarios liquidating. */
export function minimalGrid(
  book: PackedBook,
  factors: Float64Array,
  minSurplus: Float64Array,
  count: Int32Array,
) {
  const { positionStart, fixedCollateral, exposure, price, entryPrice, funding, market, tierStart } = book;
  const { tierFloor, tierMaintenance, tierDeduction } = book;
  for (let a = 0; a < book.accountCount; a++) {
    let worst = Number.POSITIVE_INFINITY;
    let c = 0;
    for (let s = 0; s < factors.length; s++) {
      const f = factors[s] as number;
      let eq = fixedCollateral[a] as number;
      let mmr = 0;
      for (let i = positionStart[a] as number; i < (positionStart[a + 1] as number); i++) {
        const x = exposure[i] as number;
        const p = (price[i] as number) * f;
        const m = market[i] as number;
        const n = Math.abs(x) * p;
        let t = tierStart[m] as number;
        const end = (tierStart[m + 1] as number) - 1;
        while (t < end && (tierFloor[t + 1] as number) <= n) t++;
        eq += x * (p - (entryPrice[i] as number)) - (funding[i] as number);
        mmr += n * (tierMaintenance[t] as number) - (tierDeduction[t] as number);
      }
      const surplus = eq - mmr;
      if (surplus < worst) worst = surplus;
      if (surplus < 0) c++;
    }
    minSurplus[a] = worst;
    count[a] = c;
  }
}

function assertEqual(what: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`${what}: lengths differ`);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) throw new Error(`${what}: differs at ${i}: ${a[i]} vs ${b[i]}`);
  }
}

/**
 * Median time (ns) of `a` and of `b`, measured in alternating mitata rounds so that a load change on the shared
 * machine hits both alike: each round takes mitata's p50 of each, the result is the median over rounds (7 at full
 * size, 2 on the tiny input).
 */
async function paired(a: () => unknown, b: () => unknown, size: BatchBenchSize): Promise<[number, number]> {
  const ta: number[] = [];
  const tb: number[] = [];
  const rounds = size.minCpuTime < 1e7 ? 2 : 7;
  for (let round = 0; round < rounds; round++) {
    const options = { min_cpu_time: size.minCpuTime / rounds, min_samples: 3 };
    ta.push((await measure(a, options)).p50);
    tb.push((await measure(b, options)).p50);
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1] as number;
  return [mid(ta), mid(tb)];
}

/**
 * Median process CPU time (ns) per call of `a` and of `b`, called alternately until `budget` ns of CPU time are
 * spent (at least 5 pairs). CPU time does not count the time other processes hold the core, so on a shared
 * machine it is the steadier figure; it does count this process's GC and compiler threads.
 */
function pairedCpu(a: () => unknown, b: () => unknown, budget: number): [number, number] {
  const ta: number[] = [];
  const tb: number[] = [];
  const cpu = (fn: () => unknown) => {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) * 1000;
  };
  let spent = 0;
  while (ta.length < 5 || spent < budget) {
    const x = cpu(a);
    const y = cpu(b);
    ta.push(x);
    tb.push(y);
    spent += x + y;
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1] as number;
  return [mid(ta), mid(tb)];
}

export interface BatchFigures {
  readonly machine: string;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly scan: {
    readonly batchNs: number;
    readonly minimalNs: number;
    readonly ratio: number;
    /** Median CPU time per call (ns) and their ratio. */
    readonly cpuBatchNs: number;
    readonly cpuMinimalNs: number;
    readonly cpuRatio: number;
    readonly accountsPerSecond: number;
  };
  readonly grid: {
    readonly batchNs: number;
    readonly minimalNs: number;
    readonly ratio: number;
    /** Median CPU time per call (ns) and their ratio. */
    readonly cpuBatchNs: number;
    readonly cpuMinimalNs: number;
    readonly cpuRatio: number;
    readonly cellsPerSecond: number;
    readonly factoredNs: number;
  };
  readonly workers: WorkerFigures;
  readonly exact: {
    readonly accounts: number;
    readonly mismatches: number;
    readonly recomputedShare: number;
    readonly plainAccounts: number;
    readonly plainMismatches: number;
    readonly plainRecomputedShare: number;
    readonly liquidatableShare: number;
    readonly seconds: number;
  };
}

/** Decisions of a screened scan against the exact engine: mismatches and the share recomputed. */
function checkExact(book: ReturnType<typeof randomBook>): {
  mismatches: number;
  share: number;
  liquidatable: number;
} {
  const scan = scanAccounts(book.accounts, book.prices);
  let mismatches = 0;
  let liquidatable = 0;
  book.accounts.forEach((account, a) => {
    const s = summarizeAccount(account, book.prices);
    const meets =
      !s.cross.freeCollateral.isNegative() && s.isolated.every((p) => !p.freeCollateral.isNegative());
    if ((s.total.liquidatable ? 1 : 0) !== scan.liquidatable[a] || (meets ? 1 : 0) !== scan.meetsInitial[a])
      mismatches++;
    if (s.total.liquidatable) liquidatable++;
  });
  return { mismatches, share: scan.exactCount / book.accounts.length, liquidatable };
}

export async function runBatchBench(
  size: BatchBenchSize,
  log: (line: string) => void = () => {},
): Promise<BatchFigures> {
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}`;

  // Scenarios: uniform shocks −50 % … +49 % (100 at full size).
  const step = (1 / size.scenarios).toFixed(6);
  const ladder = uniformLadder('-0.5', String(0.5 - 1 / size.scenarios), step).slice(0, size.scenarios);

  // 3 (run first, on a fresh heap). Workers: a large grid in process and on pools of 1 and 2 threads.
  const workers = await workerFigures(size.workerAccounts, ladder, size.minCpuTime < 1e7 ? 1 : 3, log);

  // 1. Scan: 10-position tiered accounts.
  const { accounts, prices } = tieredAccounts(size.accounts);
  const book = packAccounts(accounts, prices);
  const A = book.accountCount;
  const minimal = minimalScan(book);
  const scan = scanPackedBook(book);
  assertEqual('scan equity', scan.equity, minimal.equity);
  assertEqual('scan IMR', scan.initialRequirement, minimal.initial);
  assertEqual('scan MMR', scan.maintenanceRequirement, minimal.maintenance);
  assertEqual('scan free collateral', scan.freeCollateral, minimal.free);
  assertEqual('scan margin ratio', scan.marginRatio, minimal.ratio);
  assertEqual('scan liquidatable', scan.liquidatable, minimal.liquidatable);
  assertEqual('scan initial check', scan.meetsInitial, minimal.meetsInitial);
  const [scanBatch, scanMinimal] = await paired(
    () => scanPackedBook(book),
    () => minimalScan(book),
    size,
  );
  const [scanCpu, scanMinimalCpu] = pairedCpu(
    () => scanPackedBook(book),
    () => minimalScan(book),
    size.minCpuTime,
  );
  log(
    `scan: batch ${(scanBatch / 1e6).toFixed(3)} ms, minimal ${(scanMinimal / 1e6).toFixed(3)} ms per ${A} accounts (${(scanMinimal / scanBatch).toFixed(2)}×); CPU time ${(scanCpu / 1e6).toFixed(3)} / ${(scanMinimalCpu / 1e6).toFixed(3)} ms (${(scanMinimalCpu / scanCpu).toFixed(2)}×)`,
  );

  // 2. Grid: the same accounts × uniform shocks (tiered, so the per-position path).
  const scenarios = packScenarios(book, ladder);
  const factors = scenarios.uniform ?? new Float64Array(0);
  const minSurplus = new Float64Array(A);
  const count = new Int32Array(A);
  minimalGrid(book, factors, minSurplus, count);
  const grid = gridPackedBook(book, scenarios);
  assertEqual('grid min surplus', grid.minSurplus, minSurplus);
  const pendingPerAccount = new Int32Array(A);
  for (let k = 0; k < grid.pending.length; k += 2) {
    const a = grid.pending[k] as number;
    pendingPerAccount[a] = (pendingPerAccount[a] as number) + 1;
  }
  for (let a = 0; a < A; a++) {
    const certain = grid.liquidatingCount[a] as number;
    if (certain > (count[a] as number) || certain + (pendingPerAccount[a] as number) < (count[a] as number)) {
      throw new Error(`grid count differs at ${a}`);
    }
  }
  const [gridBatch, gridMinimal] = await paired(
    () => gridPackedBook(book, scenarios),
    () => minimalGrid(book, factors, minSurplus, count),
    size,
  );
  const [gridCpu, gridMinimalCpu] = pairedCpu(
    () => gridPackedBook(book, scenarios),
    () => minimalGrid(book, factors, minSurplus, count),
    size.minCpuTime * 3,
  );
  // The factored path: the same grid with every market's first tier only (flat schedules).
  const flat: PackedBook = {
    ...book,
    tierStart: Int32Array.from({ length: N + 1 }, (_, m) => m),
    tierFloor: new Float64Array(N),
    tierInitial: new Float64Array(N).fill(0.02),
    tierMaintenance: new Float64Array(N).fill(0.01),
    tierDeduction: new Float64Array(N),
  };
  const [gridFactored] = await paired(
    () => gridPackedBook(flat, scenarios),
    () => 0,
    size,
  );
  log(
    `grid: batch ${(gridBatch / 1e6).toFixed(2)} ms, minimal ${(gridMinimal / 1e6).toFixed(2)} ms (${(gridMinimal / gridBatch).toFixed(2)}×), factored ${(gridFactored / 1e6).toFixed(2)} ms; CPU time ${(gridCpu / 1e6).toFixed(2)} / ${(gridMinimalCpu / 1e6).toFixed(2)} ms (${(gridMinimalCpu / gridCpu).toFixed(2)}×)`,
  );

  // 4. Screen then exact on random accounts (with threshold-built accounts, and plainly random ones).
  const t0 = performance.now();
  const edgeBook = randomBook(size.exactAccounts, 1);
  const edged = checkExact(edgeBook);
  const plainCount = Math.max(1, Math.floor(size.exactAccounts / 10));
  const plain = checkExact(randomBook(plainCount, 2, { edges: false }));
  const seconds = (performance.now() - t0) / 1000;
  log(
    `exact: ${edged.mismatches} mismatches on ${size.exactAccounts}, ${(edged.share * 100).toFixed(2)}% recomputed`,
  );

  return {
    machine,
    loadBefore,
    loadAfter: loadavg().map((x) => Math.round(x * 100) / 100),
    scan: {
      batchNs: scanBatch,
      minimalNs: scanMinimal,
      ratio: scanMinimal / scanBatch,
      cpuBatchNs: scanCpu,
      cpuMinimalNs: scanMinimalCpu,
      cpuRatio: scanMinimalCpu / scanCpu,
      accountsPerSecond: (A / scanBatch) * 1e9,
    },
    grid: {
      batchNs: gridBatch,
      minimalNs: gridMinimal,
      ratio: gridMinimal / gridBatch,
      cpuBatchNs: gridCpu,
      cpuMinimalNs: gridMinimalCpu,
      cpuRatio: gridMinimalCpu / gridCpu,
      cellsPerSecond: ((A * size.scenarios) / gridBatch) * 1e9,
      factoredNs: gridFactored,
    },
    workers,
    exact: {
      accounts: size.exactAccounts,
      mismatches: edged.mismatches,
      recomputedShare: edged.share,
      plainAccounts: plainCount,
      plainMismatches: plain.mismatches,
      plainRecomputedShare: plain.share,
      liquidatableShare: edged.liquidatable / size.exactAccounts,
      seconds,
    },
  };
}
