// Properties of Black-76 on generated options: put-call parity, greeks equal to finite differences of the price
// (linear and coin-settled), no-arbitrage bounds, and monotonicity in strike, volatility and time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Black76Input, black76Greeks, black76Price, Decimal } from '../../src/index.js';

// Each evaluation costs about a millisecond (60-digit logs, exponentials and series): few runs, many properties.
const RUNS = { numRuns: 40 };

/** A decimal in min … max on a grid of a millionth (no subnormal doubles). */
const decimalIn = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 1e6), max: Math.round(max * 1e6) }).map((i) => new Decimal(i).div(1e6));

const optionArb = fc.record({
  optionType: fc.constantFrom('call' as const, 'put' as const),
  forward: decimalIn(1, 100_000),
  moneyness: decimalIn(0.5, 2),
  volatility: decimalIn(0.05, 3),
  time: decimalIn(0.002, 5),
  rate: decimalIn(-0.05, 0.1),
  settlement: fc.constantFrom('linear' as const, 'inverse' as const),
});

type Generated = typeof optionArb extends fc.Arbitrary<infer T> ? T : never;

const toInput = (g: Generated): Black76Input & { forward: Decimal; strike: Decimal } => ({
  optionType: g.optionType,
  forward: g.forward,
  strike: g.forward.times(g.moneyness).toSignificantDigits(12),
  volatility: g.volatility,
  time: g.time,
  rate: g.rate,
  settlement: g.settlement,
});

/** |a − b| ≤ tolerance · (|b| + scale). */
function close(a: Decimal, b: Decimal, tolerance: string, scale: Decimal): boolean {
  return a.minus(b).abs().lessThanOrEqualTo(b.abs().plus(scale).times(tolerance));
}

describe('black76 properties', () => {
  it('put-call parity: C − P = DF·(F − K) (in coin: divided by F)', () => {
    fc.assert(
      fc.property(optionArb, (g) => {
        const option = toInput(g);
        const call = black76Price({ ...option, optionType: 'call' });
        const put = black76Price({ ...option, optionType: 'put' });
        const discount = g.rate.times(g.time).neg().exp();
        let parity = discount.times(option.forward.minus(option.strike));
        if (g.settlement === 'inverse') parity = parity.div(option.forward);
        const scale = g.settlement === 'inverse' ? new Decimal(1) : option.forward.plus(option.strike);
        expect(close(call.minus(put), parity, '1e-36', scale)).toBe(true);
      }),
      RUNS,
    );
  });

  it('delta, gamma, vega and theta equal central finite differences of the price', () => {
    fc.assert(
      fc.property(optionArb, (g) => {
        const option = toInput(g);
        const greeks = black76Greeks(option);
        const at = (change: Partial<Black76Input>) => black76Price({ ...option, ...change });
        const F = option.forward;
        const dF = F.times('1e-7');
        const up = at({ forward: F.plus(dF) });
        const down = at({ forward: F.minus(dF) });
        const delta = up.minus(down).div(dF.times(2));
        const gamma = up.minus(greeks.price.times(2)).plus(down).div(dF.times(dF));
        const dS = new Decimal('1e-9');
        const vega = at({ volatility: g.volatility.plus(dS) })
          .minus(at({ volatility: g.volatility.minus(dS) }))
          .div(dS.times(2));
        const dT = g.time.times('1e-9');
        const theta = at({ time: g.time.minus(dT) })
          .minus(at({ time: g.time.plus(dT) }))
          .div(dT.times(2));
        // Natural scales: a price is of order F (1 in coin); delta of order 1 (1/F in coin).
        const unit = g.settlement === 'inverse' ? new Decimal(1).div(F) : new Decimal(1);
        expect(close(delta, greeks.delta, '1e-9', unit)).toBe(true);
        expect(close(gamma, greeks.gamma, '1e-6', unit.div(F))).toBe(true);
        expect(close(vega, greeks.vega, '1e-9', unit.times(F).times('1e-6'))).toBe(true);
        expect(close(theta, greeks.theta, '1e-9', unit.times(F).times('1e-6'))).toBe(true);
      }),
      RUNS,
    );
  });

  it('stays within the no-arbitrage bounds, with delta, gamma and vega of the right signs', () => {
    fc.assert(
      fc.property(optionArb, (g) => {
        const option = toInput({ ...g, settlement: 'linear' });
        const { price, delta, gamma, vega } = black76Greeks(option);
        const discount = g.rate.times(g.time).neg().exp();
        const call = g.optionType === 'call';
        const intrinsic = call ? option.forward.minus(option.strike) : option.strike.minus(option.forward);
        expect(price.greaterThanOrEqualTo(Decimal.max(intrinsic, 0).times(discount).minus('1e-30'))).toBe(
          true,
        );
        expect(price.lessThanOrEqualTo(discount.times(call ? option.forward : option.strike))).toBe(true);
        const signed = call ? delta : delta.neg();
        expect(signed.greaterThanOrEqualTo(0) && signed.lessThanOrEqualTo(discount)).toBe(true);
        expect(gamma.greaterThanOrEqualTo(0) && vega.greaterThanOrEqualTo(0)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a call is cheaper at a higher strike, a put dearer; both dearer at higher volatility and, at r = 0, longer time', () => {
    fc.assert(
      fc.property(optionArb, decimalIn(1.001, 1.5), (g, factor) => {
        const option = { ...toInput(g), rate: 0 };
        const price = black76Price(option);
        const higherStrike = black76Price({ ...option, strike: option.strike.times(factor) });
        if (g.optionType === 'call') expect(higherStrike.lessThanOrEqualTo(price)).toBe(true);
        else expect(higherStrike.greaterThanOrEqualTo(price)).toBe(true);
        expect(
          black76Price({ ...option, volatility: g.volatility.times(factor) }).greaterThanOrEqualTo(price),
        ).toBe(true);
        expect(black76Price({ ...option, time: g.time.times(factor) }).greaterThanOrEqualTo(price)).toBe(
          true,
        );
      }),
      RUNS,
    );
  });
});
