// Black-76 values and greeks against textbook worked examples and a 80-digit reference (mpmath 1.3.0, ncdf/npdf),
// at expiry, in coin settlement, and with every bad input rejected by a typed error naming the field.
import { describe, expect, it } from 'vitest';
import {
  type Black76Input,
  black76Greeks,
  black76Price,
  Decimal,
  InvalidArgumentError,
} from '../../src/index.js';

const greekNames = ['price', 'delta', 'gamma', 'vega', 'theta'] as const;

// optionType, F, K, σ, t, r → V, Δ, Γ, vega, theta; reference digits from mpmath at mp.dps = 80:
// V = DF·(F·ncdf(d1) − K·ncdf(d2)) etc., the formulas of the TSDoc, evaluated independently.
const REFERENCE = [
  {
    input: ['call', '100000', '110000', '0.6', '0.02', '0'],
    out: [
      '582.787930631914233953939638339445459832386252',
      '0.139889744260693481579780889016588244186246624',
      '0.0000262168762087590643781344685014224455150104339',
      '3146.02514505108772537613622017069346180125206',
      '-47190.377175766315880642043302560401927018781',
    ],
  },
  {
    input: ['put', '100000', '110000', '0.6', '0.02', '0'],
    out: [
      '10582.7879306319142339539396383394454598323863',
      '-0.860110255739306518420219110983411755813753376',
      '0.0000262168762087590643781344685014224455150104339',
      '3146.02514505108772537613622017069346180125206',
      '-47190.377175766315880642043302560401927018781',
    ],
  },
  {
    input: ['put', '3000', '1500', '0.9', '0.0027', '0'],
    out: [
      '0.00000000000000000000000000000000000000000000000035115580050826216485951492280202718316798036',
      '-0.0000000000000000000000000000000000000000000000000373731516055679555866133373857365710211843531',
      '0.00000000000000000000000000000000000000000000000000397235943805812694829654732381309927255760884',
      '0.0000000000000000000000000000000000000000000000868755009103312363592454899717924810908349052',
      '-0.0000000000000000000000000000000000000000000144792501517218727265409149952987468484724842',
    ],
  },
  {
    input: ['call', '3000', '1500', '0.9', '0.0027', '0'],
    out: [
      '1500.0',
      '1.0',
      '0.00000000000000000000000000000000000000000000000000397235943805812694829654732381309927255760884',
      '0.0000000000000000000000000000000000000000000000868755009103312363592454899717924810908349052',
      '-0.0000000000000000000000000000000000000000000144792501517218727265409149952987468484724842',
    ],
  },
  {
    input: ['call', '60000', '200000', '0.5', '0.01', '0'],
    out: [
      '0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000464997484024106687043766318034221245096141251',
      '0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000374897864744115959523016437008847115013063376',
      '0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000030111653979977997582474707407163536621739061',
      '0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000542009771639603956484544733328943659191303098',
      '-0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000135502442909900989121136183332235914797825774',
    ],
  },
  {
    input: ['put', '0.5', '0.45', '1.2', '2', '0.05'],
    out: [
      '0.23730574364034689188671183221775550679762054',
      '-0.164001612760221047001650178108575557840939422',
      '0.281029962726731987203122892820164413082659471',
      '0.168617977636039192321873735692098647849595682',
      '-0.0387201061087944131022265290967418190149976777',
    ],
  },
  {
    input: ['call', '42', '40', '0.2', '0.5', '-0.01'],
    out: [
      '3.46446864799476061839663373161470872291430616',
      '0.664502831250966298836519063364105983268540234',
      '0.0619143231776719414083085435506591743956322408',
      '10.9216866085413304644256270823362783633895273',
      '-2.21898200818821369906909175378340275990704852',
    ],
  },
] as const;

function relativeError(got: Decimal, expected: string): Decimal {
  const e = new Decimal(expected);
  return e.isZero() ? got.abs() : got.minus(e).div(e).abs();
}

describe('black76Price and black76Greeks', () => {
  it('reproduce Haug’s Black-76 example (F = K = 19, t = 0.75, r = 10 %, σ = 28 %: call = put = 1.7011)', () => {
    const call = {
      optionType: 'call',
      forward: 19,
      strike: 19,
      volatility: '0.28',
      time: '0.75',
      rate: '0.1',
    } as const;
    expect(black76Price(call).toFixed(4)).toBe('1.7011');
    expect(black76Price({ ...call, optionType: 'put' }).toFixed(4)).toBe('1.7011');
  });

  it('reproduce Hull’s futures-put example (F = K = 20, r = 9 %, σ = 25 %, 4 months: put = 1.12)', () => {
    const put: Black76Input = {
      optionType: 'put',
      forward: 20,
      strike: 20,
      volatility: '0.25',
      time: new Decimal(1).div(3),
      rate: '0.09',
    };
    expect(black76Price(put).toFixed(2)).toBe('1.12');
    // Hull's hand steps: d1 = σ√t/2 = 0.07216, N(−d2) = 0.5288, N(−d1) = 0.4712, DF = e^(−0.03).
    const handValue = new Decimal('-0.03')
      .exp()
      .times(new Decimal(20).times('0.5288').minus(new Decimal(20).times('0.4712')));
    expect(black76Price(put).minus(handValue).abs().lessThan('0.002')).toBe(true); // 4-digit N values
  });

  it.each(REFERENCE)('match the 80-digit reference to 1e-37 relative: %j', ({ input, out }) => {
    const [optionType, forward, strike, volatility, time, rate] = input;
    const g = black76Greeks({ optionType, forward, strike, volatility, time, rate });
    greekNames.forEach((name, i) => {
      expect(
        relativeError(g[name], out[i] as string).lessThan('1e-37'),
        `${name}: ${g[name]} vs ${out[i]}`,
      ).toBe(true);
    });
    expect(black76Price({ optionType, forward, strike, volatility, time, rate }).eq(g.price)).toBe(true);
  });

  it('price a coin-settled option as the linear premium over the forward, with the coin greeks', () => {
    const linear = {
      optionType: 'call',
      forward: 100_000,
      strike: 110_000,
      volatility: '0.6',
      time: '0.02',
    } as const;
    const coin = black76Greeks({ ...linear, settlement: 'inverse' });
    const usd = black76Greeks(linear);
    const F = new Decimal(100_000);
    expect(coin.price.minus(usd.price.div(F)).abs().lessThan('1e-42')).toBe(true);
    expect(coin.price.toSignificantDigits(12).toString()).toBe('0.00582787930632');
    // Premium-adjusted delta (Deribit): F · ∂(V/F)/∂F = Δ − V/F.
    expect(coin.delta.times(F).minus(usd.delta.minus(coin.price)).abs().lessThan('1e-38')).toBe(true);
    expect(coin.vega.minus(usd.vega.div(F)).abs().lessThan('1e-38')).toBe(true);
    expect(coin.theta.minus(usd.theta.div(F)).abs().lessThan('1e-36')).toBe(true);
  });

  it('value an option at expiry as its payoff, with the payoff greeks', () => {
    const expired = { forward: 105, strike: 100, volatility: 0, time: 0 } as const;
    const call = black76Greeks({ ...expired, optionType: 'call' });
    const put = black76Greeks({ ...expired, optionType: 'put' });
    expect(call.price.toString()).toBe('5');
    expect(call.delta.toString()).toBe('1');
    expect(put.price.toString()).toBe('0');
    expect(put.delta.toString()).toBe('0');
    for (const g of [call, put]) {
      expect([g.gamma, g.vega, g.theta].map(String)).toEqual(['0', '0', '0']);
    }
    const atTheStrike = black76Greeks({ ...expired, forward: 100, optionType: 'put' });
    expect(atTheStrike.price.toString()).toBe('0');
    expect(atTheStrike.delta.toString()).toBe('-0.5');
    const coin = black76Greeks({ ...expired, optionType: 'call', settlement: 'inverse' });
    expect(coin.price.toString()).toBe(new Decimal(5).div(105).toString());
  });

  it('approach the payoff as time runs out', () => {
    const near = black76Price({
      optionType: 'call',
      forward: 105,
      strike: 100,
      volatility: '0.5',
      time: '1e-12',
    });
    expect(near.minus(5).abs().lessThan('1e-30')).toBe(true);
  });

  it.each([
    [{ time: '-0.01' }, ['option', 'time']],
    [{ time: 101 }, ['option', 'time']],
    [{ volatility: 0 }, ['option', 'volatility']],
    [{ volatility: '-0.2' }, ['option', 'volatility']],
    [{ volatility: 1000 }, ['option', 'volatility']],
    [{ forward: 0 }, ['option', 'forward']],
    [{ strike: '-5' }, ['option', 'strike']],
    [{ rate: 2 }, ['option', 'rate']],
    [{ forward: Number.NaN }, ['option', 'forward']],
    [{ optionType: 'straddle' }, ['option', 'optionType']],
    [{ settlement: 'coin' }, ['option', 'settlement']],
  ])('reject %j with a typed error at %j', (change, path) => {
    const option = {
      optionType: 'call',
      forward: 100,
      strike: 100,
      volatility: '0.5',
      time: '0.1',
      ...change,
    };
    for (const f of [black76Price, black76Greeks]) {
      let caught: unknown;
      try {
        f(option as Black76Input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).path).toEqual(path);
    }
  });

  it('reject an argument that is not an option object', () => {
    expect(() => black76Price(null as unknown as Black76Input)).toThrow(InvalidArgumentError);
  });
});
