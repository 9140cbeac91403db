import { describe, expect, it } from 'vitest';
import { createMarket, dydxFundingIndexDelta, fundingIndexDelta } from '../../../src/index.js';

const BTC = { price: 5_000_000_000, exponent: -5, atomicResolution: -10 } as const; // $50 000, AR −10

// ΔI = trunc(B2Q(Δt · rate8h_ppm) / 28 800) (v4-chain x/perpetuals/funding/funding.go GetFundingIndexDelta)
describe('dydxFundingIndexDelta', () => {
  it('one hour of 1 000 ppm per 8 h at BTC 50 000 is 625 ($6.25 per BTC)', () => {
    // 3 600 · 1 000 = 3.6e6; B2Q: 3.6e6 · 5e9 / 1e9 = 1.8e7; / 28 800 = 625
    expect(dydxFundingIndexDelta(1000, 3600, BTC.atomicResolution, BTC.price, BTC.exponent).toString()).toBe(
      '625',
    );
    // human: 625 · 10^(−12 + 10) = 6.25, the generic index delta of 50 000 · 0.001 / 8
    const btc = createMarket({
      id: 'BTC-USD',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.03' },
      fundingSchedule: {
        intervalMs: 3_600_000,
        ratePeriodMs: 28_800_000,
        paymentPrice: 'oracle',
        rate: { type: 'clamped-premium', cap: '0.12' },
      },
    });
    expect(fundingIndexDelta(btc, 50_000, '0.001', 3_600_000).toString()).toBe('6.25');
  });

  it('truncates toward zero twice (v4-chain TestGetFundingIndexDelta)', () => {
    // 28 800 · 1 001 999 = 28 857 571 200; B2Q at AR −12, price 1 000, exp 0 (power −6):
    // 28 857 571 200 · 1 000 / 1e6 = 28 857 571.2 → 28 857 571; / 28 800 = 1 001.99899… → 1 001
    expect(dydxFundingIndexDelta(1_001_999, 28_800, -12, 1000, 0).toString()).toBe('1001');
    // negative: −1 001 (toward zero, not −1 002)
    expect(dydxFundingIndexDelta(-1_001_999, 28_800, -12, 1000, 0).toString()).toBe('-1001');
  });

  it('multiplies when the power is positive (v4-chain "Varied parameters")', () => {
    // 14 400 · −1 001 999 = −14 428 785 600; power 2 − 4 + 6 = 4: · 1 000 · 1e4 = −1.442878560e17;
    // / 28 800 = −5 009 995 000 000 exactly (= −$50 099.95 per coin at AR −4)
    expect(dydxFundingIndexDelta(-1_001_999, 14_400, -4, 1000, 2).toString()).toBe('-5009995000000');
  });

  it('truncates a short tick', () => {
    // 60 s at 1 000 ppm: 6e4 · 5e9 / 1e9 = 300 000; / 28 800 = 10.41… → 10; negative → −10
    expect(dydxFundingIndexDelta(1000, 60, BTC.atomicResolution, BTC.price, BTC.exponent).toString()).toBe(
      '10',
    );
    expect(dydxFundingIndexDelta(-1000, 60, BTC.atomicResolution, BTC.price, BTC.exponent).toString()).toBe(
      '-10',
    );
  });

  it('is zero for a zero rate', () => {
    expect(dydxFundingIndexDelta(0, 3600, BTC.atomicResolution, BTC.price, BTC.exponent).isZero()).toBe(true);
  });

  it('rejects a fractional rate or duration', () => {
    expect(() => dydxFundingIndexDelta('1000.5', 3600, -10, BTC.price, BTC.exponent)).toThrow(/rate8hPpm/);
    expect(() => dydxFundingIndexDelta(1000, '3600.5', -10, BTC.price, BTC.exponent)).toThrow(/seconds/);
  });
});
