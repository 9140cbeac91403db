// black76Float against the exact path: worked examples, a property test on generated options (each greek within the
// documented tolerance of black76Greeks), put-call parity in float64, the expiry rule, the float normal tail against the
// exact one, and every bad input rejected by a typed error naming the field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Black76FloatInput,
  black76Float,
  black76Greeks,
  black76Price,
  Decimal,
  InvalidArgumentError,
} from '../../src/index.js';
import { upperTail } from '../../src/options/normalCdf.js';
import { normalPdfFloat, upperTailFloat } from '../../src/options/normalCdfFloat.js';

// Each exact evaluation costs about a millisecond.
const RUNS = { numRuns: 200 };

const num = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 1e6), max: Math.round(max * 1e6) }).map((i) => i / 1e6);

const optionArb = fc
  .record({
    optionType: fc.constantFrom('call' as const, 'put' as const),
    forward: num(1, 1_000_000),
    moneyness: num(0.5, 2),
    volatility: num(0.05, 3),
    time: num(0.002, 5),
    rate: num(-0.1, 0.1),
    settlement: fc.constantFrom('linear' as const, 'inverse' as const),
  })
  .map(
    (g): Black76FloatInput => ({
      optionType: g.optionType,
      forward: g.forward,
      strike: Number((g.forward * g.moneyness).toPrecision(12)),
      volatility: g.volatility,
      time: g.time,
      rate: g.rate,
      settlement: g.settlement,
    }),
  );

/** Each greek's error against the exact path, as a fraction of its allowance (≤ 1 passes). */
function errorShares(o: Black76FloatInput): number[] {
  const f = black76Float(o);
  const e = black76Greeks(o);
  const { forward: F, strike: K, volatility: sigma, time: t } = o;
  const coin = o.settlement === 'inverse' ? F : 1;
  const rootT = Math.sqrt(t);
  // The documented allowances: absolute for price and delta, relative plus a scale for the others.
  const allow = [
    (1e-13 * (F + K)) / coin,
    1e-12 * (o.settlement === 'inverse' ? (1 + K / F) / F : 1),
    1e-9 * Math.abs(e.gamma.toNumber()) + 1e-13 / (F * sigma * rootT) / coin,
    1e-9 * Math.abs(e.vega.toNumber()) + (1e-13 * F * rootT) / coin,
    1e-9 * Math.abs(e.theta.toNumber()) + (1e-13 * F * sigma) / rootT / coin,
  ];
  const got = [f.price, f.delta, f.gamma, f.vega, f.theta];
  const want = [e.price, e.delta, e.gamma, e.vega, e.theta];
  return got.map(
    (g, i) =>
      new Decimal(g)
        .minus(want[i] as Decimal)
        .abs()
        .toNumber() / (allow[i] as number),
  );
}

describe('black76Float', () => {
  it('reproduces Haug’s Black-76 example (F = K = 19, t = 0.75, r = 10 %, σ = 28 %: 1.7011)', () => {
    const haug = {
      optionType: 'call',
      forward: 19,
      strike: 19,
      volatility: 0.28,
      time: 0.75,
      rate: 0.1,
    } as const;
    const g = black76Float(haug);
    expect(g.price.toFixed(4)).toBe('1.7011');
    expect(g.delta.toFixed(4)).toBe('0.5086');
    const coin = black76Float({ ...haug, settlement: 'inverse' });
    expect(coin.price.toFixed(6)).toBe('0.089529');
  });

  it('reproduces Hull’s futures-put example (F = K = 20, r = 9 %, σ = 25 %, 4 months: 1.12, delta −0.4573)', () => {
    const g = black76Float({
      optionType: 'put',
      forward: 20,
      strike: 20,
      volatility: 0.25,
      time: 1 / 3,
      rate: 0.09,
    });
    expect(g.price.toFixed(2)).toBe('1.12');
    expect(g.delta.toFixed(4)).toBe('-0.4573');
  });

  it('equals black76Greeks within the documented tolerance on generated options (linear and inverse)', () => {
    let worst = [0, 0, 0, 0, 0];
    fc.assert(
      fc.property(optionArb, (o) => {
        const shares = errorShares(o);
        worst = worst.map((w, i) => Math.max(w, shares[i] as number));
        expect(Math.max(...shares)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
    // The tolerance is not vacuous: the worst error uses a visible share of some allowance, and none is exactly 0.
    expect(Math.max(...worst)).toBeGreaterThan(1e-6);
  });

  it('fails the tolerance when a greek is off by a relative 1e-8 (the comparison can fail)', () => {
    const o: Black76FloatInput = {
      optionType: 'call',
      forward: 100,
      strike: 110,
      volatility: 0.5,
      time: 0.1,
    };
    const f = black76Float(o);
    const e = black76Greeks(o);
    expect(Math.abs(f.price * (1 + 1e-8) - e.price.toNumber())).toBeGreaterThan(1e-13 * 210);
  });

  it('keeps put-call parity in float64: C − P = DF·(F − K) within 4e-16·(F + K) (in coin: divided by F)', () => {
    fc.assert(
      fc.property(optionArb, (o) => {
        const call = black76Float({ ...o, optionType: 'call' }).price;
        const put = black76Float({ ...o, optionType: 'put' }).price;
        const discount = Math.exp(-(o.rate ?? 0) * o.time);
        const coin = o.settlement === 'inverse' ? o.forward : 1;
        const parity = (discount * (o.forward - o.strike)) / coin;
        expect(Math.abs(call - put - parity)).toBeLessThanOrEqual((4e-15 * (o.forward + o.strike)) / coin);
      }),
      { numRuns: 1000 },
    );
  });

  it('is the payoff at expiry, whatever the volatility (delta 1, ½ at the strike, 0; no −0)', () => {
    const at = (optionType: 'call' | 'put', forward: number, strike: number, settlement?: 'inverse') =>
      black76Float({
        optionType,
        forward,
        strike,
        volatility: 0,
        time: 0,
        ...(settlement ? { settlement } : {}),
      });
    expect(at('call', 120, 100)).toEqual({ price: 20, delta: 1, gamma: 0, vega: 0, theta: 0 });
    expect(at('put', 80, 100)).toEqual({ price: 20, delta: -1, gamma: 0, vega: 0, theta: 0 });
    expect(at('call', 100, 100).delta).toBe(0.5);
    expect(at('put', 100, 100).delta).toBe(-0.5);
    const otm = at('put', 120, 100);
    expect(Object.is(otm.price, 0) && Object.is(otm.delta, 0) && Object.is(otm.gamma, 0)).toBe(true);
    // Inverse at expiry: 20/120 coin, delta (1 − 20/120)/120, as the exact path.
    const coin = at('call', 120, 100, 'inverse');
    const exact = black76Greeks({
      optionType: 'call',
      forward: 120,
      strike: 100,
      volatility: 0,
      time: 0,
      settlement: 'inverse',
    });
    expect(coin.price).toBeCloseTo(exact.price.toNumber(), 15);
    expect(coin.delta).toBeCloseTo(exact.delta.toNumber(), 15);
    expect(coin.gamma).toBeCloseTo(exact.gamma.toNumber(), 15);
    expect(
      black76Float({ optionType: 'call', forward: 120, strike: 100, volatility: 0.5, time: 0 }).price,
    ).toBe(20);
  });

  it('agrees with the exact value deep out of the money to an absolute 1e-13·(F + K)', () => {
    const o = { optionType: 'put', forward: 3000, strike: 1500, volatility: 0.9, time: 0.0027 } as const;
    const f = black76Float(o).price;
    expect(f).toBeGreaterThanOrEqual(0);
    expect(Math.abs(f - black76Price(o).toNumber())).toBeLessThan(1e-13 * 4500);
  });

  it('computes the normal tail within 5e-16 absolute and 3e-13 relative of the exact one (0 … 37.5)', () => {
    let maxAbs = 0;
    let maxRel = 0;
    for (let a = 0; a <= 37.5; a += 0.0137) {
      const exact = upperTail(new Decimal(a)).toNumber();
      const err = Math.abs(upperTailFloat(a, normalPdfFloat(a)) - exact);
      maxAbs = Math.max(maxAbs, err);
      if (exact > 0) maxRel = Math.max(maxRel, err / exact);
    }
    expect(maxAbs).toBeLessThan(5e-16);
    expect(maxRel).toBeLessThan(3e-13);
    expect(upperTailFloat(40, normalPdfFloat(40))).toBe(0);
  });

  it('rejects bad inputs with INVALID_ARGUMENT naming the field', () => {
    const good: Black76FloatInput = {
      optionType: 'call',
      forward: 100,
      strike: 100,
      volatility: 0.5,
      time: 0.1,
    };
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ forward: 0 }, ['option', 'forward']],
      [{ forward: -1 }, ['option', 'forward']],
      [{ forward: '100' }, ['option', 'forward']],
      [{ strike: Number.NaN }, ['option', 'strike']],
      [{ strike: Number.POSITIVE_INFINITY }, ['option', 'strike']],
      [{ time: -0.1 }, ['option', 'time']],
      [{ time: 101 }, ['option', 'time']],
      [{ volatility: 0 }, ['option', 'volatility']],
      [{ volatility: 101 }, ['option', 'volatility']],
      [{ volatility: undefined }, ['option', 'volatility']],
      [{ rate: 2 }, ['option', 'rate']],
      [{ rate: 10n }, ['option', 'rate']],
      [{ optionType: 'straddle' }, ['option', 'optionType']],
      [{ settlement: 'coin' }, ['option', 'settlement']],
      // σ·√t ≈ 1e-160 at the strike: gamma 1/(F·s) overflows double.
      [{ volatility: 1e-160, time: 1e-1, forward: 1e-160, strike: 1e-160 }, ['option']],
    ];
    for (const [patch, path] of cases) {
      let caught: unknown;
      try {
        black76Float({ ...good, ...patch } as unknown as Black76FloatInput);
      } catch (e) {
        caught = e;
      }
      expect(
        caught,
        JSON.stringify(patch, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)),
      ).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      expect((caught as InvalidArgumentError).path).toEqual(path);
    }
    expect(() => black76Float(null as unknown as Black76FloatInput)).toThrow(InvalidArgumentError);
  });
});
