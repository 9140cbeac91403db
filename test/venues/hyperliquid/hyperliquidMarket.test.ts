import { describe, expect, it } from 'vitest';
import { fundingPayment, marginRequirement, ValidationError } from '../../../src/index.js';
import { hyperliquidMarket } from '../../../src/venues/hyperliquid/hyperliquidMarket.js';

function codeAndPath(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('did not throw');
}

const ETH_TABLE = {
  marginTiers: [
    { lowerBound: '0.0', maxLeverage: 25 },
    { lowerBound: '100000000.0', maxLeverage: 15 },
  ],
};

describe('hyperliquidMarket', () => {
  it('reproduces its documented example', () => {
    const eth = hyperliquidMarket({ coin: 'ETH', szDecimals: 4, marginTable: ETH_TABLE });
    expect(eth.stepSize?.toString()).toBe('0.0001');
    expect(eth.fundingSchedule?.paymentPrice).toBe('oracle');
    expect(marginRequirement(eth, 10, 3000).maintenance.toString()).toBe('600');
  });

  it('is a linear USDC market named after the coin, with the table and the hourly funding', () => {
    const eth = hyperliquidMarket({ coin: 'ETH', szDecimals: 4, marginTable: ETH_TABLE });
    expect(eth.id).toBe('ETH');
    expect(eth.kind).toBe('linear');
    expect(eth.baseAsset).toBe('ETH');
    expect(eth.quoteAsset).toBe('USDC');
    expect(eth.settleAsset).toBe('USDC');
    expect(eth.contractSize.toString()).toBe('1');
    expect(eth.tickSize).toBeUndefined();
    const s = eth.marginSchedule;
    if (s.type !== 'tiered') throw new Error('tiered');
    // 100M · (1/30 − 1/50): the second tier's deduction
    expect(s.tiers[1]?.maintenanceDeduction.toFixed(6)).toBe('1333333.333333');
    const f = eth.fundingSchedule;
    expect([f?.intervalMs, f?.ratePeriodMs, f?.anchorMs]).toEqual([3_600_000, 28_800_000, 0]);
    // one hour of the interest alone on 10 ETH at an oracle of 3,000: 30 000 · 0.0001 / 8
    expect(fundingPayment(eth, 10, 3000, '0.0001').toString()).toBe('0.375');
    expect(Object.isFrozen(eth)).toBe(true);
  });

  it('takes a table id below 50, another collateral, and no step when szDecimals is omitted', () => {
    const tsla = hyperliquidMarket({ coin: 'xyz:TSLA', marginTable: 10, collateralAsset: 'USDE' });
    expect(tsla.settleAsset).toBe('USDE');
    expect(tsla.stepSize).toBeUndefined();
    expect(marginRequirement(tsla, 2, 450).initial.toString()).toBe('90');
    expect(hyperliquidMarket({ coin: 'DOGE', szDecimals: 0, marginTable: 10 }).stepSize?.toString()).toBe(
      '1',
    );
  });

  it('names the bad field', () => {
    expect(codeAndPath(() => hyperliquidMarket({ coin: '', marginTable: 10 }))).toEqual({
      code: 'MISSING_FIELD',
      path: ['coin'],
    });
    expect(codeAndPath(() => hyperliquidMarket({ coin: 'BTC', szDecimals: 1.5, marginTable: 10 }))).toEqual({
      code: 'INVALID_FIELD',
      path: ['szDecimals'],
    });
    expect(codeAndPath(() => hyperliquidMarket({ coin: 'BTC', marginTable: 56 }))).toEqual({
      code: 'INVALID_FIELD',
      path: ['marginTable'],
    });
    expect(
      codeAndPath(() =>
        hyperliquidMarket({
          coin: 'BTC',
          marginTable: { marginTiers: [{ lowerBound: '0.0', maxLeverage: -3 }] },
        }),
      ),
    ).toEqual({ code: 'NOT_POSITIVE', path: ['marginTable', 'marginTiers', 0, 'maxLeverage'] });
    expect(codeAndPath(() => hyperliquidMarket({ coin: 'BTC' } as never))).toEqual({
      code: 'MISSING_FIELD',
      path: ['marginTable'],
    });
    expect(
      codeAndPath(() => hyperliquidMarket({ coin: 'BTC', marginTable: 10, maxLev: 3 } as never)),
    ).toEqual({
      code: 'UNKNOWN_FIELD',
      path: ['maxLev'],
    });
  });
});
