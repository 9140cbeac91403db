// A SPAN risk array for an option leg, each of the 16 scenarios repriced by Black-76: checked against an
// independent 50-digit evaluation (mpmath), put-call parity against the future's exact array, the σ → 0 limit,
// coin settlement, and typed errors.
import { describe, expect, it } from 'vitest';
import {
  black76Price,
  combineRiskArrays,
  Decimal,
  optionRiskArray,
  riskArray,
  scanningRisk,
  spanRiskScenarios,
} from '../../src/index.js';
import { invalidArgument } from '../support/invalidArgument.js';

const scenarios = spanRiskScenarios();
const atm = {
  optionType: 'call',
  strike: 100,
  price: 100,
  priceScanRange: 10,
  volatility: '0.2',
  volScanRange: '0.05',
  timeYears: 1,
} as const;

describe('optionRiskArray', () => {
  it('reprices a one-year at-the-money call at each of the 16 scenarios (50-digit reference)', () => {
    // −(C(100 + m·10, σ_i, 1) − C(100, 0.2, 1))·w_i with C the Black-76 call, r = 0, computed with mpmath
    // (ncdf, log at 50 digits): C(100, 0.2, 1) = 7.96556745541…, C(100, 0.25, 1) = 9.94764496602…
    const reference = [
      '-1.98207751061678230277820233426',
      '1.98703864482684323332610521974',
      '-3.90094214446873098968504789636',
      '0.076368504523842550768323732622',
      '-0.238941192508122402397562369502',
      '3.60413257951630868447964314409',
      '-5.98571426949625908025617228334',
      '-2.10744103935422120408089923658',
      '1.32104023857971648437504132529',
      '4.92031425569133500312975706669',
      '-8.22485895836255112409960390678',
      '-4.53467735128727131192211717057',
      '2.69350981355971432593170772817',
      '5.94384002975803218330939240092',
      '-4.96360597431032260441356188555',
      '2.37287327976837973889186826599',
    ];
    const a = optionRiskArray(scenarios, atm);
    expect(a).toHaveLength(16);
    a.forEach((loss, i) => {
      expect(
        loss
          .minus(reference[i] as string)
          .abs()
          .lte('1e-28'),
        `scenario ${i + 1}`,
      ).toBe(true);
    });
    // A short call's scanning risk: its largest loss, +1 scan range with vol up (the extremes count only 35 %).
    const short = combineRiskArrays([{ array: a, quantity: -1 }]);
    const { risk, scenario } = scanningRisk(short);
    expect(scenario).toBe(11);
    expect(risk.minus('8.22485895836255112409960390678').abs().lte('1e-28')).toBe(true);
  });

  it('call minus put is the future: put-call parity holds scenario by scenario', () => {
    const terms = { ...atm, strike: 95, timeYears: '0.25', lookAheadYears: '0.0027', contractSize: 50 };
    const call = optionRiskArray(scenarios, terms);
    const put = optionRiskArray(scenarios, { ...terms, optionType: 'put' });
    const future = riskArray(scenarios, { price: 100, priceScanRange: 10, contractSize: 50 });
    call.forEach((c, i) => {
      expect(
        c
          .minus(put[i] as Decimal)
          .minus(future[i] as Decimal)
          .abs()
          .lte('1e-30'),
      ).toBe(true);
    });
  });

  it('values a volatility shocked to 0 at the discounted intrinsic value', () => {
    // Put at 100, σ 5 % shocked down by 5 points, r 5 %: scenario 14 (−1 scan, vol down) is e^(−0.05)·10.
    const terms = {
      ...atm,
      optionType: 'put',
      volatility: '0.05',
      volScanRange: '0.05',
      rate: '0.05',
    } as const;
    const a = optionRiskArray(scenarios, terms);
    const base = black76Price({
      optionType: 'put',
      forward: 100,
      strike: 100,
      volatility: '0.05',
      time: 1,
      rate: '0.05',
    });
    const intrinsic = new Decimal('-0.05').exp().times(10);
    expect(a[13]?.minus(base.minus(intrinsic)).abs().lte('1e-38')).toBe(true);
    // Scenario 2 (price unchanged, vol down to 0): at the strike the intrinsic value is 0; the loss is the whole value.
    expect(a[1]?.eq(base)).toBe(true);
  });

  it('coin-settled: each value is the Black-76 value over the scenario price', () => {
    const a = optionRiskArray(scenarios, { ...atm, settlement: 'inverse' });
    const coin = (forward: number, volatility: string) =>
      black76Price({ optionType: 'call', forward, strike: 100, volatility, time: 1, settlement: 'inverse' });
    // Scenario 11 (+1 scan range, vol up): −(C(110, 0.25)/110 − C(100, 0.2)/100).
    expect(a[10]?.eq(coin(110, '0.25').minus(coin(100, '0.2')).neg())).toBe(true);
  });

  it('rejects bad option terms with typed errors at their paths', () => {
    const cases: [object, (string | number)[]][] = [
      [{ strike: 0 }, ['terms', 'strike']],
      [{ price: '-1' }, ['terms', 'price']],
      [{ volatility: 0 }, ['terms', 'volatility']],
      [{ timeYears: 101 }, ['terms', 'time']],
      [{ optionType: 'straddle' }, ['terms', 'optionType']],
      [{ rate: 2 }, ['terms', 'rate']],
      [{ priceScanRange: 60 }, ['terms', 'priceScanRange']], // scenario 16 moves the price to −20
      [{ volScanRange: '0.3' }, ['terms', 'volScanRange']], // σ − range < 0
    ];
    for (const [change, path] of cases) {
      const e = invalidArgument(() => optionRiskArray(scenarios, { ...atm, ...change } as never));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.path).toEqual(path);
    }
    expect(invalidArgument(() => optionRiskArray(scenarios, null as never)).path).toEqual(['terms']);
  });
});
