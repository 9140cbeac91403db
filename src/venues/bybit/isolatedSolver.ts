// Internal: the price at which an isolated Bybit position's margin balance equals a maintenance requirement.
//
// With signed size S, A = |S|, s = sign(S), position margin M, taker rate t (0 when the close fee is left out) and a
// base requirement R (entry basis: the constant E = value(EP)·m − d; mark basis: value(p)·m − d), Bybit's fee-aware
// texts add to R the fee to close at the price where R would be lost as well, t·(value(p) ∓ R):
//
//   linear   M + S·(p − EP)     = R + t·(A·p − s·R)
//   inverse  M + S·(1/EP − 1/p) = R + t·(A/p + s·R)
//
// Both are linear in p (linear) or in 1/p (inverse), so the root is one division. With t = 0 the mark-basis
// branches compute exactly what the generic engine does (same operations in the same order), so the two agree to
// the last digit.
import type { Decimal } from '../../internal/decimal.js';
import type { BybitPriceLevel } from './BybitPositionTerms.js';
import type { ReadTerms } from './terms.js';

/** Which value the maintenance margin is computed on. */
export type MaintenanceBasis = 'entry' | 'mark';

export interface IsolatedSolution {
  readonly level: BybitPriceLevel;
  /** Requirement at the solution (base requirement plus the fee term); equals the margin balance there. */
  readonly requirement?: Decimal;
}

/** The value of the position at price p: `A·p` (linear) or `A/p` (inverse). */
function valueAt(t: ReadTerms, p: Decimal): Decimal {
  return t.kind === 'linear' ? t.abs.times(p) : t.abs.div(p);
}

/**
 * Solves `M + PnL(p) = R(p) + fee(p)` for p. `m` and `d` are the maintenance rate and deduction (0 and 0 give the
 * bankruptcy price), `fee` the taker rate or 0.
 */
export function solveIsolated(
  t: ReadTerms,
  margin: Decimal,
  m: Decimal,
  d: Decimal,
  basis: MaintenanceBasis,
  fee: Decimal,
): IsolatedSolution {
  const { size: S, abs: A, sign: s, entryPrice: EP } = t;
  const direction = s.isPositive() ? 'down' : 'up';
  let price: Decimal | undefined;
  if (t.kind === 'linear') {
    let alpha: Decimal;
    let beta: Decimal;
    if (basis === 'entry') {
      const E = t.entryValue.times(m).minus(d);
      alpha = margin.minus(S.times(EP)).minus(E).plus(s.times(fee).times(E));
      beta = S.minus(fee.times(A));
    } else {
      alpha = margin.plus(d).minus(S.times(EP)).minus(s.times(fee).times(d));
      beta = S.minus(A.times(m)).minus(fee.times(A)).plus(s.times(fee).times(A).times(m));
    }
    if (!beta.isZero()) price = alpha.negated().div(beta);
  } else {
    let numerator: Decimal;
    let denominator: Decimal;
    if (basis === 'entry') {
      const E = t.entryValue.times(m).minus(d);
      numerator = S.plus(fee.times(A));
      denominator = margin.plus(S.div(EP)).minus(E).minus(s.times(fee).times(E));
    } else {
      numerator = S.plus(A.times(m)).plus(fee.times(A)).plus(s.times(fee).times(A).times(m));
      denominator = margin.plus(d).plus(S.div(EP)).plus(s.times(fee).times(d));
    }
    if (!denominator.isZero()) price = numerator.div(denominator);
  }
  if (!price?.isPositive() || price.isZero()) return { level: { kind: 'never' } };
  const base = basis === 'entry' ? t.entryValue.times(m).minus(d) : valueAt(t, price).times(m).minus(d);
  const atBankruptcy =
    t.kind === 'linear' ? valueAt(t, price).minus(s.times(base)) : valueAt(t, price).plus(s.times(base));
  return {
    level: { kind: 'price', price, direction },
    requirement: base.plus(fee.times(atBankruptcy)),
  };
}

/**
 * The position margin the formulas hold: `IM + fee₀ + extra`, where fee₀ (only with a fee rate) is the estimated
 * fee to close at the initial bankruptcy price, `t · value(BP₀)`.
 */
export function positionMargin(t: ReadTerms, fee: Decimal, bankruptcyValue: Decimal): Decimal {
  const im = t.initialMargin;
  return fee.isZero() ? im.plus(t.extraMargin) : im.plus(fee.times(bankruptcyValue)).plus(t.extraMargin);
}
