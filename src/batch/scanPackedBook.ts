import { checkOptions } from '../internal/argumentShape.js';
import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import { type AccountScan, LIQUIDATION_STATUS, type PositionScan } from './AccountScan.js';
import { checkPackedBook } from './batchShape.js';
import { BOUND_PER_TERM, TIER_TOLERANCE } from './errorBound.js';
import { floatThresholdPrice } from './floatThresholdPrice.js';
import type { PackedBook } from './PackedBook.js';

/**
 * Options of {@link scanPackedBook} and {@link scanAccounts}.
 * @category Batch
 */
export interface ScanOptions extends ProgressOptions {
  /** Also estimate every position's liquidation price and distance (a second pass per account). Default false. */
  readonly liquidationPrices?: boolean;
}

/** Accounts between two progress reports and abort checks. */
export const CHUNK = 4096;

/**
 * The float screen of every packed account: per pool (cross, each isolated position)
 * `equity = collateral + Σ uPnL − Σ funding`, `IMR = Σ N · max(IMF_t, 1/L)`, `MMR = Σ (N · MMF_t − d_t)` with the tier
 * t chosen by the notional N, then the totals, the liquidatable flag (a pool with an open position and
 * `equity < MMR`) and the initial-margin check (`equity ≥ IMR` in every pool). Linear: `N = |s·c|·p`,
 * `uPnL = s·c·(p − e)`; inverse: `N = |s·c|/p`, `uPnL = s·c·(1/e − 1/p)`.
 *
 * Each pool also gets the error bound `(3k + 8) · 2⁻⁵¹ · S` (S its gross scale, see docs/concepts/batch.md); an
 * account whose `equity − MMR` or `equity − IMR` lies within it, or whose notional lies within 2⁻⁴⁶ of a tier
 * floor, is flagged `needsExact` for {@link confirmScan}. Progress counts accounts; the signal is checked every
 * 4096 accounts.
 *
 * @param book - a packed book.
 * @param options - liquidation prices, progress, signal.
 * @throws {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, packAccounts, scanPackedBook } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }],
 *   positions: [{ marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }] });
 * const scan = scanPackedBook(packAccounts([account], createPrices({ markets: { BTC: { mark: 49_000 } } })));
 * [scan.equity[0], scan.maintenanceRequirement[0], scan.liquidatable[0]]; // => [900, 245, 0]
 * ```
 * @category Batch
 */
export function scanPackedBook(book: PackedBook, options: ScanOptions = {}): AccountScan {
  checkPackedBook(book);
  checkOptions(options);
  const A = book.accountCount;
  const equityOut = new Float64Array(A);
  const imrOut = new Float64Array(A);
  const mmrOut = new Float64Array(A);
  const freeOut = new Float64Array(A);
  const ratioOut = new Float64Array(A);
  const liquidatable = new Uint8Array(A);
  const meetsInitial = new Uint8Array(A);
  const needsExact = new Uint8Array(A);
  const positions: PositionScan | undefined = options.liquidationPrices
    ? {
        liquidationStatus: new Uint8Array(book.positionCount),
        liquidationPrice: new Float64Array(book.positionCount),
        distance: new Float64Array(book.positionCount),
      }
    : undefined;
  const out = { equityOut, imrOut, mmrOut, freeOut, ratioOut, liquidatable, meetsInitial, needsExact };
  for (let start = 0; start < A; start += CHUNK) {
    throwIfAborted(options.signal, `scan at account ${start} of ${A}`);
    const end = Math.min(A, start + CHUNK);
    scanRange(book, start, end, out, positions);
    if (end < A) reportProgress(options, end, A);
  }
  reportProgress(options, A, A);
  return {
    accountIds: book.accountIds,
    equity: equityOut,
    initialRequirement: imrOut,
    maintenanceRequirement: mmrOut,
    freeCollateral: freeOut,
    marginRatio: ratioOut,
    liquidatable,
    meetsInitial,
    needsExact,
    exactCount: 0,
    ...(positions ? { positions } : {}),
  };
}

/** Output columns of a scan. */
interface ScanColumns {
  readonly equityOut: Float64Array;
  readonly imrOut: Float64Array;
  readonly mmrOut: Float64Array;
  readonly freeOut: Float64Array;
  readonly ratioOut: Float64Array;
  readonly liquidatable: Uint8Array;
  readonly meetsInitial: Uint8Array;
  readonly needsExact: Uint8Array;
}

/** The float pass over accounts start…end−1 (a small function, so the engine optimises it as a whole). */
function scanRange(
  book: PackedBook,
  start: number,
  end: number,
  out: ScanColumns,
  positions: PositionScan | undefined,
): void {
  const { positionStart, fixedCollateral, collateralStart, collateralValue, exposure, entryPrice, price } =
    book;
  const { funding, isolated, isolatedMargin, open, leverageFraction, market, inverse, tierStart } = book;
  const { tierFloor, tierInitial, tierMaintenance, tierDeduction } = book;
  const tol = TIER_TOLERANCE;
  const unit = BOUND_PER_TERM;

  const { equityOut, imrOut, mmrOut, freeOut, ratioOut, liquidatable, meetsInitial, needsExact } = out;
  for (let a = start; a < end; a++) {
    let cEq = fixedCollateral[a] as number;
    let cScale = Math.abs(cEq);
    for (let c = collateralStart[a] as number, end = collateralStart[a + 1] as number; c < end; c++) {
      const v = collateralValue[c] as number;
      cEq += v;
      cScale += Math.abs(v);
    }
    let cImr = 0;
    let cMmr = 0;
    let cCount = 0;
    let cOpen = false;
    let tEq = 0;
    let tImr = 0;
    let tMmr = 0;
    let isoFree = 0;
    let liq = false;
    let initialOk = true;
    let unsure = false;
    const p0 = positionStart[a] as number;
    const p1 = positionStart[a + 1] as number;
    for (let i = p0; i < p1; i++) {
      const x = exposure[i] as number;
      const p = price[i] as number;
      const e = entryPrice[i] as number;
      const m = market[i] as number;
      const ax = Math.abs(x);
      let n: number;
      let pnl: number;
      let gross: number;
      if (inverse[m] === 0) {
        n = ax * p;
        pnl = x * (p - e);
        gross = n + ax * e;
      } else {
        n = ax / p;
        pnl = x * (1 / e - 1 / p);
        gross = n + ax / e;
      }
      const t0 = tierStart[m] as number;
      const tEnd = (tierStart[m + 1] as number) - 1;
      let t = t0;
      if (tEnd > t0) {
        while (t < tEnd && (tierFloor[t + 1] as number) <= n) t++;
        const near = tol * n;
        if (
          (t < tEnd && (tierFloor[t + 1] as number) - n <= near) ||
          (t > t0 && n - (tierFloor[t] as number) <= near)
        )
          unsure = true;
      }
      const lev = leverageFraction[i] as number;
      const imf = Math.max(tierInitial[t] as number, lev);
      const mmf = tierMaintenance[t] as number;
      const d = tierDeduction[t] as number;
      const imr = n * imf;
      const mmr = n * mmf - d;
      const f = funding[i] as number;
      const scale = Math.abs(f) + gross + n * (imf + mmf) + d;
      if (isolated[i] === 0) {
        cEq += pnl - f;
        cImr += imr;
        cMmr += mmr;
        cScale += scale;
        cCount++;
        if (open[i] === 1) cOpen = true;
      } else {
        const margin = isolatedMargin[i] as number;
        const eq = margin + pnl - f;
        const bound = 11 * unit * (scale + Math.abs(margin));
        if (open[i] === 1) {
          if (eq < mmr) liq = true;
          if (Math.abs(eq - mmr) <= bound) unsure = true;
        }
        const free = eq - imr;
        if (free < 0) initialOk = false;
        else isoFree += free;
        if (Math.abs(free) <= bound) unsure = true;
        tEq += eq;
        tImr += imr;
        tMmr += mmr;
      }
    }
    const cBound = (3 * cCount + 8) * unit * cScale;
    if (cOpen) {
      if (cEq < cMmr) liq = true;
      if (Math.abs(cEq - cMmr) <= cBound) unsure = true;
    }
    const cFree = cEq - cImr;
    if (cFree < 0) initialOk = false;
    if (Math.abs(cFree) <= cBound) unsure = true;
    tEq += cEq;
    tImr += cImr;
    tMmr += cMmr;
    equityOut[a] = tEq;
    imrOut[a] = tImr;
    mmrOut[a] = tMmr;
    freeOut[a] = cFree + isoFree;
    ratioOut[a] = tMmr === 0 ? 0 : tEq > 0 ? tMmr / tEq : Number.POSITIVE_INFINITY;
    liquidatable[a] = liq ? 1 : 0;
    meetsInitial[a] = initialOk ? 1 : 0;
    needsExact[a] = unsure ? 1 : 0;
    if (positions) scanLiquidationPrices(book, a, cEq, cMmr, cOpen, positions);
  }
}

/** Second pass over one account: each position's pool threshold price, the float mirror of the exact solver. */
function scanLiquidationPrices(
  book: PackedBook,
  a: number,
  crossEquity: number,
  crossMmr: number,
  crossOpen: boolean,
  out: PositionScan,
): void {
  const p0 = book.positionStart[a] as number;
  const p1 = book.positionStart[a + 1] as number;
  for (let i = p0; i < p1; i++) {
    const iso = book.isolated[i] === 1;
    const p = book.price[i] as number;
    let eq: number;
    let mmr: number;
    let exposed: boolean;
    if (iso) {
      const own = poolMember(book, i);
      eq = (book.isolatedMargin[i] as number) + own.pnl - (book.funding[i] as number);
      mmr = own.mmr;
      exposed = book.open[i] === 1;
    } else {
      eq = crossEquity;
      mmr = crossMmr;
      exposed = crossOpen;
    }
    let status: number = LIQUIDATION_STATUS.never;
    let found = 0;
    if (exposed && eq < mmr) status = LIQUIDATION_STATUS.now;
    else if (eq >= mmr) {
      // Constant part: the pool without the PnL and MMR of the legs in this market.
      let constant = eq - mmr;
      const legs: number[] = [];
      for (let j = iso ? i : p0; j < (iso ? i + 1 : p1); j++) {
        if (!iso && book.isolated[j] === 1) continue;
        if (book.market[j] !== book.market[i]) continue;
        const leg = poolMember(book, j);
        constant -= leg.pnl - leg.mmr;
        legs.push(book.exposure[j] as number, book.entryPrice[j] as number);
      }
      const root = floatThresholdPrice(book, book.market[i] as number, legs, constant, p);
      if (root > 0) {
        status = LIQUIDATION_STATUS.price;
        found = root;
      }
    }
    out.liquidationStatus[i] = status;
    out.liquidationPrice[i] = found;
    out.distance[i] = status === LIQUIDATION_STATUS.price ? (found - p) / p : 0;
  }
}

/** One position's PnL and MMR at the packed price. */
function poolMember(book: PackedBook, i: number): { pnl: number; mmr: number } {
  const x = book.exposure[i] as number;
  const p = book.price[i] as number;
  const e = book.entryPrice[i] as number;
  const m = book.market[i] as number;
  const linear = book.inverse[m] === 0;
  const n = linear ? Math.abs(x) * p : Math.abs(x) / p;
  let t = book.tierStart[m] as number;
  const tEnd = (book.tierStart[m + 1] as number) - 1;
  while (t < tEnd && (book.tierFloor[t + 1] as number) <= n) t++;
  return {
    pnl: linear ? x * (p - e) : x * (1 / e - 1 / p),
    mmr: n * (book.tierMaintenance[t] as number) - (book.tierDeduction[t] as number),
  };
}
