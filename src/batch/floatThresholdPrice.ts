import type { PackedBook } from './PackedBook.js';

/** Surplus coefficients `f(p) = a + b·p` (linear) or `a + b/p` (inverse) with every leg's tier probed at `probe`. */
function coefficients(book: PackedBook, m: number, legs: readonly number[], constant: number, probe: number) {
  const linear = book.inverse[m] === 0;
  let a = constant;
  let b = 0;
  for (let k = 0; k < legs.length; k += 2) {
    const x = legs[k] as number;
    const e = legs[k + 1] as number;
    const n = linear ? Math.abs(x) * probe : Math.abs(x) / probe;
    let t = book.tierStart[m] as number;
    const tEnd = (book.tierStart[m + 1] as number) - 1;
    while (t < tEnd && (book.tierFloor[t + 1] as number) <= n) t++;
    const mmf = book.tierMaintenance[t] as number;
    const d = book.tierDeduction[t] as number;
    if (linear) {
      a += d - x * e;
      b += x - Math.abs(x) * mmf;
    } else {
      a += d + x / e;
      b -= x + Math.abs(x) * mmf;
    }
  }
  return { a, b };
}

/** The root of the surplus in a segment when it falls in the direction of travel, else 0. */
function root(linear: boolean, a: number, b: number, down: boolean): number {
  const slopeSign = linear ? Math.sign(b) : -Math.sign(b);
  if (slopeSign === 0 || (down ? slopeSign < 0 : slopeSign > 0)) return 0;
  if (linear) return -a / b;
  return a === 0 ? 0 : -b / a;
}

/**
 * Float mirror of the exact threshold solver: the price of market `m` nearest to `p0` (in log distance) at which
 * `constant + Σ_legs (uPnL(p) − MMR(p))` reaches 0, walking tier segments down to 0 and up to ∞; 0 when none.
 * `legs` holds pairs (size·c, entry).
 */
export function floatThresholdPrice(
  book: PackedBook,
  m: number,
  legs: readonly number[],
  constant: number,
  p0: number,
): number {
  const linear = book.inverse[m] === 0;
  const breaks: number[] = [];
  for (let k = 0; k < legs.length; k += 2) {
    const ax = Math.abs(legs[k] as number);
    if (ax === 0) continue;
    for (let t = (book.tierStart[m] as number) + 1; t < (book.tierStart[m + 1] as number); t++) {
      const floor = book.tierFloor[t] as number;
      if (floor > 0) breaks.push(linear ? floor / ax : ax / floor);
    }
  }
  const value = (a: number, b: number, p: number) => (linear ? a + b * p : a + b / p);
  const below = breaks.filter((x) => x < p0).sort((x, y) => y - x);
  const above = breaks.filter((x) => x > p0).sort((x, y) => x - y);
  let down = 0;
  let hi = p0;
  for (let i = 0; i <= below.length && down === 0; i++) {
    const lo = below[i] ?? 0;
    const { a, b } = coefficients(book, m, legs, constant, (hi + lo) / 2);
    if (i > 0 && value(a, b, hi) < 0) {
      down = hi;
      break;
    }
    const r = root(linear, a, b, true);
    if (r > lo && r <= hi && r > 0) down = r;
    hi = lo;
  }
  let up = 0;
  let lo = p0;
  for (let i = 0; i <= above.length && up === 0; i++) {
    const next = above[i];
    const { a, b } = coefficients(book, m, legs, constant, next === undefined ? lo * 2 : (lo + next) / 2);
    if (i > 0 && value(a, b, lo) < 0) {
      up = lo;
      break;
    }
    const r = root(linear, a, b, false);
    if (r >= lo && (next === undefined || r < next)) up = r;
    if (next !== undefined) lo = next;
  }
  if (down > 0 && up > 0) return p0 / down <= up / p0 ? down : up;
  return down > 0 ? down : up;
}
