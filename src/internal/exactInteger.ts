import { ZERO } from './constants.js';
import { Decimal } from './decimal.js';

// Exact integer arithmetic beside decimal.js for the hot paths: a finite decimal is read once as `m · 10^-k`
// (m a bigint, k ≥ 0), sums and products are then exact integer operations, and results are written back as
// library Decimals. Nothing is rounded on the way; a result with more than the library's 40 significant digits
// is rounded once, half-even, as the Decimal operations would round it.

/** A finite decimal `m · 10^-k` with `k ≥ 0`. */
export interface Scaled {
  readonly m: bigint;
  readonly k: number;
}

const WORD = 10_000_000;
const WORD_N = 10_000_000n;
const DIGITS = 40;
const powers: bigint[] = [];

/** `10^n` as a bigint (n ≥ 0), from a table grown on demand. */
export function pow10(n: number): bigint {
  for (let i = powers.length; i <= n; i++) powers.push(i === 0 ? 1n : (powers[i - 1] as bigint) * 10n);
  return powers[n] as bigint;
}

/** Decimal digits of a word (0 ≤ word < 10⁷). */
function digitsOf(word: number): number {
  if (word < 1e3) return word < 10 ? 1 : word < 100 ? 2 : 3;
  return word < 1e4 ? 4 : word < 1e5 ? 5 : word < 1e6 ? 6 : 7;
}

const read = /*#__PURE__*/ new WeakMap<Decimal, Scaled>();

/**
 * The value of a finite Decimal as `m · 10^-k`, from its base-10⁷ words (decimal.js stores `d`, words most
 * significant first, the first without leading zeros, no trailing zero word, and `e`, the exponent of the most
 * significant digit). Cached per Decimal instance (instances are immutable). `undefined` for ±Infinity and NaN.
 */
export function scaledOf(x: Decimal): Scaled | undefined {
  const hit = read.get(x);
  if (hit !== undefined) return hit;
  const scaled = readScaled(x);
  if (scaled !== undefined) read.set(x, scaled);
  return scaled;
}

/** {@link scaledOf} without the cache, for values made and dropped within one call. */
export function readScaled(x: Decimal): Scaled | undefined {
  const d = (x as unknown as { d: number[] | null }).d;
  if (d === null) return undefined;
  const e = x.e;
  const n = d.length;
  let m = 0n;
  if (n <= 2) m = BigInt(n === 1 ? (d[0] as number) : (d[0] as number) * WORD + (d[1] as number));
  else for (let i = 0; i < n; i++) m = m * WORD_N + BigInt(d[i] as number);
  // Exponent of the last word's units digit.
  let unit = e - digitsOf(d[0] as number) + 1 - 7 * (n - 1);
  let last = d[n - 1] as number;
  if (last !== 0 && unit < 0) {
    let zeros = 0;
    while (zeros < -unit && last % 10 === 0) {
      last /= 10;
      zeros++;
    }
    if (zeros > 0) {
      m /= pow10(zeros);
      unit += zeros;
    }
  }
  if (x.s < 0) m = -m;
  return unit >= 0 ? { m: m * pow10(unit), k: 0 } : { m, k: -unit };
}

/** `a·10^-ka` brought to scale `k ≥ ka`. */
export function rescale(m: bigint, from: number, to: number): bigint {
  return from === to ? m : m * pow10(to - from);
}

const SAFE = 9007199254740991n;

/**
 * A new library Decimal with the given sign, exponent and words (already normalised: no leading or trailing zero
 * word, in range). Built as a zero and then given its fields, in the order decimal.js's constructor writes them, so
 * it has the constructor's own shape, without the constructor's checks and copy of the words.
 */
export function withFields(s: number, e: number, d: number[]): Decimal {
  const x = new Decimal(0) as unknown as { s: number; e: number; d: number[] };
  x.s = s;
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
}

/** The library Decimal of `m · 10^-k` (k ≥ 0), rounded half-even to 40 significant digits if it has more. */
export function decimalOf(m: bigint, k: number): Decimal {
  if (m === 0n) return ZERO();
  let s = 1;
  if (m < 0n) {
    s = -1;
    m = -m;
  }
  // Align the scale to whole words, so the decimal point falls between two words.
  const r = k % 7;
  if (r !== 0) {
    m *= pow10(7 - r);
    k += 7 - r;
  }
  // Words least significant first.
  const words: number[] = [];
  if (m <= SAFE) {
    let v = Number(m);
    while (v >= WORD) {
      const high = Math.floor(v / WORD);
      words.push(v - high * WORD);
      v = high;
    }
    words.push(v);
  } else {
    while (m > 0n) {
      words.push(Number(m % WORD_N));
      m /= WORD_N;
    }
  }
  let low = 0;
  while (words[low] === 0) low++;
  const top = words.length - 1;
  const d: number[] = new Array(top - low + 1);
  for (let i = top; i >= low; i--) d[top - i] = words[i] as number;
  const lead = digitsOf(words[top] as number);
  const x = withFields(s, lead - 1 + 7 * top - k, d);
  // More than 40 significant digits needs at least six words.
  if (top - low < 5) return x;
  let significant = lead + 7 * (top - low);
  let tail = words[low] as number;
  while (tail % 10 === 0) {
    tail /= 10;
    significant--;
  }
  return significant > DIGITS ? x.toSignificantDigits(DIGITS) : x;
}

/**
 * A running exact sum `m · 10^-k`: terms at any scale are added without rounding, and the sum is written once as
 * a Decimal (rounded only if it has more than 40 significant digits).
 */
export class ExactSum {
  m = 0n;
  k = 0;

  /**
   * Adds `m · 10^-k`, then rounds the sum half-even to 40 significant digits if it has more — what a chain of
   * Decimal additions does at each step, so the sum equals the one added up term by term with Decimals.
   */
  add(m: bigint, k: number): void {
    if (k === this.k) this.m += m;
    else if (k < this.k) this.m += m * pow10(this.k - k);
    else {
      this.m = this.m * pow10(k - this.k) + m;
      this.k = k;
    }
    const limit = pow10(DIGITS);
    if (this.m >= limit || this.m <= -limit) this.round();
  }

  private round(): void {
    const negative = this.m < 0n;
    const a = negative ? -this.m : this.m;
    const drop = a.toString().length - DIGITS;
    const unit = pow10(drop);
    let q = a / unit;
    const twice = (a - q * unit) * 2n;
    if (twice > unit || (twice === unit && q % 2n === 1n)) q += 1n;
    let k = this.k - drop;
    if (k < 0) {
      q *= pow10(-k);
      k = 0;
    }
    this.m = negative ? -q : q;
    this.k = k;
  }

  /**
   * Adds a value computed as `m · 10^-k` and reported as `written`: the exact integers unless the value had to be
   * rounded to 40 digits when written, in which case the reported (rounded) value, so the sum adds up what is shown.
   */
  addWritten(m: bigint, k: number, written: Decimal): void {
    const limit = pow10(DIGITS);
    if (m < limit && m > -limit) this.add(m, k);
    else this.addDecimal(written);
  }

  /** Adds a Decimal. */
  addDecimal(x: Decimal): void {
    const s = readScaled(x) as Scaled;
    this.add(s.m, s.k);
  }

  /** Subtracts a Decimal. */
  subtractDecimal(x: Decimal): void {
    const s = readScaled(x) as Scaled;
    this.add(-s.m, s.k);
  }

  /** The sum as a library Decimal. */
  decimal(): Decimal {
    return decimalOf(this.m, this.k);
  }
}
