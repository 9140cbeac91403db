// The standard normal distribution in float64, for the batch screen (the exact path is normalCdf.ts).

/** 1/√(2π) to double precision. */
const INV_ROOT_TWO_PI = 0.3989422804014327;
// Up to this a the power series; beyond it Laplace's continued fraction (a crossover measured for accuracy: the
// series' subtraction ½ − φ·Σ loses the tail's relative precision as Q shrinks, the fraction converges slowly near 0).
const SERIES_LIMIT = 3;
// Beyond this a, Q(a) < 1e-314 underflows double's normal range: returned as 0.
const TAIL_CUTOFF = 37.5;
// Loop bounds far above what convergence needs (measured: ≤ 60 series terms at a = 3, ≤ 150 fraction steps at a > 3).
const MAX_TERMS = 1000;
// A series term below this fraction of the sum, or a fraction step this close to 1, ends the loop (below 2⁻⁵³).
const EPS = 1e-17;

/** Standard normal density φ(x) = e^(−x²/2)/√(2π) in float64 (relative error ≤ (x²/2 + 2)·2⁻⁵³). */
export function normalPdfFloat(x: number): number {
  return INV_ROOT_TWO_PI * Math.exp(-0.5 * x * x);
}

/**
 * Upper tail Q(a) = 1 − Φ(a) for a ≥ 0 in float64, `density` = φ(a):
 * - a ≤ 3: ½ − φ(a)·Σ a^(2n+1)/(2n+1)!! (the power series of Abramowitz & Stegun 26.2.11, all terms positive);
 * - 3 < a ≤ 37.5: φ(a)/(a + 1/(a + 2/(a + …))) (Laplace's continued fraction, A&S 26.2.14, modified Lentz);
 * - a > 37.5: 0 (Q < 1e-308).
 * Accuracy, measured against the exact path's 60-digit Q every 0.0137 from 0 to 37.5 (test/options/black76Float.test.ts
 * keeps it): absolute error below 5e-16 everywhere and relative error below 3e-13 (measured 4.3e-16 and 1.9e-13; the
 * relative error grows with a as e^(−a²/2) amplifies the rounding of a², and N(x) for x ≥ 0 is 1 − Q to 5e-16).
 */
export function upperTailFloat(a: number, density: number): number {
  if (a > TAIL_CUTOFF) return 0;
  if (a <= SERIES_LIMIT) {
    const square = a * a;
    let term = a;
    let sum = a;
    for (let n = 0; n < MAX_TERMS; n++) {
      term *= square / (2 * n + 3);
      sum += term;
      if (term < sum * EPS) break;
    }
    return 0.5 - density * sum;
  }
  // Modified Lentz for f = a + 1/(a + 2/(a + 3/(a + …))).
  let f = a;
  let c = a;
  let d = 0;
  for (let j = 1; j < MAX_TERMS; j++) {
    d = 1 / (a + j * d);
    c = a + j / c;
    const step = c * d;
    f *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return density / f;
}

/** Φ(x) in float64: the tail Q(−x) for x < 0 (full relative precision), 1 − Q(x) otherwise; `density` = φ(x). */
export function normalCdfFloat(x: number, density: number = normalPdfFloat(x)): number {
  return x < 0 ? upperTailFloat(-x, density) : 1 - upperTailFloat(x, density);
}
