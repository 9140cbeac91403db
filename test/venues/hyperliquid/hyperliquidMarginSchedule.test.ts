import { describe, expect, it } from 'vitest';
import { Decimal, ValidationError } from '../../../src/index.js';
import { hyperliquidMarginSchedule } from '../../../src/venues/hyperliquid/hyperliquidMarginSchedule.js';

function codeAndPath(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('did not throw');
}

// IMF = 1/L, MMR = 1/(2L), d₀ = 0, dₙ = dₙ₋₁ + boundₙ·(MMRₙ − MMRₙ₋₁) (Hyperliquid docs "Margin tiers")
describe('hyperliquidMarginSchedule', () => {
  it('reproduces its documented example (BTC mainnet: 40× to 150M, then 20×)', () => {
    const btc = hyperliquidMarginSchedule({
      marginTiers: [
        { lowerBound: '0.0', maxLeverage: 40 },
        { lowerBound: '150000000.0', maxLeverage: 20 },
      ],
    });
    expect(btc.tiers.map((t) => t.maintenanceFraction.toString())).toEqual(['0.0125', '0.025']);
    expect(btc.tiers[1]?.maintenanceDeduction.toString()).toBe('1875000');
    expect(hyperliquidMarginSchedule(20).tiers[0]?.maintenanceFraction.toString()).toBe('0.025');
  });

  it('gives the initial fraction 1/L and the type of a tiered schedule', () => {
    const s = hyperliquidMarginSchedule({
      description: 'tiered 10x',
      marginTiers: [
        { lowerBound: '0.0', maxLeverage: 10 },
        { lowerBound: '3000000.0', maxLeverage: 5 },
      ],
    });
    expect(s.type).toBe('tiered');
    expect(s.tiers.map((t) => [t.notionalFloor.toString(), t.initialFraction.toString()])).toEqual([
      ['0', '0.1'],
      ['3000000', '0.2'],
    ]);
    // 3M · (0.1 − 0.05) = 150 000
    expect(s.tiers[1]?.maintenanceDeduction.toString()).toBe('150000');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.tiers[0])).toBe(true);
  });

  it('accumulates deductions over three tiers (testnet BTC: 40× to 10k, 25× to 50k, 10× above)', () => {
    const s = hyperliquidMarginSchedule({
      marginTiers: [
        { lowerBound: 0, maxLeverage: 40 },
        { lowerBound: 10_000, maxLeverage: 25 },
        { lowerBound: '50000', maxLeverage: 10 },
      ],
    });
    // d1 = 10 000 · (0.02 − 0.0125) = 75; d2 = 75 + 50 000 · (0.05 − 0.02) = 1 575
    expect(s.tiers.map((t) => t.maintenanceDeduction.toString())).toEqual(['0', '75', '1575']);
    // maintenance is continuous at each bound
    for (let n = 1; n < s.tiers.length; n++) {
      const lower = s.tiers[n - 1];
      const upper = s.tiers[n];
      if (!lower || !upper) throw new Error('tier');
      const bound = upper.notionalFloor;
      expect(
        bound
          .times(lower.maintenanceFraction)
          .minus(lower.maintenanceDeduction)
          .eq(bound.times(upper.maintenanceFraction).minus(upper.maintenanceDeduction)),
      ).toBe(true);
    }
  });

  it('reads a table id below 50 as one tier at that leverage', () => {
    expect(hyperliquidMarginSchedule(3).tiers[0]?.initialFraction.eq(new Decimal(1).div(3))).toBe(true);
    expect(hyperliquidMarginSchedule(1).tiers[0]?.maintenanceFraction.toString()).toBe('0.5');
    expect(hyperliquidMarginSchedule(49).tiers.length).toBe(1);
  });

  it('rejects a table id of 50 or more, 0, or a fraction', () => {
    expect(codeAndPath(() => hyperliquidMarginSchedule(50))).toEqual({ code: 'INVALID_FIELD', path: [] });
    expect(codeAndPath(() => hyperliquidMarginSchedule(0))).toEqual({ code: 'INVALID_FIELD', path: [] });
    expect(codeAndPath(() => hyperliquidMarginSchedule(2.5))).toEqual({ code: 'INVALID_FIELD', path: [] });
  });

  it('names the bad field of a malformed table', () => {
    const tiers = (marginTiers: unknown) => () => hyperliquidMarginSchedule({ marginTiers } as never);
    expect(codeAndPath(tiers([]))).toEqual({ code: 'EMPTY', path: ['marginTiers'] });
    expect(codeAndPath(tiers([{ lowerBound: '5.0', maxLeverage: 10 }]))).toEqual({
      code: 'TIERS_NOT_ASCENDING',
      path: ['marginTiers', 0, 'lowerBound'],
    });
    expect(
      codeAndPath(
        tiers([
          { lowerBound: '0.0', maxLeverage: 10 },
          { lowerBound: '0.0', maxLeverage: 5 },
        ]),
      ),
    ).toEqual({ code: 'TIERS_NOT_ASCENDING', path: ['marginTiers', 1, 'lowerBound'] });
    expect(
      codeAndPath(
        tiers([
          { lowerBound: '0.0', maxLeverage: 10 },
          { lowerBound: '100.0', maxLeverage: 20 },
        ]),
      ),
    ).toEqual({ code: 'FRACTIONS_DECREASING', path: ['marginTiers', 1, 'maxLeverage'] });
    expect(codeAndPath(tiers([{ lowerBound: '0.0', maxLeverage: 0 }]))).toEqual({
      code: 'NOT_POSITIVE',
      path: ['marginTiers', 0, 'maxLeverage'],
    });
    expect(codeAndPath(tiers([{ lowerBound: '0.0', maxLeverage: '10' }]))).toEqual({
      code: 'INVALID_TYPE',
      path: ['marginTiers', 0, 'maxLeverage'],
    });
    expect(codeAndPath(tiers([{ lowerBound: 'lots', maxLeverage: 10 }]))).toEqual({
      code: 'NOT_A_NUMBER',
      path: ['marginTiers', 0, 'lowerBound'],
    });
    expect(codeAndPath(tiers([{ maxLeverage: 10 }]))).toEqual({
      code: 'MISSING_FIELD',
      path: ['marginTiers', 0, 'lowerBound'],
    });
    expect(codeAndPath(() => hyperliquidMarginSchedule({} as never))).toEqual({
      code: 'MISSING_FIELD',
      path: ['marginTiers'],
    });
  });
});
