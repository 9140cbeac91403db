import type { Decimal } from '../internal/decimal.js';
import { sqrtTwoPi, WIDE_PRECISION, wideDecimal } from './wideDecimal.js';

// Beyond this |x| the tail 1 − Φ(|x|) is below 4e-350: it is returned as exactly 0 (Φ as 0 or 1).
const TAIL_CUTOFF = 40;
// Up to this |x| the power series (all terms positive); beyond it the continued fraction, which converges
// slowly below it (measured: about equal cost near 8).
const SERIES_LIMIT = 8;
// Terms stop once they fall below this fraction of the sum: 2 digits beyond the working precision.
const STOP_EXPONENT = -(WIDE_PRECISION + 2);
// A hard bound on the loop lengths, far above what convergence needs anywhere in the ranges above.
const MAX_TERMS = 2000;

/** Standard normal density φ(x) = exp(−x²/2)/√(2π), at the working precision. */
export function normalPdf(x: Decimal): Decimal {
  const W = wideDecimal();
  return new W(x).times(x).div(-2).exp().div(sqrtTwoPi());
}

/**
 * Upper tail Q(a) = 1 − Φ(a) of the standard normal for a ≥ 0, at the working precision (60 digits).
 *
 * - a ≤ 8: Q = ½ − φ(a)·Σₙ a^(2n+1)/(2n+1)!!, the power series of Φ (Abramowitz & Stegun 26.2.11); all terms
 *   positive, summed until a term is below 1e-62 of the sum and the term ratio a²/(2n+3) is below ½, so the
 *   neglected rest is below 2e-62 of the sum. At a = 8 the subtraction ½ − φ·Σ loses 16 of the 60 digits
 *   (Q(8) ≈ 6e-16), leaving a relative error below 1e-43.
 * - 8 < a ≤ 40: Q = φ(a) / (a + 1/(a + 2/(a + 3/(a + …)))), Laplace's continued fraction (A&S 26.2.14),
 *   evaluated by the modified Lentz method until a step changes the value by less than 1e-62.
 * - a > 40: Q < 4e-350 and is returned as 0.
 *
 * `density` is φ(a) when the caller already has it (φ is even, so φ(−a) serves too).
 *
 * The result therefore has a relative error below 1e-43, under the 40 significant digits results are rounded to.
 */
export function upperTail(a: Decimal, density: Decimal = normalPdf(a)): Decimal {
  const W = wideDecimal();
  const x = new W(a);
  if (x.greaterThan(TAIL_CUTOFF)) return new W(0);
  if (x.isZero()) return new W('0.5');
  if (x.lessThanOrEqualTo(SERIES_LIMIT)) {
    const square = x.times(x);
    let term = x;
    let sum = x;
    for (let n = 0; n < MAX_TERMS; n++) {
      const ratio = square.div(2 * n + 3);
      term = term.times(ratio);
      sum = sum.plus(term);
      // term < 10^(term.e + 1) ≤ 10^(sum.e + STOP_EXPONENT) ≤ sum · 1e-62: a cheap exponent test.
      if (term.e < sum.e + STOP_EXPONENT && ratio.lessThan('0.5')) break;
    }
    return new W('0.5').minus(density.times(sum));
  }
  // Modified Lentz for f = b + 1/(b + 2/(b + 3/(b + …))) with b = a.
  const tiny = `1e${STOP_EXPONENT}`;
  let f = x;
  let c = x;
  let d = new W(0);
  for (let j = 1; j < MAX_TERMS; j++) {
    d = x.plus(d.times(j));
    d = new W(1).div(d);
    c = x.plus(new W(j).div(c));
    const step = c.times(d);
    f = f.times(step);
    if (step.minus(1).abs().lessThan(tiny)) break;
  }
  return density.div(f);
}

/**
 * Standard normal cumulative distribution Φ(x), at the working precision: Φ(x) = Q(−x) for x < 0 (the tail, with
 * full relative precision however small) and 1 − Q(x) for x ≥ 0; `density` is φ(x)
 * when known. See {@link upperTail} for the method and accuracy.
 */
export function normalCdf(x: Decimal, density: Decimal = normalPdf(x)): Decimal {
  const W = wideDecimal();
  return x.isNegative() ? upperTail(x.neg(), density) : new W(1).minus(upperTail(x, density));
}
