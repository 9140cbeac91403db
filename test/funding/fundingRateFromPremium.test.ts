import { describe, expect, it } from 'vitest';
import { createFundingSchedule, fundingRateFromPremium, InvalidArgumentError } from '../../src/index.js';

// Binance USDⓈ-M shape: I = 0.01 % per 8 h, interest clamp ±0.05 %, cap ±0.75 % (cap is a per-symbol parameter).
const binance = createFundingSchedule({
  intervalMs: 28_800_000,
  paymentPrice: 'mark',
  rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.0075' },
}).rate;
// OKX shape: no interest term, premium clamped to the BTC cap ±0.375 %.
const okx = createFundingSchedule({
  intervalMs: 28_800_000,
  paymentPrice: 'mark',
  rate: { type: 'clamped-premium', cap: '0.00375' },
}).rate;

function expectRate(model: Parameters<typeof fundingRateFromPremium>[0], premium: string, rate: string) {
  expect(fundingRateFromPremium(model, premium).toString()).toBe(rate);
}

describe('fundingRateFromPremium: premium plus clamped interest (Binance, Bybit, BitMEX, Hyperliquid)', () => {
  it('equals the interest rate while the premium lies within the ±0.05 % band around it', () => {
    // Binance FAQ: "as long as the Premium Index is between −0.04 % and 0.06 %, the Funding Rate will equal 0.01 %"
    // P = −0.0004: I − P = 0.0005 (inside the band) → F = −0.0004 + 0.0005 = 0.0001
    expectRate(binance, '-0.0004', '0.0001');
    // P = 0: I − P = 0.0001 → F = 0 + 0.0001 = 0.0001
    expectRate(binance, '0', '0.0001');
    // P = 0.0003: I − P = −0.0002 → F = 0.0003 − 0.0002 = 0.0001
    expectRate(binance, '0.0003', '0.0001');
    // P = 0.0006: I − P = −0.0005 (edge of the band) → F = 0.0006 − 0.0005 = 0.0001
    expectRate(binance, '0.0006', '0.0001');
  });

  it('moves with the premium outside the band, offset by the band', () => {
    // P = 0.0007: I − P = −0.0006 → clamped to −0.0005 → F = 0.0007 − 0.0005 = 0.0002
    expectRate(binance, '0.0007', '0.0002');
    // P = 0.001: I − P = −0.0009 → −0.0005 → F = 0.0005
    expectRate(binance, '0.001', '0.0005');
    // P = −0.0005: I − P = 0.0006 → 0.0005 → F = −0.0005 + 0.0005 = 0
    expect(fundingRateFromPremium(binance, '-0.0005').isZero()).toBe(true);
    // P = −0.002: I − P = 0.0021 → 0.0005 → F = −0.0015
    expectRate(binance, '-0.002', '-0.0015');
  });

  it('caps the rate at ±cap', () => {
    // P = 0.01: 0.01 − 0.0005 = 0.0095 > cap 0.0075 → 0.0075
    expectRate(binance, '0.01', '0.0075');
    // P = −0.01: I − P = 0.0101 → 0.0005 → −0.0095 < floor −0.0075 → −0.0075
    expectRate(binance, '-0.01', '-0.0075');
  });

  it('uses an asymmetric floor when one is given', () => {
    const model = createFundingSchedule({
      intervalMs: 28_800_000,
      paymentPrice: 'mark',
      rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.003', floor: '-0.001' },
    }).rate;
    // P = −0.01: −0.01 + 0.0005 = −0.0095 → floor −0.001
    expectRate(model, '-0.01', '-0.001');
    // P = 0.01: 0.0095 → cap 0.003
    expectRate(model, '0.01', '0.003');
  });

  it('reproduces the Hyperliquid docs example on the 8-hour basis: premium 1 % → 0.95 %', () => {
    const hl = createFundingSchedule({
      intervalMs: 3_600_000,
      ratePeriodMs: 28_800_000,
      paymentPrice: 'oracle',
      rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.32' },
    }).rate;
    // I − P = 0.0001 − 0.01 = −0.0099 → clamped to −0.0005 → F = 0.01 − 0.0005 = 0.0095
    expectRate(hl, '0.01', '0.0095');
  });
});

describe('fundingRateFromPremium: clamped premium (OKX, dYdX v4)', () => {
  it('clamps the premium itself to the cap (OKX BTC ±0.375 %)', () => {
    // clamp(−0.02, −0.00375, 0.00375) = −0.00375
    expectRate(okx, '-0.02', '-0.00375');
    // clamp(0.001, ...) = 0.001: no interest term pulls it toward 0.01 %
    expectRate(okx, '0.001', '0.001');
    // clamp(0.004, ...) = 0.00375
    expectRate(okx, '0.004', '0.00375');
  });

  it('adds the offset before clamping (dYdX default funding)', () => {
    const dydx = createFundingSchedule({
      intervalMs: 3_600_000,
      ratePeriodMs: 28_800_000,
      paymentPrice: 'oracle',
      rate: { type: 'clamped-premium', offset: '0.0001', cap: '0.12' },
    }).rate;
    // 0.0005 + 0.0001 = 0.0006 (inside ±0.12)
    expectRate(dydx, '0.0005', '0.0006');
    // 0.15 + 0.0001 = 0.1501 → cap 0.12
    expectRate(dydx, '0.15', '0.12');
  });
});

describe('fundingRateFromPremium: bad input', () => {
  it('rejects a rate path, which has no premium rule', () => {
    const path = createFundingSchedule({
      intervalMs: 3_600_000,
      paymentPrice: 'oracle',
      rate: { type: 'path', points: [{ time: 0, rate: '0.0001' }] },
    }).rate;
    try {
      fundingRateFromPremium(path, '0.001');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      expect((error as InvalidArgumentError).path).toEqual(['model']);
    }
  });

  it('rejects a malformed premium', () => {
    expect(() => fundingRateFromPremium(binance, 'NaN')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['premium'] }),
    );
  });
});
