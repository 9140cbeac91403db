// Basis of a dated future and its cost-of-carry fair price: hand-checked numbers, past-expiry rules, typed errors
// with paths, and the properties that tie the two together.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, futureBasis, futureFairPrice } from '../../src/index.js';
import { invalidArgument } from '../support/invalidArgument.js';

const DAY = 86_400_000;
const YEAR = 365 * DAY;

describe('futureBasis', () => {
  it('measures contango: 102 000 against 100 000 a fifth of a year out', () => {
    const b = futureBasis({ futurePrice: 102_000, indexPrice: '100000', nowMs: 0, expiry: 73 * DAY });
    expect(b.basis.toString()).toBe('2000');
    expect(b.basisFraction.toString()).toBe('0.02');
    expect(b.timeToExpiry.toString()).toBe('0.2');
    // (1.02 − 1) / 0.2
    expect(b.annualizedBasis.toString()).toBe('0.1');
    // ln(1.02) / 0.2 = 0.0198026272961797130260290668851 · 5
    expect(b.impliedRate.toFixed(30)).toBe('0.099013136480898565130145334426');
  });

  it('measures backwardation with a negative basis and rate', () => {
    const b = futureBasis({ futurePrice: 99_000, indexPrice: 100_000, nowMs: 1000, expiry: 1000 + YEAR / 2 });
    expect(b.basis.toString()).toBe('-1000');
    expect(b.basisFraction.toString()).toBe('-0.01');
    expect(b.annualizedBasis.toString()).toBe('-0.02');
    // ln(0.99) · 2 = −0.0201006717070029...
    expect(b.impliedRate.toFixed(16)).toBe('-0.0201006717070029');
  });

  it('gives a zero basis (never −0) when the future trades at the index', () => {
    const b = futureBasis({ futurePrice: '3000.0', indexPrice: 3000, nowMs: 0, expiry: DAY });
    for (const d of [b.basis, b.basisFraction, b.annualizedBasis, b.impliedRate]) {
      expect(d.isZero()).toBe(true);
      expect(d.isNegative()).toBe(false);
    }
  });

  it('rejects an expired future with EXPIRED: it settles at the index and has no basis to annualise', () => {
    for (const nowMs of [DAY, DAY + 1, 10 * DAY]) {
      const e = invalidArgument(() => futureBasis({ futurePrice: 1, indexPrice: 1, nowMs, expiry: DAY }));
      expect(e.code).toBe('EXPIRED');
      expect(e.path).toEqual(['input', 'nowMs']);
    }
  });

  it('rejects bad prices, times and shapes with typed errors and paths', () => {
    const good = { futurePrice: 1, indexPrice: 1, nowMs: 0, expiry: DAY };
    const cases: [unknown, string, (string | number)[]][] = [
      [{ ...good, futurePrice: 0 }, 'INVALID_ARGUMENT', ['input', 'futurePrice']],
      [{ ...good, indexPrice: '-5' }, 'INVALID_ARGUMENT', ['input', 'indexPrice']],
      [{ ...good, indexPrice: 'abc' }, 'INVALID_ARGUMENT', ['input', 'indexPrice']],
      [{ ...good, futurePrice: '1e41' }, 'OUT_OF_RANGE', ['input', 'futurePrice']],
      [{ ...good, nowMs: 0.5 }, 'INVALID_ARGUMENT', ['input', 'nowMs']],
      [{ ...good, expiry: Number.NaN }, 'INVALID_ARGUMENT', ['input', 'expiry']],
      [{ ...good, expiry: 101 * YEAR }, 'INVALID_ARGUMENT', ['input', 'nowMs']],
      [null, 'INVALID_ARGUMENT', ['input']],
    ];
    for (const [input, code, path] of cases) {
      const e = invalidArgument(() => futureBasis(input as never));
      expect(e.code).toBe(code);
      expect(e.path).toEqual(path);
    }
  });
});

describe('futureFairPrice', () => {
  it('compounds the carry continuously: 100 000 · e^(0.05 · 0.5)', () => {
    const f = futureFairPrice({ indexPrice: 100_000, rate: '0.05', nowMs: 0, expiry: YEAR / 2 });
    // e^0.025 = 1.0253151205244288406...
    expect(f.toFixed(10)).toBe('102531.5120524429');
  });

  it('is the index at a zero rate, at expiry and after it (settlement at the index)', () => {
    expect(futureFairPrice({ indexPrice: '123.45', rate: 0, nowMs: 0, expiry: YEAR }).toString()).toBe(
      '123.45',
    );
    expect(futureFairPrice({ indexPrice: 50, rate: '0.3', nowMs: YEAR, expiry: YEAR }).toString()).toBe('50');
    expect(futureFairPrice({ indexPrice: 50, rate: '0.3', nowMs: 2 * YEAR, expiry: YEAR }).toString()).toBe(
      '50',
    );
  });

  it('rejects a carry that takes the price outside the magnitude limits', () => {
    for (const input of [
      { indexPrice: 1, rate: '1000', nowMs: 0, expiry: YEAR },
      { indexPrice: '1e30', rate: '100', nowMs: 0, expiry: YEAR },
      { indexPrice: '1e-30', rate: '-100', nowMs: 0, expiry: YEAR },
    ]) {
      const e = invalidArgument(() => futureFairPrice(input));
      expect(e.code).toBe('OUT_OF_RANGE');
      expect(e.path).toEqual(['input', 'rate']);
    }
    const e = invalidArgument(() => futureFairPrice({ indexPrice: 1, rate: 'x', nowMs: 0, expiry: YEAR }));
    expect(e.path).toEqual(['input', 'rate']);
  });
});

describe('basis properties', () => {
  const price = fc.integer({ min: 1, max: 10_000_000 }).map((n) => new Decimal(n).div(100));
  const remaining = fc.integer({ min: 1, max: 5 * YEAR });

  it('the fair price at r = 0 is the index, for every index and time', () => {
    fc.assert(
      fc.property(price, remaining, (s, tau) => {
        expect(futureFairPrice({ indexPrice: s, rate: 0, nowMs: 0, expiry: tau }).eq(s)).toBe(true);
      }),
    );
  });

  it('the implied rate gives back the future price (to 35 significant digits)', () => {
    fc.assert(
      fc.property(price, price, remaining, (f, s, tau) => {
        const { impliedRate } = futureBasis({ futurePrice: f, indexPrice: s, nowMs: 0, expiry: tau });
        const back = futureFairPrice({ indexPrice: s, rate: impliedRate, nowMs: 0, expiry: tau });
        expect(back.minus(f).abs().lte(f.times('1e-35'))).toBe(true);
      }),
    );
  });

  it('the basis of a fair price shrinks to 0 as τ → 0, monotonically in |basis|', () => {
    fc.assert(
      fc.property(
        price,
        fc.integer({ min: -300, max: 300 }).map((n) => new Decimal(n).div(1000)),
        remaining,
        (s, r, tau) => {
          const basisAt = (ms: number) =>
            futureFairPrice({ indexPrice: s, rate: r, nowMs: 0, expiry: ms }).minus(s).abs();
          const taus = [tau, Math.ceil(tau / 2), Math.ceil(tau / 10), 1, 0];
          const bases = taus.map(basisAt);
          for (let i = 1; i < bases.length; i++) {
            expect((bases[i] as Decimal).lte(bases[i - 1] as Decimal)).toBe(true);
          }
          expect((bases[bases.length - 1] as Decimal).isZero()).toBe(true);
          // |F − S| ≤ S·(e^{|r|τ} − 1) ≤ S·|r|·τ·e^{|r|τ}: within a millisecond it is below S · 1e-10.
          expect((bases[3] as Decimal).lte(s.times('1e-10'))).toBe(true);
        },
      ),
    );
  });
});
