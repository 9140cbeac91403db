// Hand-checked SPAN risk arrays, scanning risk, spreads, credits and the short option minimum.
import { describe, expect, it } from 'vitest';
import {
  combineRiskArrays,
  Decimal,
  type DecimalInput,
  InvalidArgumentError,
  interCommodityCredit,
  intraSpreadCharge,
  riskArray,
  riskArrayFrom,
  scanningRisk,
  spanRequirement,
  spanRiskScenarios,
} from '../../src/index.js';

const strings = (a: readonly Decimal[]) => a.map((d) => d.toString());

/** Throws an InvalidArgumentError with `path` (and code INVALID_ARGUMENT unless given). */
function expectRejected(run: () => unknown, path: readonly (string | number)[], code = 'INVALID_ARGUMENT') {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).code).toBe(code);
    expect((error as InvalidArgumentError).path).toEqual(path);
    return;
  }
  expect.fail('expected an InvalidArgumentError');
}

describe('spanRiskScenarios', () => {
  it('pairs each price move with vol up then down, and weighs the two extremes', () => {
    const s = spanRiskScenarios();
    expect(s.map((x) => x.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(s.map((x) => x.vol)).toEqual([
      ...Array.from({ length: 7 }, () => ['up', 'down']).flat(),
      'unchanged',
      'unchanged',
    ]);
    expect(s[2]?.priceMove.times(3).toFixed(30)).toBe(`1.${'0'.repeat(30)}`);
    expect(s[4]?.priceMove.isNegative()).toBe(true);
    expect(s.slice(0, 14).every((x) => x.weight.equals(1))).toBe(true);
    expect(strings(s.slice(14).map((x) => x.priceMove))).toEqual(['2', '-2']);
    expect(strings(s.slice(14).map((x) => x.weight))).toEqual(['0.35', '0.35']);
    expect(Object.isFrozen(s) && Object.isFrozen(s[0])).toBe(true);
  });

  it('takes the CCP extreme multiple and covered fraction', () => {
    const s = spanRiskScenarios({ extremeMultiple: 3, extremeWeight: '0.3' });
    expect(strings([s[14]?.priceMove ?? new Decimal(0), s[15]?.priceMove ?? new Decimal(0)])).toEqual([
      '3',
      '-3',
    ]);
    expect(s[15]?.weight.toString()).toBe('0.3');
  });

  it('rejects a weight above 1 and a non-positive multiple, naming the option', () => {
    expectRejected(() => spanRiskScenarios({ extremeWeight: '1.5' }), ['options', 'extremeWeight']);
    expectRejected(() => spanRiskScenarios({ extremeMultiple: 0 }), ['options', 'extremeMultiple']);
  });
});

describe('riskArray', () => {
  const scen = spanRiskScenarios();

  it('is exact for a future: −contractSize · move · range · weight', () => {
    // 20 points × $500: 10,000 per full range; 2 × 10,000 × 35 % = 7,000 at the extremes.
    const a = riskArray(scen, { price: 2800, priceScanRange: 20, contractSize: 500 });
    expect(strings([a[0], a[1], a[10], a[11], a[12], a[13], a[14], a[15]] as Decimal[])).toEqual([
      '0',
      '0',
      '-10000',
      '-10000',
      '10000',
      '10000',
      '-7000',
      '7000',
    ]);
    // A third of 10,000, held to 40 significant digits.
    expect(a[2]?.toFixed(6)).toBe('-3333.333333');
    expect(a[2]?.plus(a[4] as Decimal).isZero()).toBe(true);
  });

  it('defaults the scan range to the price (grid moves are fractions of it) and the contract size to 1', () => {
    const a = riskArray(scen, { price: 50 });
    expect(a[11]?.toString()).toBe('-50');
  });

  it('revalues an option with the vol levels of each scenario and the look-ahead time', () => {
    // A toy "option" worth price · vol · time: every term is visible in the loss.
    const calls: string[] = [];
    const revalue = (p: Decimal, v: Decimal, t: Decimal) => {
      calls.push(`${p}|${v}|${t}`);
      return p.times(v).times(t);
    };
    const a = riskArray(scen, {
      price: 100,
      priceScanRange: 30,
      contractSize: 2,
      revalue,
      volatility: '0.5',
      volScanRange: '0.1',
      timeYears: 1,
      lookAheadYears: '0.5',
    });
    // Base value 100 · 0.5 · 1 = 50. Scenario 11: price 130, vol 0.6, t 0.5 → 39; loss = −2 · (39 − 50) = 22.
    expect(a[10]?.toString()).toBe('22');
    // Scenario 14: price 70, vol 0.4, t 0.5 → 14; loss = −2 · (14 − 50) = 72.
    expect(a[13]?.toString()).toBe('72');
    // Scenario 15: price 160, vol 0.5, t 0.5 → 40; loss = −2 · (40 − 50) · 0.35 = 7.
    expect(a[14]?.toString()).toBe('7');
    expect(calls[0]).toBe('100|0.5|1');
    expect(calls).toHaveLength(17);
  });

  it('revalues an inverse (coin-settled) future: one USD of notional is worth −1/P coin', () => {
    const a = riskArray(scen, {
      price: 20_000,
      priceScanRange: 2_000,
      revalue: (p) => new Decimal(-1).div(p),
      volatility: 0,
      volScanRange: 0,
      timeYears: 0,
    });
    // Scenario 13 (price 18,000): the long loses 1/18,000 − 1/20,000 coin.
    expect(a[12]?.equals(new Decimal(1).div(18_000).minus(new Decimal(1).div(20_000)))).toBe(true);
    expect(a[10]?.isNegative()).toBe(true);
  });

  it('takes explicit shocked vol levels', () => {
    const a = riskArray(scen, {
      price: 100,
      priceScanRange: 10,
      revalue: (_p, v) => v,
      volatility: '0.6',
      volUp: '0.9',
      volDown: '0.45',
      timeYears: 1,
    });
    expect(strings(a.slice(0, 2))).toEqual(['-0.3', '0.15']);
  });

  it('rejects bad terms with their path', () => {
    expectRejected(() => riskArray(scen, { price: 100, priceScanRange: -1 }), ['terms', 'priceScanRange']);
    expectRejected(() => riskArray(scen, { price: 0 }), ['terms', 'price']);
    expectRejected(() => riskArray(scen, { price: 100, contractSize: 0 }), ['terms', 'contractSize']);
    const option = { price: 100, revalue: (p: Decimal) => p, volatility: '0.2', timeYears: 1 };
    expectRejected(() => riskArray(scen, option), ['terms', 'volUp']);
    expectRejected(() => riskArray(scen, { ...option, volScanRange: '0.3' }), ['terms', 'volScanRange']);
    expectRejected(
      () => riskArray(scen, { ...option, volScanRange: '0.1', lookAheadYears: 2 }),
      ['terms', 'lookAheadYears'],
    );
    expectRejected(
      () => riskArray(scen, { ...option, volScanRange: '0.1', priceScanRange: 60 }),
      ['terms', 'priceScanRange'],
    );
    expectRejected(
      () => riskArray(scen, { ...option, volScanRange: '0.1', revalue: () => Number.NaN }),
      ['terms', 'revalue'],
    );
    expectRejected(() => riskArray([], { price: 1 }), ['scenarios']);
    expectRejected(
      () => riskArray([{ ...scen[0], vol: 'sideways' } as never], { price: 1 }),
      ['scenarios', 0, 'vol'],
    );
  });
});

describe('riskArrayFrom', () => {
  it('reads a precomputed array, negating a profit-positive one', () => {
    expect(strings(riskArrayFrom([1, '-2', 0], { length: 3 }))).toEqual(['1', '-2', '0']);
    expect(strings(riskArrayFrom([1, '-2', 0], { length: 3, profitPositive: true }))).toEqual([
      '-1',
      '2',
      '0',
    ]);
  });

  it('rejects a wrong length and bad values with their path', () => {
    expectRejected(() => riskArrayFrom([1, 2, 3]), ['values']);
    expectRejected(() => riskArrayFrom([1, 'x'], { length: 2 }), ['values', 1]);
    expectRejected(() => riskArrayFrom([1], { length: 0 }), ['options', 'length']);
  });
});

describe('combineRiskArrays and scanningRisk', () => {
  it('adds arrays by quantity and finds the worst scenario', () => {
    const combined = combineRiskArrays([
      { quantity: 2, array: [1, -1, 3] },
      { quantity: -1, array: ['0.5', 2, 1] },
    ]);
    expect(strings(combined)).toEqual(['1.5', '-4', '5']);
    const r = scanningRisk(combined);
    expect([r.risk.toString(), r.worstLoss.toString(), r.scenario, r.tiedScenarios]).toEqual([
      '5',
      '5',
      3,
      [3],
    ]);
  });

  it('reports ties and the scenarios’ own numbers', () => {
    const scen = spanRiskScenarios();
    const r = scanningRisk(riskArray(scen, { price: 2800, priceScanRange: 20, contractSize: 500 }), scen);
    expect([r.risk.toString(), r.scenario, r.tiedScenarios]).toEqual(['10000', 13, [13, 14]]);
  });

  it('floors a book that gains everywhere at 0 scanning risk, keeping its least gain', () => {
    const r = scanningRisk([-3, -1, -2]);
    expect([r.risk.toString(), r.worstLoss.toString(), r.scenario]).toEqual(['0', '-1', 2]);
  });

  it('rejects mismatched lengths with the path of the leg', () => {
    expectRejected(
      () =>
        combineRiskArrays([
          { quantity: 1, array: [1, 2] },
          { quantity: 1, array: [1] },
        ]),
      ['legs', 1, 'array'],
    );
    expectRejected(() => combineRiskArrays([]), ['legs']);
    expectRejected(() => scanningRisk([1, 2], spanRiskScenarios()), ['array']);
    expectRejected(() => scanningRisk([]), ['array']);
  });
});

describe('intraSpreadCharge', () => {
  const spreads = [
    { tiers: ['M2', 'M3'] as const, charge: 200 },
    { tiers: ['M2', 'M4'] as const, charge: 50 },
    { tiers: ['M3', 'M4'] as const, charge: 0 },
  ];

  it('forms spreads in priority order between opposite deltas', () => {
    // +3 M2, −1 M3, −1 M4: one 2v3 spread (200), one 2v4 spread (50); one M2 left outright.
    const r = intraSpreadCharge({
      legs: [
        { tier: 'M2', delta: 3 },
        { tier: 'M3', delta: -1 },
        { tier: 'M4', delta: -1 },
      ],
      spreads,
    });
    expect(r.charge.toString()).toBe('250');
    expect(r.spreads.map((s) => [s.tiers.join('v'), s.count.toString(), s.charge.toString()])).toEqual([
      ['M2vM3', '1', '200'],
      ['M2vM4', '1', '50'],
    ]);
    expect(r.remaining.map((x) => [x.tier, x.delta.toString()])).toEqual([
      ['M2', '1'],
      ['M3', '0'],
      ['M4', '0'],
    ]);
  });

  it('charges nothing for legs on the same side and adds legs of one tier', () => {
    const r = intraSpreadCharge({
      legs: [
        { tier: 'M2', delta: 1 },
        { tier: 'M3', delta: 1 },
        { tier: 'M2', delta: '0.5' },
      ],
      spreads,
    });
    expect([r.charge.toString(), r.spreads.length, r.remaining[0]?.delta.toString()]).toEqual([
      '0',
      0,
      '1.5',
    ]);
  });

  it('rejects a negative charge or a malformed pair', () => {
    expectRejected(
      () => intraSpreadCharge({ legs: [], spreads: [{ tiers: ['A', 'B'], charge: -1 }] }),
      ['input', 'spreads', 0, 'charge'],
    );
    expectRejected(
      () => intraSpreadCharge({ legs: [], spreads: [{ tiers: ['A'] as never, charge: 1 }] }),
      ['input', 'spreads', 0, 'tiers'],
    );
  });
});

describe('interCommodityCredit', () => {
  const legs = (corn: DecimalInput, soy: DecimalInput) => [
    { commodity: 'corn', netDelta: corn, deltaPerSpread: 2, priceRiskPerDelta: 1750 },
    { commodity: 'soybeans', netDelta: soy, deltaPerSpread: -1, priceRiskPerDelta: 2500 },
  ];

  it('credits the rate on the outright margin of the spread legs (CME corn/soybeans)', () => {
    const r = interCommodityCredit({ rate: '0.55', legs: legs(2, -1) });
    expect([r.credit.toString(), r.spreads.toString()]).toEqual(['3300', '1']);
    expect(r.legs.map((l) => l.credit.toString())).toEqual(['1925', '1375']);
  });

  it('forms as many spreads as the scarcer leg allows, and none when a leg points the other way', () => {
    expect(interCommodityCredit({ rate: '0.5', legs: legs(6, -2) }).spreads.toString()).toBe('2');
    expect(interCommodityCredit({ rate: '0.5', legs: legs(2, 1) }).credit.toString()).toBe('0');
  });

  it('rejects a rate above 1, a zero delta per spread and a single leg', () => {
    expectRejected(() => interCommodityCredit({ rate: 2, legs: legs(2, -1) }), ['input', 'rate']);
    const [corn, soy] = legs(2, -1);
    expectRejected(
      () => interCommodityCredit({ rate: 1, legs: [{ ...corn, deltaPerSpread: 0 } as never, soy as never] }),
      ['input', 'legs', 0, 'deltaPerSpread'],
    );
    expectRejected(() => interCommodityCredit({ rate: 1, legs: [corn as never] }), ['input', 'legs']);
  });
});

describe('spanRequirement', () => {
  const scan = scanningRisk([100, 300, -50]);

  it('adds spread and delivery charges, subtracts the inter-commodity credit, names the scenario', () => {
    const r = spanRequirement({ scan, intraSpreadCharge: 40, deliveryCharge: 10, interCommodityCredit: 120 });
    expect([r.requirement.toString(), r.setBy, r.scenario, r.riskMargin.toString()]).toEqual([
      '230',
      'scanning-risk',
      2,
      '230',
    ]);
  });

  it('is set by the short option minimum when that is higher, and never negative', () => {
    const r = spanRequirement({ scan, shortOptions: { contracts: 4, chargePerContract: 100 } });
    expect([r.requirement.toString(), r.setBy, r.shortOptionMinimum.toString()]).toEqual([
      '400',
      'short-option-minimum',
      '400',
    ]);
    expect(spanRequirement({ scan, interCommodityCredit: 1000 }).requirement.toString()).toBe('0');
  });

  it('rejects negative components and a scan that is not a scanning-risk result', () => {
    expectRejected(() => spanRequirement({ scan, deliveryCharge: -1 }), ['input', 'deliveryCharge']);
    expectRejected(() => spanRequirement({ scan: {} as never }), ['input', 'scan']);
    expectRejected(
      () => spanRequirement({ scan, shortOptions: { contracts: -1, chargePerContract: 1 } }),
      ['input', 'shortOptions', 'contracts'],
    );
  });
});
