import { describe, expect, it } from 'vitest';
import {
  driftPerpMarginRatio,
  driftSizeDiscountAssetWeight,
  driftSizePremiumLiabilityWeight,
  driftSpotWeight,
  driftUnrealizedAssetWeight,
} from '../../../src/index.js';
import { isqrt } from '../../../src/venues/drift/integers.js';
import { invalidArgument } from '../../support/invalidArgument.js';
import { sol } from './markets.js';

const market = {
  oraclePrice: 100_000_000,
  marginRatioInitial: 1_000,
  marginRatioMaintenance: 500,
  imfFactor: 1_000,
};

describe('isqrt', () => {
  it('is the floor square root, also past float precision', () => {
    expect(isqrt(0n)).toBe(0n);
    expect(isqrt(1n)).toBe(1n);
    expect(isqrt(99n)).toBe(9n);
    expect(isqrt(100n)).toBe(10n);
    const big = 10n ** 40n + 12345n;
    expect(isqrt(big)).toBe(10n ** 20n);
    expect(isqrt(big * big - 1n)).toBe(big - 1n);
  });
});

describe('driftSizePremiumLiabilityWeight', () => {
  it('returns the base weight with no IMF factor', () => {
    expect(driftSizePremiumLiabilityWeight(10n ** 18n, 0, 11_000).toString()).toBe('11000');
  });
  it('never falls below the base weight at small sizes', () => {
    // 1 coin: ⌊√(1e10 + 1)⌋ = 100 000 → 8 800 + ⌊1e5 · 1e4 / 1e7⌋ = 8 900 < 11 000
    expect(driftSizePremiumLiabilityWeight(1_000_000_000, 10_000, 11_000).toString()).toBe('11000');
  });
  it('grows with the square root of the size (hand-checked)', () => {
    // 1e4 coins: √1e14 = 1e7 → 8 800 + ⌊1e7 · 1e4 / 1e7⌋ = 18 800
    expect(driftSizePremiumLiabilityWeight(10n ** 13n, 10_000, 11_000).toString()).toBe('18800');
    // ignores the sign of the size
    expect(driftSizePremiumLiabilityWeight(-(10n ** 13n), 10_000, 11_000).toString()).toBe('18800');
  });
  it('rejects fractional and negative factors with their path', () => {
    expect(invalidArgument(() => driftSizePremiumLiabilityWeight('1.5', 1, 1)).path).toEqual(['size']);
    expect(invalidArgument(() => driftSizePremiumLiabilityWeight(1, -1, 1)).path).toEqual(['imfFactor']);
    expect(invalidArgument(() => driftSizePremiumLiabilityWeight(1, 1, 1, 0)).path).toEqual(['precision']);
  });
});

describe('driftSizeDiscountAssetWeight', () => {
  it('is capped by the base weight and falls with size', () => {
    expect(driftSizeDiscountAssetWeight(1_000_000_000, 0, 8_000).toString()).toBe('8000');
    // 1e4 coins, factor 0.1: 1.1e10 / (1e6 + 1e7 · 1e5 / 1e5) = 1 000
    expect(driftSizeDiscountAssetWeight(10n ** 13n, 100_000, 8_000).toString()).toBe('1000');
    expect(driftSizeDiscountAssetWeight(1, 100_000, 8_000).toString()).toBe('8000');
  });
});

describe('driftPerpMarginRatio', () => {
  it('applies the premium per category and the user floor to initial only', () => {
    expect(driftPerpMarginRatio(market, 1_000_000_000, 'maintenance').toString()).toBe('500');
    expect(driftPerpMarginRatio(market, 10n ** 13n, 'maintenance').toString()).toBe('1400');
    expect(driftPerpMarginRatio(market, 10n ** 13n, 'initial').toString()).toBe('1800');
    expect(driftPerpMarginRatio(market, 1, 'initial', { userMaxMarginRatio: 5_000 }).toString()).toBe('5000');
    expect(driftPerpMarginRatio(market, 1, 'maintenance', { userMaxMarginRatio: 5_000 }).toString()).toBe(
      '500',
    );
  });
  it('rejects an unknown category and a bad market field with its path', () => {
    expect(invalidArgument(() => driftPerpMarginRatio(market, 1, 'fill' as 'initial')).path).toEqual([
      'category',
    ]);
    expect(
      invalidArgument(() => driftPerpMarginRatio({ ...market, oraclePrice: 0 }, 1, 'initial')).path,
    ).toEqual(['market', 'oraclePrice']);
  });
});

describe('driftUnrealizedAssetWeight', () => {
  const m = { ...market, unrealizedPnlImfFactor: 1_000, unrealizedPnlMaintenanceAssetWeight: 9_000 };
  it('counts losses in full and gains at their weight', () => {
    expect(driftUnrealizedAssetWeight(m, -5_000_000, 'initial').toString()).toBe('10000');
    expect(driftUnrealizedAssetWeight(m, 5_000_000, 'maintenance').toString()).toBe('9000');
    expect(
      driftUnrealizedAssetWeight({ ...m, unrealizedPnlInitialAssetWeight: 0 }, 5, 'initial').toString(),
    ).toBe('0');
  });
});

describe('driftSpotWeight', () => {
  it('picks the asset or liability weight by sign and category', () => {
    expect(driftSpotWeight(sol, 10n ** 9n, 'initial').toString()).toBe('8000');
    expect(driftSpotWeight(sol, 10n ** 9n, 'maintenance').toString()).toBe('9000');
    expect(driftSpotWeight(sol, -(10n ** 9n), 'initial').toString()).toBe('12000');
    expect(driftSpotWeight(sol, -(10n ** 9n), 'maintenance').toString()).toBe('11000');
  });
  it('converts token decimals to 1e9 before the size term', () => {
    // 18 decimals: 1e4 tokens = 1e22 → 1e13 at 1e9; factor 0.1 → 1 000
    const eth18 = { ...sol, decimals: 18, imfFactor: 100_000 };
    expect(driftSpotWeight(eth18, 10n ** 22n, 'initial').toString()).toBe('1000');
  });
  it('rejects out-of-range decimals with their path', () => {
    expect(invalidArgument(() => driftSpotWeight({ ...sol, decimals: 20 }, 1, 'initial')).path).toEqual([
      'market',
      'decimals',
    ]);
  });
});
