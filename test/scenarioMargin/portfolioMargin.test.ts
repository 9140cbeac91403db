// Hand-checked Deribit-style portfolio margin (grid, vol shocks, contingencies, standard futures margin) and the
// TIMS/FINRA valuation grid.
import { describe, expect, it } from 'vitest';
import {
  combineRiskArrays,
  type Decimal,
  deribitContingency,
  deribitFuturesMargin,
  deribitPortfolioMargin,
  deribitPortfolioMarginPreset,
  deribitVolShock,
  InvalidArgumentError,
  portfolioMarginScenarios,
  riskArray,
  scanningRisk,
  timsScenarios,
  timsValuationRanges,
} from '../../src/index.js';

const strings = (a: readonly Decimal[]) => a.map((d) => d.toString());

function expectRejected(run: () => unknown, path: readonly (string | number)[]) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
    expect((error as InvalidArgumentError).path).toEqual(path);
    return;
  }
  expect.fail('expected an InvalidArgumentError');
}

describe('portfolioMarginScenarios', () => {
  it('crosses 9 buckets of ±16 % with vol up, unchanged and down', () => {
    const grid = portfolioMarginScenarios({ maxMove: '0.16' });
    expect(grid).toHaveLength(27);
    expect(strings(grid.filter((s) => s.vol === 'up').map((s) => s.priceMove))).toEqual([
      '-0.16',
      '-0.12',
      '-0.08',
      '-0.04',
      '0',
      '0.04',
      '0.08',
      '0.12',
      '0.16',
    ]);
    expect(grid.slice(0, 3).map((s) => s.vol)).toEqual(['up', 'unchanged', 'down']);
    expect(grid.map((s) => s.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });

  it('can leave vol alone and add the extended table on vol-up at its weight', () => {
    const grid = portfolioMarginScenarios({
      maxMove: '0.1',
      stepsPerSide: 2,
      volShocks: false,
      extended: { moves: ['-0.66', '5'], weight: '0.1' },
    });
    expect(strings(grid.map((s) => s.priceMove))).toEqual([
      '-0.1',
      '-0.05',
      '0',
      '0.05',
      '0.1',
      '-0.66',
      '5',
    ]);
    expect([grid[5]?.vol, grid[6]?.weight.toString(), grid[6]?.number]).toEqual(['up', '0.1', 7]);
  });

  it('rejects a move of 100 % and bad steps', () => {
    expectRejected(() => portfolioMarginScenarios({ maxMove: 1 }), ['options', 'maxMove']);
    expectRejected(
      () => portfolioMarginScenarios({ maxMove: '0.1', stepsPerSide: 0 }),
      ['options', 'stepsPerSide'],
    );
    expectRejected(
      () => portfolioMarginScenarios({ maxMove: '0.1', extended: { moves: [-1], weight: 1 } }),
      ['options', 'extended', 'moves', 0],
    );
  });

  it('values a book of futures as the worst bucket', () => {
    // Long 10 and short 4 of a linear future at 30,000: net long 6 loses 6 · 30,000 · 16 % = 28,800 at −16 %.
    const grid = portfolioMarginScenarios({ maxMove: '0.16' });
    const future = riskArray(grid, { price: 30_000 });
    const book = combineRiskArrays([
      { quantity: 10, array: future },
      { quantity: -4, array: future },
    ]);
    const r = deribitPortfolioMargin({ scan: scanningRisk(book, grid), contingency: 5 });
    expect([r.maintenance.toString(), r.scanningRisk.toString(), r.scenario]).toEqual(['28805', '28800', 1]);
  });
});

describe('deribitVolShock', () => {
  it('scales the ranges by (30/DTE)^power and floors the up level', () => {
    const s = deribitVolShock({
      volatility: '0.2',
      daysToExpiry: 30,
      volRangeUp: '0.5',
      volRangeDown: '0.25',
      vegaPower: '0.3',
      minVolForShockUp: '0.5',
    });
    expect([s.scale.toString(), s.upShock.toString(), s.up.toString(), s.down.toString()]).toEqual([
      '1',
      '0.5',
      '0.5', // 0.2 · 1.5 = 0.3 is below the 0.5 floor
      '0.15',
    ]);
  });

  it('uses the short-term power below 30 days and the long-term one from 30 on', () => {
    const p = deribitPortfolioMarginPreset();
    const params = {
      volatility: 1,
      volRangeUp: p.volRangeUp,
      volRangeDown: p.volRangeDown,
      shortTermVegaPower: p.shortTermVegaPower,
      longTermVegaPower: p.longTermVegaPower,
    };
    // 7.5 days: 4^0.3; 120 days: 0.25^0.13 (checked with Python's decimal module to 30 digits).
    expect(deribitVolShock({ ...params, daysToExpiry: '7.5' }).scale.toFixed(12)).toBe('1.515716566510');
    expect(deribitVolShock({ ...params, daysToExpiry: 120 }).scale.toFixed(12)).toBe('0.835087919428');
  });

  it('never shocks vol below 0', () => {
    const s = deribitVolShock({
      volatility: '0.4',
      daysToExpiry: 1,
      volRangeUp: 1,
      volRangeDown: 1,
      vegaPower: 1,
    });
    expect(s.down.toString()).toBe('0');
  });

  it('rejects DTE ≤ 0 and a missing power', () => {
    expectRejected(
      () => deribitVolShock({ volatility: 1, daysToExpiry: 0, volRangeUp: 1, vegaPower: 1 }),
      ['input', 'daysToExpiry'],
    );
    expectRejected(
      () => deribitVolShock({ volatility: 1, daysToExpiry: 10, volRangeUp: 1 }),
      ['input', 'shortTermVegaPower'],
    );
  });
});

describe('deribitContingency', () => {
  it('charges net short options per strike, not net long ones, and offsetting futures', () => {
    const c = deribitContingency({
      options: [
        { strike: 30_000, quantity: 10 },
        { strike: 30_000, quantity: -20 },
        { strike: 35_000, quantity: 5 },
        { strike: 40_000, quantity: -3 },
      ],
      perOption: '0.01',
      futures: [
        { expiry: 'MAR', quantity: 100 },
        { expiry: 'JUN', quantity: -60 },
        { expiry: 'JUN', quantity: -10 },
      ],
      futuresRate: '0.01',
    });
    expect(strings(c.netShortByStrike.map((s) => s.netShort))).toEqual(['10', '0', '3']);
    expect([
      c.options.toString(),
      c.offsettingFutures.toString(),
      c.futures.toString(),
      c.total.toString(),
    ]).toEqual(['0.13', '70', '0.7', '0.83']);
  });

  it('charges every option on a gross basis', () => {
    const c = deribitContingency({
      options: [
        { strike: 1, quantity: 150 },
        { strike: 1, quantity: -50 },
      ],
      perOption: '0.01',
      optionBasis: 'gross',
      futuresRate: '0.02',
    });
    expect([c.options.toString(), c.futures.toString()]).toEqual(['2', '0']);
  });

  it('rejects a negative rate and an unknown basis', () => {
    expectRejected(() => deribitContingency({ perOption: -1, futuresRate: 0 }), ['input', 'perOption']);
    expectRejected(
      () => deribitContingency({ perOption: 1, futuresRate: 0, optionBasis: 'net' as never }),
      ['input', 'optionBasis'],
    );
  });
});

describe('deribitFuturesMargin', () => {
  it('adds 0.5 % per 100 BTC to both fractions, whatever the side', () => {
    const m = deribitFuturesMargin(-25);
    expect(strings([m.initialFraction, m.maintenanceFraction, m.initial, m.maintenance])).toEqual([
      '0.02125',
      '0.01625',
      '0.53125',
      '0.40625',
    ]);
    expect(deribitFuturesMargin(0).initial.toString()).toBe('0');
  });

  it('takes other rates', () => {
    const m = deribitFuturesMargin(200, {
      initialBase: '0.1',
      maintenanceBase: '0.05',
      slope: 0,
      sizeStep: 1,
    });
    expect(strings([m.initial, m.maintenance])).toEqual(['20', '10']);
    expectRejected(() => deribitFuturesMargin(1, { sizeStep: 0 }), ['options', 'sizeStep']);
  });
});

describe('timsScenarios', () => {
  it('divides a range into equidistant points per side, 0 only when asked', () => {
    const r = timsValuationRanges();
    expect(strings(timsScenarios(r.highCapBroadIndex, { pointsPerSide: 2 }).map((s) => s.priceMove))).toEqual(
      ['-0.08', '-0.04', '0.03', '0.06'],
    );
    const withZero = timsScenarios(r.broadIndex, { pointsPerSide: 1, includeZero: true });
    expect(strings(withZero.map((s) => s.priceMove))).toEqual(['-0.1', '0', '0.1']);
    expect(r.sources.length).toBe(2);
  });

  it('gives the largest loss over the grid for a stock position', () => {
    // Long 100 shares at 50: worst is −15 %, a loss of 750 at scenario 1.
    const grid = timsScenarios(timsValuationRanges().equity);
    const r = scanningRisk(
      combineRiskArrays([{ quantity: 100, array: riskArray(grid, { price: 50 }) }]),
      grid,
    );
    expect([r.risk.toString(), r.scenario]).toEqual(['750', 1]);
  });

  it('rejects a fall of 100 % and a zero range', () => {
    expectRejected(() => timsScenarios({ down: 1, up: '0.1' }), ['range', 'down']);
    expectRejected(() => timsScenarios({ down: '0.1', up: 0 }), ['range', 'up']);
    expectRejected(
      () => timsScenarios({ down: '0.1', up: '0.1' }, { includeZero: 1 as never }),
      ['options', 'includeZero'],
    );
  });
});
