import { describe, expect, it } from 'vitest';
import { Decimal, fundingRateFromPremium, premiumIndex } from '../../../src/index.js';
import { hyperliquidFundingRate } from '../../../src/venues/hyperliquid/hyperliquidFundingRate.js';
import { hyperliquidFundingSchedule } from '../../../src/venues/hyperliquid/hyperliquidFundingSchedule.js';

describe('hyperliquidFundingSchedule', () => {
  it('reproduces its documented example', () => {
    const hl = hyperliquidFundingSchedule();
    expect(hl.intervalMs).toBe(3_600_000);
    expect(hl.ratePeriodMs).toBe(28_800_000);
    expect(hl.paymentPrice).toBe('oracle');
    if (hl.rate.type !== 'premium-interest') throw new Error('premium-interest');
    expect(hl.rate.cap.toString()).toBe('0.32');
  });

  it('has interest 0.0001, clamp 0.0005 and a symmetric cap of 4 %/h', () => {
    const hl = hyperliquidFundingSchedule();
    if (hl.rate.type !== 'premium-interest') throw new Error('premium-interest');
    expect(hl.rate.interestRate.toString()).toBe('0.0001');
    expect(hl.rate.clampBand.toString()).toBe('0.0005');
    expect(hl.rate.floor.toString()).toBe('-0.32');
    // cap per 8 h, paid per hour: 0.32 · 1 h / 8 h = 0.04
    expect(hl.rate.cap.times(hl.intervalMs).div(hl.ratePeriodMs).toString()).toBe('0.04');
    expect(Object.isFrozen(hl)).toBe(true);
    expect(hyperliquidFundingSchedule()).not.toBe(hl);
  });
});

describe('hyperliquidFundingRate', () => {
  it('reproduces its documented example', () => {
    const f = hyperliquidFundingRate('0.01');
    expect(f.eightHour.toString()).toBe('0.0095');
    expect(f.hourly.toString()).toBe('0.0011875');
    expect(hyperliquidFundingRate(0).hourly.toString()).toBe('0.0000125');
  });

  it('is the interest alone inside the band, and the premium ∓ 0.0005 outside it', () => {
    for (const p of ['-0.0004', '0', '0.0001', '0.00059', '0.0006']) {
      expect(hyperliquidFundingRate(p).hourly.toString()).toBe('0.0000125');
    }
    expect(hyperliquidFundingRate('0.002').eightHour.toString()).toBe('0.0015');
    expect(hyperliquidFundingRate('-0.002').eightHour.toString()).toBe('-0.0015');
  });

  it('caps the hourly rate at ±4 %', () => {
    expect(hyperliquidFundingRate('0.5').hourly.toString()).toBe('0.04');
    expect(hyperliquidFundingRate('-0.9').hourly.toString()).toBe('-0.04');
    expect(hyperliquidFundingRate('0.3205').hourly.toString()).toBe('0.04');
  });

  it('matches the observed settled hour of the reference notes (§6.3, within 1e-10)', () => {
    // premium −0.0005591732 → settled −0.0000073966 (reference/cex-and-clearing.md §6.3, HL-FUND-OBS-1)
    const f = hyperliquidFundingRate('-0.0005591732');
    expect(f.hourly.toString()).toBe('-0.00000739665');
    expect(f.hourly.minus('-0.0000073966').abs().lessThanOrEqualTo('1e-10')).toBe(true);
  });

  it('agrees with the generic rate formation on the premium of a book', () => {
    const premium = premiumIndex('63405', '63412', '63388'); // bid above the oracle
    const generic = fundingRateFromPremium(hyperliquidFundingSchedule().rate, premium);
    expect(hyperliquidFundingRate(premium).eightHour.eq(generic)).toBe(true);
    expect(hyperliquidFundingRate(premium).hourly.eq(generic.div(new Decimal(8)))).toBe(true);
  });
});
