import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { DydxFraction } from './DydxFraction.js';
import { fromBig, toBig } from './quantums.js';

// Exact rational arithmetic for the dYdX v4 venue model (the chain's `big.Rat`), on native bigints so that no
// intermediate product is ever rounded. Integer Decimals come in through their full digit strings and results go
// back the same way (a Decimal built from a string keeps every digit).

/** A rational `n / d` with `d > 0`, in lowest terms. */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** An integer Decimal as a bigint. */
export const big = toBig;

/** A bigint as a library Decimal (exact). */
export const dec = fromBig;

/** `n / d` in lowest terms (`d ≠ 0`). */
export function rat(n: bigint, d = 1n): Rat {
  if (d === 0n) throw new InvalidArgumentError('INVALID_ARGUMENT', 'division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export function add(a: Rat, b: Rat): Rat {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rat, b: Rat): Rat {
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rat, b: Rat): Rat {
  return rat(a.n * b.n, a.d * b.d);
}

export function div(a: Rat, b: Rat): Rat {
  return rat(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as `a` is below, equal to or above `b`. */
export function cmp(a: Rat, b: Rat): -1 | 0 | 1 {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `a` clamped to `[lo, hi]`. */
export function clamp(a: Rat, lo: Rat, hi: Rat): Rat {
  return cmp(a, lo) < 0 ? lo : cmp(a, hi) > 0 ? hi : a;
}

/** Floor (toward −∞) of `a`, or its ceiling when `up` (`lib.BigRatRound`). */
export function round(a: Rat, up: boolean): bigint {
  let q = a.n / a.d; // truncates toward zero
  const r = a.n % a.d;
  if (r !== 0n && a.n < 0n) q -= 1n;
  if (r !== 0n && up) q += 1n;
  return q;
}

/** `10^e` as a rational (e may be negative). */
export function pow10(e: number): Rat {
  return e >= 0 ? rat(10n ** BigInt(e)) : rat(1n, 10n ** BigInt(-e));
}

/** The public form of a rational. */
export function toFraction(a: Rat): DydxFraction {
  return { numerator: dec(a.n), denominator: dec(a.d) };
}
