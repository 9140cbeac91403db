import { BOUND_PER_TERM, TIER_TOLERANCE } from './errorBound.js';
import type { PackedBook } from './PackedBook.js';
import type { PackedScenarios } from './packScenarios.js';

// The grid's inner kernels. One account's cells are computed position by position, each position over every
// scenario slot in a tight loop (slot 0 is today's prices, slot s + 1 scenario s): the position's columns, tier
// range and funding are read once per account instead of once per cell, and each slot still sums the same terms in
// the same order as one cell at a time would, so the floats are identical.

/** Per-slot scratch of one account's cells, reused across accounts (length: scenarios + 1). */
export interface GridScratch {
  /** Cross pool equity, maintenance requirement and gross scale per slot. */
  readonly crossEquity: Float64Array;
  readonly crossMmr: Float64Array;
  readonly crossScale: Float64Array;
  /** Σ isolated pools' equity per slot. */
  readonly isolatedEquity: Float64Array;
  /** Results per slot: total equity, lowest pool surplus, some pool liquidatable, undecided by the float screen. */
  readonly equity: Float64Array;
  readonly worst: Float64Array;
  readonly liquidatable: Uint8Array;
  readonly unsure: Uint8Array;
  /** Factored path, per pool: surplus `c0 + c1·f`, equity slope e1, scale `s0 + s1·f`, members, open. */
  readonly c0: Float64Array;
  readonly c1: Float64Array;
  readonly e1: Float64Array;
  readonly s0: Float64Array;
  readonly s1: Float64Array;
  readonly members: Int32Array;
  readonly exposed: Uint8Array;
}

/** Scratch for `slots` scenario slots and accounts of at most `maxPools − 1` positions. */
export function createGridScratch(slots: number, maxPools: number): GridScratch {
  return {
    crossEquity: new Float64Array(slots),
    crossMmr: new Float64Array(slots),
    crossScale: new Float64Array(slots),
    isolatedEquity: new Float64Array(slots),
    equity: new Float64Array(slots),
    worst: new Float64Array(slots),
    liquidatable: new Uint8Array(slots),
    unsure: new Uint8Array(slots),
    c0: new Float64Array(maxPools),
    c1: new Float64Array(maxPools),
    e1: new Float64Array(maxPools),
    s0: new Float64Array(maxPools),
    s1: new Float64Array(maxPools),
    members: new Int32Array(maxPools),
    exposed: new Uint8Array(maxPools),
  };
}

/**
 * The scenario multipliers key-major with today's slot first: entry `k · (S + 1) + 0` is 1 and
 * `k · (S + 1) + s + 1` is scenario s's multiplier of key k, so a position's slots are contiguous.
 */
export function shockTable(scenarios: PackedScenarios): Float64Array {
  const S = scenarios.count;
  const K = scenarios.keyCount;
  const table = new Float64Array(K * (S + 1));
  for (let k = 0; k < K; k++) {
    table[k * (S + 1)] = 1;
    for (let s = 0; s < S; s++) table[k * (S + 1) + s + 1] = scenarios.multiplier[s * K + k] as number;
  }
  return table;
}

/** Per isolated position of one account, per slot (index `(i − first position) · slots + slot`): equity, MMR, scale. */
export interface IsolatedCells {
  readonly equity: Float64Array;
  readonly mmr: Float64Array;
  /** The gross scale S of the pool's bound `11 · 2⁻⁵¹ · S` (margin included). */
  readonly scale: Float64Array;
}

/**
 * Cells of account `a` in slots 0…slots−1 at prices `p · table[key · stride + slot]`: per pool equity, `MMR = N · MMF_t − d_t`
 * with the tier t of the shocked notional, the error bound `(3k + 8) · 2⁻⁵¹ · S` (isolated: `11 · 2⁻⁵¹ · S`) and
 * the tier-floor check, as {@link scanPackedBook} computes them. With `pools`, each isolated pool's figures are kept too.
 */
export function positionCells(
  book: PackedBook,
  a: number,
  table: Float64Array,
  stride: number,
  slots: number,
  out: GridScratch,
  pools?: IsolatedCells,
): void {
  const { collateralStart, collateralValue, collateralKey, exposure, entryPrice, price, funding } = book;
  const { isolated, isolatedMargin, open, market, key, inverse, tierStart, tierFloor } = book;
  const { tierMaintenance, tierDeduction } = book;
  const { crossEquity, crossMmr, crossScale, isolatedEquity, equity, worst, liquidatable, unsure } = out;
  // Module constants copied to locals: the inner loop then reads registers, not module bindings.
  const unit = BOUND_PER_TERM;
  const tol = TIER_TOLERANCE;
  const fixed = book.fixedCollateral[a] as number;
  const fixedScale = Math.abs(fixed);
  for (let s = 0; s < slots; s++) {
    crossEquity[s] = fixed;
    crossMmr[s] = 0;
    crossScale[s] = fixedScale;
    isolatedEquity[s] = 0;
    worst[s] = Number.POSITIVE_INFINITY;
    liquidatable[s] = 0;
    unsure[s] = 0;
  }
  for (let c = collateralStart[a] as number, end = collateralStart[a + 1] as number; c < end; c++) {
    const value = collateralValue[c] as number;
    const r = (collateralKey[c] as number) * stride;
    for (let s = 0; s < slots; s++) {
      const v = value * (table[r + s] as number);
      crossEquity[s] = (crossEquity[s] as number) + v;
      crossScale[s] = (crossScale[s] as number) + Math.abs(v);
    }
  }
  let crossCount = 0;
  let crossOpen = false;
  for (let i = book.positionStart[a] as number, end = book.positionStart[a + 1] as number; i < end; i++) {
    const x = exposure[i] as number;
    const p0 = price[i] as number;
    const e = entryPrice[i] as number;
    const m = market[i] as number;
    const r = (key[i] as number) * stride;
    const ax = Math.abs(x);
    const linear = inverse[m] === 0;
    // Price-independent terms: the entry side of the gross scale, and 1/e for inverse PnL.
    const entrySide = linear ? ax * e : ax / e;
    const inverseEntry = 1 / e;
    const t0 = tierStart[m] as number;
    const tEnd = (tierStart[m + 1] as number) - 1;
    const f = funding[i] as number;
    const absF = Math.abs(f);
    const iso = isolated[i] === 1;
    const exposedLeg = open[i] === 1;
    const margin = isolatedMargin[i] as number;
    const absMargin = Math.abs(margin);
    if (!iso) {
      crossCount++;
      if (exposedLeg) crossOpen = true;
    }
    for (let s = 0; s < slots; s++) {
      const p = p0 * (table[r + s] as number);
      let notional: number;
      let pnl: number;
      if (linear) {
        notional = ax * p;
        pnl = x * (p - e);
      } else {
        notional = ax / p;
        pnl = x * (inverseEntry - 1 / p);
      }
      const gross = notional + entrySide;
      let t = t0;
      if (tEnd > t0) {
        while (t < tEnd && (tierFloor[t + 1] as number) <= notional) t++;
        if (
          (t < tEnd && (tierFloor[t + 1] as number) - notional <= tol * notional) ||
          (t > t0 && notional - (tierFloor[t] as number) <= tol * notional)
        )
          unsure[s] = 1;
      }
      const mmf = tierMaintenance[t] as number;
      const d = tierDeduction[t] as number;
      const mmr = notional * mmf - d;
      const scale = absF + gross + notional * mmf + d;
      if (!iso) {
        crossEquity[s] = (crossEquity[s] as number) + (pnl - f);
        crossMmr[s] = (crossMmr[s] as number) + mmr;
        crossScale[s] = (crossScale[s] as number) + scale;
      } else {
        const eq = margin + pnl - f;
        const surplus = eq - mmr;
        if (pools) {
          const at = (i - (book.positionStart[a] as number)) * slots + s;
          pools.equity[at] = eq;
          pools.mmr[at] = mmr;
          pools.scale[at] = scale + absMargin;
        }
        if (surplus < (worst[s] as number)) worst[s] = surplus;
        if (exposedLeg) {
          if (surplus < 0) liquidatable[s] = 1;
          if (Math.abs(surplus) <= 11 * unit * (scale + absMargin)) unsure[s] = 1;
        }
        isolatedEquity[s] = (isolatedEquity[s] as number) + eq;
      }
    }
  }
  const crossBound = (3 * crossCount + 8) * unit;
  for (let s = 0; s < slots; s++) {
    const cEq = crossEquity[s] as number;
    const surplus = cEq - (crossMmr[s] as number);
    if (surplus < (worst[s] as number)) worst[s] = surplus;
    if (crossOpen) {
      if (surplus < 0) liquidatable[s] = 1;
      if (Math.abs(surplus) <= crossBound * (crossScale[s] as number)) unsure[s] = 1;
    }
    equity[s] = (isolatedEquity[s] as number) + cEq;
  }
}
