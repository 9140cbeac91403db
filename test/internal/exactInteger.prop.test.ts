// The integer path writes the same Decimals as decimal.js: reading a Decimal as `m · 10^-k` and writing it back is
// the identity, products and sums of exact integers written once equal decimal.js's own results wherever those are
// exact, and a running sum rounds exactly as a chain of Decimal additions does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/internal/decimal.js';
import { decimalOf, ExactSum, readScaled, scaledOf } from '../../src/internal/exactInteger.js';

const RUNS = { numRuns: 2000 };

/** A decimal string with up to `digits` significant digits and an exponent in [-30, 30]. */
const decimalText = (digits: number) =>
  fc
    .tuple(
      fc.bigInt({ min: -(10n ** BigInt(digits)) + 1n, max: 10n ** BigInt(digits) - 1n }),
      fc.integer({ min: -30, max: 30 }),
    )
    .map(([m, e]) => `${m}e${e}`);

/** Decimal fields, to compare representations (not just values). */
const fields = (x: Decimal) => {
  const r = x as unknown as { s: number; e: number; d: number[] };
  return { s: r.s, e: r.e, d: [...r.d] };
};

describe('exact integers beside decimal.js', () => {
  it('scaledOf reads the value exactly, with no trailing zero in m unless k is 0', () => {
    fc.assert(
      fc.property(decimalText(45), (text) => {
        const x = new Decimal(text);
        const s = scaledOf(x);
        if (!s) throw new Error('finite value read as non-finite');
        expect(s.k).toBeGreaterThanOrEqual(0);
        expect(new Decimal(`${s.m}e-${s.k}`).eq(x)).toBe(true);
        if (s.k > 0) expect(s.m % 10n).not.toBe(0n);
        expect(readScaled(x)).toEqual(s);
      }),
      RUNS,
    );
  });

  it('decimalOf writes the same Decimal as decimal.js parses, rounded half-even to 40 digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }),
        fc.integer({ min: 0, max: 70 }),
        (m, k) => {
          const written = decimalOf(m, k);
          const parsed = new Decimal(`${m}e-${k}`).toSignificantDigits(40);
          expect(written.eq(parsed)).toBe(true);
          expect(fields(written)).toEqual(fields(parsed));
          expect(Object.is(written.toNumber(), -0)).toBe(false);
          expect(written).toBeInstanceOf(Decimal);
        },
      ),
      RUNS,
    );
  });

  it('products and differences of exact integers equal decimal.js results below 40 digits', () => {
    fc.assert(
      fc.property(decimalText(19), decimalText(19), decimalText(19), (a, b, c) => {
        const [x, y, z] = [a, b, c].map((t) => new Decimal(t)) as [Decimal, Decimal, Decimal];
        const [sx, sy, sz] = [x, y, z].map((v) => scaledOf(v)) as [
          { m: bigint; k: number },
          { m: bigint; k: number },
          { m: bigint; k: number },
        ];
        expect(decimalOf(sx.m * sy.m, sx.k + sy.k).eq(x.times(y))).toBe(true);
        // x·y − z: exact when the Decimal result needs no more than 40 digits.
        const sum = new ExactSum();
        sum.add(sx.m * sy.m, sx.k + sy.k);
        sum.add(-sz.m, sz.k);
        const viaDecimal = x.times(y).minus(z);
        const exact = new Decimal(`${sx.m * sy.m}e-${sx.k + sy.k}`).minus(new Decimal(`${sz.m}e-${sz.k}`));
        if (exact.eq(viaDecimal)) expect(sum.decimal().eq(viaDecimal)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a running sum equals the chain of Decimal additions, rounding included', () => {
    fc.assert(
      fc.property(fc.array(decimalText(40), { minLength: 1, maxLength: 12 }), (texts) => {
        const sum = new ExactSum();
        let chain: Decimal | undefined;
        for (const t of texts) {
          const x = new Decimal(t);
          sum.addDecimal(x);
          chain = chain === undefined ? x.plus(0) : chain.plus(x);
        }
        expect(fields(sum.decimal())).toEqual(fields(chain as Decimal));
      }),
      RUNS,
    );
  });

  it('reads and writes hand-checked values', () => {
    expect(scaledOf(new Decimal('0.5'))).toEqual({ m: 5n, k: 1 });
    expect(scaledOf(new Decimal('50123.45'))).toEqual({ m: 5012345n, k: 2 });
    expect(scaledOf(new Decimal('1e30'))).toEqual({ m: 10n ** 30n, k: 0 });
    expect(scaledOf(new Decimal('-0.0001'))).toEqual({ m: -1n, k: 4 });
    expect(scaledOf(new Decimal(Number.POSITIVE_INFINITY))).toBeUndefined();
    expect(decimalOf(249865398250n, 6).toString()).toBe('249865.39825');
    expect(decimalOf(-100n, 9).toString()).toBe('-1e-7');
    expect(decimalOf(0n, 12).toString()).toBe('0');
    // 41 digits, half-even: ...45 → ...4, ...55 → ...6 in the 40th digit.
    expect(decimalOf(10n ** 40n + 5n, 0).toFixed()).toBe('10000000000000000000000000000000000000000');
    expect(decimalOf(10n ** 40n + 15n, 0).toFixed()).toBe('10000000000000000000000000000000000000020');
  });
});
