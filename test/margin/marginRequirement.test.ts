import { describe, expect, it } from 'vitest';
import {
  createMarket,
  InvalidArgumentError,
  isMarginKitError,
  type MarketInput,
  MissingPriceError,
  marginRequirement,
} from '../../src/index.js';

const base = { kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT' } as const;
const flat = createMarket({
  ...base,
  id: 'FLAT',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
});
// Tier 1 deduction 10 000 · (0.025 − 0.01) = 150; tier 2: 150 + 50 000 · (0.05 − 0.025) = 1 400.
const tiered = createMarket({
  ...base,
  id: 'TIERED',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
      { notionalFloor: 10_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
      { notionalFloor: 50_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
    ],
  },
});
const oiInput: MarketInput = {
  ...base,
  id: 'OI',
  marginSchedule: {
    type: 'open-interest',
    initialFraction: '0.2',
    maintenanceFraction: '0.1',
    openInterestLowerCap: 1_000_000,
    openInterestUpperCap: 2_000_000,
  },
};
const oi = createMarket(oiInput);
const inverse = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.004' },
});

describe('marginRequirement', () => {
  it('applies flat fractions to the notional of a long and of a short', () => {
    for (const size of ['0.5', '-0.5']) {
      const r = marginRequirement(flat, size, 60_000);
      // N = 0.5 · 60 000 = 30 000
      expect(r.notional.toString()).toBe('30000');
      // IMR = 0.5 · 60 000 · 0.02 = 600
      expect(r.initial.toString()).toBe('600');
      // MMR = 0.5 · 60 000 · 0.01 = 300
      expect(r.maintenance.toString()).toBe('300');
      expect(r.initialFraction.toString()).toBe('0.02');
      expect(r.scheduleInitialFraction.toString()).toBe('0.02');
      expect(r.maintenanceFraction.toString()).toBe('0.01');
      expect(r.maintenanceDeduction.toString()).toBe('0');
      expect(r.leverageBinding).toBe(false);
      expect('tierIndex' in r).toBe(false);
    }
  });

  it('raises the initial fraction to 1/leverage when that is higher, never the maintenance', () => {
    const r = marginRequirement(flat, '0.5', 60_000, { leverage: 10 });
    // IMF = max(0.02, 1/10) = 0.1 → IMR = 30 000 · 0.1 = 3 000
    expect(r.initialFraction.toString()).toBe('0.1');
    expect(r.initial.toString()).toBe('3000');
    expect(r.scheduleInitialFraction.toString()).toBe('0.02');
    expect(r.leverageBinding).toBe(true);
    // MMR unchanged: 30 000 · 0.01 = 300
    expect(r.maintenance.toString()).toBe('300');
  });

  it('keeps the schedule initial fraction when the leverage is higher than the schedule allows', () => {
    const r = marginRequirement(flat, '0.5', 60_000, { leverage: 100 });
    // 1/100 = 0.01 < 0.02 → IMR = 30 000 · 0.02 = 600
    expect(r.initial.toString()).toBe('600');
    expect(r.leverageBinding).toBe(false);
  });

  it('does not call a leverage binding when 1/leverage equals the schedule fraction', () => {
    const r = marginRequirement(flat, '0.5', 60_000, { leverage: 50 });
    // 1/50 = 0.02 = IMF → IMR = 600, not binding
    expect(r.initial.toString()).toBe('600');
    expect(r.leverageBinding).toBe(false);
  });

  it('uses a fractional leverage exactly', () => {
    const r = marginRequirement(flat, 1, 1000, { leverage: '2.5' });
    // 1/2.5 = 0.4 → IMR = 1 000 · 0.4 = 400
    expect(r.initial.toString()).toBe('400');
  });

  it('picks the tier by the notional, the floor belonging to the tier it starts', () => {
    const below = marginRequirement(tiered, 1, '9999.99');
    // N = 9 999.99 < 10 000 → tier 0: IMR = 9 999.99 · 0.02 = 199.9998, MMR = 9 999.99 · 0.01 = 99.9999
    expect(below.tierIndex).toBe(0);
    expect(below.initial.toString()).toBe('199.9998');
    expect(below.maintenance.toString()).toBe('99.9999');

    const at = marginRequirement(tiered, 1, 10_000);
    // N = 10 000 → tier 1 (floor inclusive): IMR = 10 000 · 0.05 = 500, MMR = 10 000 · 0.025 − 150 = 100
    expect(at.tierIndex).toBe(1);
    expect(at.initial.toString()).toBe('500');
    expect(at.maintenance.toString()).toBe('100');
    expect(at.maintenanceDeduction.toString()).toBe('150');
    expect(at.maintenanceFraction.toString()).toBe('0.025');
  });

  it('subtracts the cumulative deduction of a high tier', () => {
    const r = marginRequirement(tiered, -2, 30_000);
    // N = 2 · 30 000 = 60 000 → tier 2: IMR = 60 000 · 0.1 = 6 000, MMR = 60 000 · 0.05 − 1 400 = 1 600
    expect(r.tierIndex).toBe(2);
    expect(r.initial.toString()).toBe('6000');
    expect(r.maintenance.toString()).toBe('1600');
  });

  it('reproduces the Bybit risk-limit illustration', () => {
    const bybit = createMarket({
      id: 'XYZUSDT',
      kind: 'linear',
      baseAsset: 'XYZ',
      quoteAsset: 'USDT',
      marginSchedule: {
        type: 'tiered',
        tiers: [
          { notionalFloor: 0, initialFraction: '0.1', maintenanceFraction: '0.02' },
          { notionalFloor: 1000, initialFraction: '0.1', maintenanceFraction: '0.025' },
          { notionalFloor: 2000, initialFraction: '0.1', maintenanceFraction: '0.03' },
          { notionalFloor: 3000, initialFraction: '0.1', maintenanceFraction: '0.035' },
        ],
      },
    });
    // N = 100 · 35 = 3 500 → tier 3; deduction = 1 000 · 0.005 + 2 000 · 0.005 + 3 000 · 0.005 = 30
    // MMR = 3 500 · 0.035 − 30 = 122.5 − 30 = 92.5
    expect(marginRequirement(bybit, 100, 35).maintenance.toString()).toBe('92.5');
  });

  it('lets a user leverage bind on top of a tier', () => {
    const r = marginRequirement(tiered, 1, 10_000, { leverage: 4 });
    // max(0.05, 1/4) = 0.25 → IMR = 2 500; MMR still 100
    expect(r.initial.toString()).toBe('2500');
    expect(r.maintenance.toString()).toBe('100');
    expect(r.leverageBinding).toBe(true);
    expect(r.tierIndex).toBe(1);
  });

  it('scales the initial fraction linearly between the open-interest caps', () => {
    const r = marginRequirement(oi, 1, 100, { openInterest: 15_000 });
    // OI notional = 15 000 · 100 = 1 500 000 → IMF = 0.2 + 0.8 · (1 500 000 − 1 000 000) / 1 000 000 = 0.6
    expect(r.initialFraction.toString()).toBe('0.6');
    expect(r.scheduleInitialFraction.toString()).toBe('0.6');
    // IMR = 100 · 0.6 = 60; MMR = 100 · 0.1 = 10 (no scaling)
    expect(r.initial.toString()).toBe('60');
    expect(r.maintenance.toString()).toBe('10');
  });

  it('uses the base initial fraction at and below the lower open-interest cap', () => {
    // 10 000 · 100 = 1 000 000 = lower cap → 0.2
    expect(marginRequirement(oi, 1, 100, { openInterest: 10_000 }).initialFraction.toString()).toBe('0.2');
    // 0 · 100 = 0 → 0.2
    expect(marginRequirement(oi, 1, 100, { openInterest: 0 }).initialFraction.toString()).toBe('0.2');
  });

  it('requires 100 % initial margin at and above the upper open-interest cap', () => {
    // 20 000 · 100 = 2 000 000 = upper cap → 1; IMR = 100 · 1 = 100
    const at = marginRequirement(oi, 1, 100, { openInterest: 20_000 });
    expect(at.initialFraction.toString()).toBe('1');
    expect(at.initial.toString()).toBe('100');
    // 30 000 · 100 = 3 000 000 > upper cap → 1
    expect(marginRequirement(oi, 1, 100, { openInterest: 30_000 }).initialFraction.toString()).toBe('1');
  });

  it('turns the open-interest scaling off with an upper cap of 0, needing no open interest', () => {
    const off = createMarket({
      ...oiInput,
      marginSchedule: {
        type: 'open-interest',
        initialFraction: '0.2',
        maintenanceFraction: '0.1',
        openInterestLowerCap: 0,
        openInterestUpperCap: 0,
      },
    });
    const r = marginRequirement(off, 1, 100);
    // IMR = 100 · 0.2 = 20
    expect(r.initial.toString()).toBe('20');
    expect(marginRequirement(off, 1, 100, { openInterest: 1e12 }).initial.toString()).toBe('20');
  });

  it('combines open-interest scaling and user leverage by the higher fraction', () => {
    // OI fraction 0.6; 1/2 = 0.5 < 0.6 → not binding
    const loose = marginRequirement(oi, 1, 100, { openInterest: 15_000, leverage: 2 });
    expect(loose.initialFraction.toString()).toBe('0.6');
    expect(loose.leverageBinding).toBe(false);
    // 1/1.25 = 0.8 > 0.6 → binding, IMR = 80
    const tight = marginRequirement(oi, 1, 100, { openInterest: 15_000, leverage: '1.25' });
    expect(tight.initial.toString()).toBe('80');
    expect(tight.leverageBinding).toBe(true);
    expect(tight.scheduleInitialFraction.toString()).toBe('0.6');
  });

  it('throws MISSING_OPEN_INTEREST when a scaling schedule has no open interest', () => {
    let caught: unknown;
    try {
      marginRequirement(oi, 1, 100);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingPriceError);
    expect((caught as MissingPriceError).code).toBe('MISSING_OPEN_INTEREST');
    expect((caught as MissingPriceError).path).toEqual(['markets', 'OI', 'openInterest']);
    expect(isMarginKitError(caught)).toBe(true);
  });

  it('measures an inverse requirement in coin', () => {
    const r = marginRequirement(inverse, -100, 25_000);
    // N = 100 · 100 / 25 000 = 0.4 BTC; IMR = 0.4 · 0.01 = 0.004; MMR = 0.4 · 0.004 = 0.0016
    expect(r.notional.toString()).toBe('0.4');
    expect(r.initial.toString()).toBe('0.004');
    expect(r.maintenance.toString()).toBe('0.0016');
  });

  it.each([
    ['0', 0],
    ['a negative leverage', -2],
    ['a non-numeric leverage', 'abc'],
    ['NaN', Number.NaN],
  ])('rejects a leverage of %s with INVALID_ARGUMENT', (_label, leverage) => {
    let caught: unknown;
    try {
      marginRequirement(flat, 1, 100, { leverage });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
    expect((caught as InvalidArgumentError).path).toEqual(['leverage']);
  });
});
