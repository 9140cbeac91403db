import { BOUND_PER_TERM } from './errorBound.js';
import type { GridScratch } from './gridCells.js';
import type { PackedBook } from './PackedBook.js';

/** True when every position of account `a` is linear with a one-tier schedule: surplus is linear in a uniform shock. */
export function factorable(book: PackedBook, a: number): boolean {
  for (let i = book.positionStart[a] as number; i < (book.positionStart[a + 1] as number); i++) {
    const m = book.market[i] as number;
    if (book.inverse[m] === 1 || (book.tierStart[m + 1] as number) - (book.tierStart[m] as number) !== 1)
      return false;
  }
  return true;
}

/**
 * Cells of a factorable account under uniform shocks f (slots 1…S): per pool `equity − MMR = c₀ + c₁ · f`,
 * `equity = c₀ + e₁ · f` and the bound's scale `s₀ + s₁ · f`, so a scenario costs O(pools), not O(positions).
 */
export function factoredCells(book: PackedBook, a: number, uniform: Float64Array, out: GridScratch): void {
  const { c0, c1, e1, s0, s1, members, exposed } = out;
  const unit = BOUND_PER_TERM;
  const fixed = book.fixedCollateral[a] as number;
  let moving = 0;
  let movingScale = 0;
  for (let c = book.collateralStart[a] as number, end = book.collateralStart[a + 1] as number; c < end; c++) {
    moving += book.collateralValue[c] as number;
    movingScale += Math.abs(book.collateralValue[c] as number);
  }
  c0[0] = fixed;
  c1[0] = moving;
  e1[0] = moving;
  s0[0] = Math.abs(fixed);
  s1[0] = movingScale;
  members[0] = 0;
  exposed[0] = 0;
  let pools = 1;
  for (let i = book.positionStart[a] as number, end = book.positionStart[a + 1] as number; i < end; i++) {
    const x = book.exposure[i] as number;
    const p = book.price[i] as number;
    const e = book.entryPrice[i] as number;
    const mmf = book.tierMaintenance[book.tierStart[book.market[i] as number] as number] as number;
    const f = book.funding[i] as number;
    let k = 0;
    if (book.isolated[i] === 1) {
      k = pools++;
      const margin = book.isolatedMargin[i] as number;
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
    if (book.open[i] === 1) exposed[k] = 1;
  }
  for (let s = 0; s < uniform.length; s++) {
    const f = uniform[s] as number;
    let eq = 0;
    let worst = Number.POSITIVE_INFINITY;
    let liq = 0;
    let unsure = 0;
    for (let k = 0; k < pools; k++) {
      const surplus = (c0[k] as number) + (c1[k] as number) * f;
      eq += (c0[k] as number) + (e1[k] as number) * f;
      if (surplus < worst) worst = surplus;
      if (exposed[k] === 1) {
        if (surplus < 0) liq = 1;
        const scale = (s0[k] as number) + (s1[k] as number) * f;
        if (Math.abs(surplus) <= (3 * (members[k] as number) + 8) * unit * scale) unsure = 1;
      }
    }
    out.equity[s + 1] = eq;
    out.worst[s + 1] = worst;
    out.liquidatable[s + 1] = liq;
    out.unsure[s + 1] = unsure;
  }
}
