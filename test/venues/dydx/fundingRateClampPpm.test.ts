import { describe, expect, it } from 'vitest';
import { dydxFundingRateClampPpm, fundingRateBound } from '../../../src/index.js';

// bound = floor(factor · (IMF − floor(IMF · MF / 1e6)) / 1e6)
// (v4-chain x/perpetuals/types/liquidity_tier.go GetMaxAbsFundingClampPpm)
describe('dydxFundingRateClampPpm', () => {
  it('600 % of (15 % − 12 %) is 180 000 ppm (v4-chain TestLiquidityTierGetMaxAbsFundingClampPpm)', () => {
    // MM = 150 000 · 800 000 / 1e6 = 120 000; 6 000 000 · 30 000 / 1e6 = 180 000
    expect(dydxFundingRateClampPpm(6_000_000, 150_000, 800_000).toString()).toBe('180000');
    // the generic bound in fractions: 6 · (0.15 − 0.12) = 0.18
    expect(fundingRateBound('0.15', '0.12', 6).toString()).toBe('0.18');
  });

  it('floors the maintenance ppm, then the bound (same test, odd parameters)', () => {
    // MM = floor(745 345 · 564 947 / 1e6) = floor(421 080.421715) = 421 080
    // bound = floor(423 978 721 · (745 345 − 421 080) / 1e6) = floor(423 978 721 · 324 265 / 1e6) = 137 481 459
    expect(dydxFundingRateClampPpm(423_978_721, 745_345, 564_947).toString()).toBe('137481459');
  });

  it('gives the genesis liquidity tiers’ clamps (dydx-v4.md §2)', () => {
    // Large-Cap IMF 2 %, MF 60 %: MM 12 000; 6 · 8 000 = 48 000 (4.8 % per 8 h)
    expect(dydxFundingRateClampPpm(6_000_000, 20_000, 600_000).toString()).toBe('48000');
    // Small-Cap 10 %, 50 %: 6 · 50 000 = 300 000
    expect(dydxFundingRateClampPpm(6_000_000, 100_000, 500_000).toString()).toBe('300000');
    // Safety 100 %, 20 %: 6 · 800 000 = 4 800 000
    expect(dydxFundingRateClampPpm(6_000_000, 1_000_000, 200_000).toString()).toBe('4800000');
    // FX 1 %, 50 %: 6 · 5 000 = 30 000
    expect(dydxFundingRateClampPpm(6_000_000, 10_000, 500_000).toString()).toBe('30000');
    // the premium-vote clamp (factor 60 000 000) is ten times the funding clamp: Large-Cap 480 000
    expect(dydxFundingRateClampPpm(60_000_000, 20_000, 600_000).toString()).toBe('480000');
  });

  it('floors a fractional bound', () => {
    // MM = floor(3 · 0 / 1e6) = 0; floor(1 000 001 · 3 / 1e6) = floor(3.000003) = 3
    expect(dydxFundingRateClampPpm(1_000_001, 3, 0).toString()).toBe('3');
    // MM = floor(3 · 500 000 / 1e6) = floor(1.5) = 1 (not 1.5): floor(6e6 · 2 / 1e6) = 12
    expect(dydxFundingRateClampPpm(6_000_000, 3, 500_000).toString()).toBe('12');
  });

  it('rejects fractional ppm', () => {
    expect(() => dydxFundingRateClampPpm(6_000_000, '150000.5', 800_000)).toThrow(/initialMarginPpm/);
  });
});
