import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkList, checkOptions, checkWhole } from '../internal/argumentShape.js';
import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import { checkPackedBook, checkPackedScenarios } from './batchShape.js';
import { BOUND_PER_TERM, TIER_TOLERANCE } from './errorBound.js';
import type { GridShard } from './GridShard.js';
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

/** True when every position of account `a` is linear with a one-tier schedule: surplus is linear in a uniform shock. */
function factorable(book: PackedBook, a: number): boolean {
  for (let i = book.positionStart[a] as number; i < (book.positionStart[a + 1] as number); i++) {
    const m = book.market[i] as number;
    if (book.inverse[m] === 1 || (book.tierStart[m + 1] as number) - (book.tierStart[m] as number) !== 1)
      return false;
  }
  return true;
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
  const K = scenarios.keyCount;
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
  const { positionStart, fixedCollateral, collateralStart, collateralValue, collateralKey, exposure } = book;
  const { entryPrice, price, funding, isolated, isolatedMargin, open, market, key, inverse, tierStart } =
    book;
  const { tierFloor, tierMaintenance, tierDeduction } = book;
  const mult = scenarios.multiplier;
  const uniform = scenarios.uniform;
  // Scratch for the factored path: per pool c0, c1 (surplus), e1 (equity slope), scale s0, s1, size, open.
  let maxPools = 1;
  for (let a = from; a < to; a++) {
    maxPools = Math.max(maxPools, 1 + (positionStart[a + 1] as number) - (positionStart[a] as number));
  }
  const c0 = new Float64Array(maxPools);
  const c1 = new Float64Array(maxPools);
  const e1 = new Float64Array(maxPools);
  const s0 = new Float64Array(maxPools);
  const s1 = new Float64Array(maxPools);
  const members = new Int32Array(maxPools);
  const exposed = new Uint8Array(maxPools);

  /** Total equity, worst pool surplus and decision of account a under multipliers at `off` (or scalar `u`). */
  // Results of one cell in a typed array (closure variables holding doubles would box on every write).
  const res = new Float64Array(4);
  const cell = (a: number, off: number, u: number): void => {
    let cEq = fixedCollateral[a] as number;
    let cScale = Math.abs(cEq);
    for (let c = collateralStart[a] as number, end = collateralStart[a + 1] as number; c < end; c++) {
      const v =
        (collateralValue[c] as number) * (off < 0 ? u : (mult[off + (collateralKey[c] as number)] as number));
      cEq += v;
      cScale += Math.abs(v);
    }
    let cMmr = 0;
    let cCount = 0;
    let cOpen = false;
    let tEq = 0;
    let worst = Number.POSITIVE_INFINITY;
    let liq = false;
    let unsure = false;
    for (let i = positionStart[a] as number, end = positionStart[a + 1] as number; i < end; i++) {
      const x = exposure[i] as number;
      const p = (price[i] as number) * (off < 0 ? u : (mult[off + (key[i] as number)] as number));
      const e = entryPrice[i] as number;
      const m = market[i] as number;
      const ax = Math.abs(x);
      let notional: number;
      let pnl: number;
      let gross: number;
      if (inverse[m] === 0) {
        notional = ax * p;
        pnl = x * (p - e);
        gross = notional + ax * e;
      } else {
        notional = ax / p;
        pnl = x * (1 / e - 1 / p);
        gross = notional + ax / e;
      }
      const t0 = tierStart[m] as number;
      let t = t0;
      const tEnd = (tierStart[m + 1] as number) - 1;
      if (tEnd > t0) {
        while (t < tEnd && (tierFloor[t + 1] as number) <= notional) t++;
        if (t < tEnd && (tierFloor[t + 1] as number) - notional <= TIER_TOLERANCE * notional) unsure = true;
        if (t > t0 && notional - (tierFloor[t] as number) <= TIER_TOLERANCE * notional) unsure = true;
      }
      const mmf = tierMaintenance[t] as number;
      const d = tierDeduction[t] as number;
      const mmr = notional * mmf - d;
      const f = funding[i] as number;
      const scale = Math.abs(f) + gross + notional * mmf + d;
      if (isolated[i] === 0) {
        cEq += pnl - f;
        cMmr += mmr;
        cScale += scale;
        cCount++;
        if (open[i] === 1) cOpen = true;
      } else {
        const margin = isolatedMargin[i] as number;
        const eq = margin + pnl - f;
        const surplus = eq - mmr;
        if (surplus < worst) worst = surplus;
        if (open[i] === 1) {
          if (surplus < 0) liq = true;
          if (Math.abs(surplus) <= 11 * BOUND_PER_TERM * (scale + Math.abs(margin))) unsure = true;
        }
        tEq += eq;
      }
    }
    const surplus = cEq - cMmr;
    if (surplus < worst) worst = surplus;
    if (cOpen) {
      if (surplus < 0) liq = true;
      if (Math.abs(surplus) <= (3 * cCount + 8) * BOUND_PER_TERM * cScale) unsure = true;
    }
    res[0] = tEq + cEq;
    res[1] = worst;
    res[2] = liq ? 1 : 0;
    res[3] = unsure ? 1 : 0;
  };

  /** Per pool coefficients of a factorable account; returns the pool count. */
  const factor = (a: number): number => {
    const fixed = fixedCollateral[a] as number;
    let moving = 0;
    let movingScale = 0;
    for (let c = collateralStart[a] as number, end = collateralStart[a + 1] as number; c < end; c++) {
      moving += collateralValue[c] as number;
      movingScale += Math.abs(collateralValue[c] as number);
    }
    c0[0] = fixed;
    c1[0] = moving;
    e1[0] = moving;
    s0[0] = Math.abs(fixed);
    s1[0] = movingScale;
    members[0] = 0;
    exposed[0] = 0;
    let pools = 1;
    for (let i = positionStart[a] as number, end = positionStart[a + 1] as number; i < end; i++) {
      const x = exposure[i] as number;
      const p = price[i] as number;
      const e = entryPrice[i] as number;
      const t = tierStart[market[i] as number] as number;
      const mmf = tierMaintenance[t] as number;
      const f = funding[i] as number;
      let k = 0;
      if (isolated[i] === 1) {
        k = pools++;
        const margin = isolatedMargin[i] as number;
        c0[k] = margin;
        c1[k] = 0;
        e1[k] = 0;
        s0[k] = Math.abs(margin);
        s1[k] = 0;
        members[k] = 0;
        exposed[k] = 0;
      }
      c0[k] = (c0[k] as number) - x * e - f;
      c1[k] = (c1[k] as number) + (x - Math.abs(x) * mmf) * p;
      e1[k] = (e1[k] as number) + x * p;
      s0[k] = (s0[k] as number) + Math.abs(x) * e + Math.abs(f);
      s1[k] = (s1[k] as number) + Math.abs(x) * p * (1 + mmf);
      members[k] = (members[k] as number) + 1;
      if (open[i] === 1) exposed[k] = 1;
    }
    return pools;
  };

  for (let a = from; a < to; a++) {
    const r = a - from;
    if (r % GRID_CHUNK === 0) {
      throwIfAborted(options.signal, `grid at account ${a} of ${from}…${to}`);
      if (r > 0) reportProgress(options, r, n);
    }
    cell(a, -1, 1);
    const base = res[0] as number;
    baseEquity[r] = base;
    let worstEq = Number.POSITIVE_INFINITY;
    let worstAt = 0;
    let minSur = Number.POSITIVE_INFINITY;
    let count = 0;
    let first = 0;
    const pools = uniform && factorable(book, a) ? factor(a) : 0;
    for (let s = 0; s < S; s++) {
      if (pools > 0) {
        const f = uniform?.[s] as number;
        let eq = 0;
        let worst = Number.POSITIVE_INFINITY;
        let liq = false;
        let unsure = false;
        for (let k = 0; k < pools; k++) {
          const surplus = (c0[k] as number) + (c1[k] as number) * f;
          eq += (c0[k] as number) + (e1[k] as number) * f;
          if (surplus < worst) worst = surplus;
          if (exposed[k] === 1) {
            if (surplus < 0) liq = true;
            const scale = (s0[k] as number) + (s1[k] as number) * f;
            if (Math.abs(surplus) <= (3 * (members[k] as number) + 8) * BOUND_PER_TERM * scale) unsure = true;
          }
        }
        res[0] = eq;
        res[1] = worst;
        res[2] = liq ? 1 : 0;
        res[3] = unsure ? 1 : 0;
      } else {
        cell(a, s * K, 0);
      }
      const eq = res[0] as number;
      if (eq < worstEq) {
        worstEq = eq;
        worstAt = s;
      }
      if ((res[1] as number) < minSur) minSur = res[1] as number;
      const loss = base - eq;
      scenarioLoss[s] = (scenarioLoss[s] as number) + loss;
      if (edges.length > 0) {
        const b = binOf(edges, loss);
        lossHistogram[b] = (lossHistogram[b] as number) + 1;
      } else lossHistogram[0] = (lossHistogram[0] as number) + 1;
      if (matrix) matrix.equity[r * S + s] = eq;
      if (res[3] === 1) pending.push(a, s);
      else if (res[2] === 1) {
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
