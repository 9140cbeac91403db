import { describe, expect, it } from 'vitest';
import { dydxBaseToQuoteQuantums, isMarginKitError } from '../../../src/index.js';

// qq = bq · price · 10^(exponent + AR + 6), truncated toward zero when the power is negative
// (dydxprotocol/v4-chain protocol/lib/quantums.go BaseToQuoteQuantums).
describe('dydxBaseToQuoteQuantums', () => {
  it('converts 0.1 BTC at 50 000 to 5 000 USDC', () => {
    // 0.1 BTC = 1e7 bq at AR −8; price 5e9 · 10^−5 = 50 000; power −5 − 8 + 6 = −7
    // 1e7 · 5e9 / 1e7 = 5e9 qq = 5 000 USDC
    expect(dydxBaseToQuoteQuantums(10_000_000, -8, 5_000_000_000, -5).toString()).toBe('5000000000');
  });

  it('truncates toward zero for both signs (v4-chain TestGetNetNotionalInQuoteQuantums)', () => {
    // −1e12 bq at AR −16 = −0.0001 coin; price 123 456 789 123 · 10^−5 = 1 234 567.89123; power −15
    // −1e12 · 123 456 789 123 / 1e15 = −123 456 789.123 → −123 456 789 (not −123 456 790)
    expect(dydxBaseToQuoteQuantums(-1_000_000_000_000, -16, 123_456_789_123, -5).toString()).toBe(
      '-123456789',
    );
    expect(dydxBaseToQuoteQuantums(1_000_000_000_000, -16, 123_456_789_123, -5).toString()).toBe('123456789');
    // 7 · 5 000 000 001 / 1e9 = 35.000000007 → 35; −35.000000007 → −35
    expect(dydxBaseToQuoteQuantums(7, -10, 5_000_000_001, -5).toString()).toBe('35');
    expect(dydxBaseToQuoteQuantums(-7, -10, 5_000_000_001, -5).toString()).toBe('-35');
  });

  it('multiplies when the power is zero or positive', () => {
    // power 0 − 6 + 6 = 0: 5 · 7 = 35 qq (5e-6 coin at $7 = $0.000035)
    expect(dydxBaseToQuoteQuantums(5, -6, 7, 0).toString()).toBe('35');
    // power 2 − 6 + 6 = 2: 3 · 1 000 · 100 = 300 000 qq (3e-6 coin at $100 000 = $0.30)
    expect(dydxBaseToQuoteQuantums(3, -6, 1000, 2).toString()).toBe('300000');
  });

  it('is exact beyond 2^53', () => {
    // 123 456 789 012 345 678 901 bq at AR −9 (123 456 789 012.345678901 ETH) at 3e9 · 10^−6 = $3 000, power −9:
    // 123 456 789 012 345 678 901 · 3e9 / 1e9 = 370 370 367 037 037 036 703 qq
    expect(dydxBaseToQuoteQuantums('123456789012345678901', -9, 3_000_000_000, -6).toFixed()).toBe(
      '370370367037037036703',
    );
  });

  it('rejects a fractional quantity', () => {
    expect(() => dydxBaseToQuoteQuantums('1.5', -8, 5_000_000_000, -5)).toThrow(/baseQuantums/);
    expect(() => dydxBaseToQuoteQuantums(1, -8, '5000000000.5', -5)).toThrow(/price/);
  });

  it('rejects a fractional quantity with a typed error naming the argument', () => {
    let thrown: unknown;
    try {
      dydxBaseToQuoteQuantums('1.5', -8, 5_000_000_000, -5);
    } catch (error) {
      thrown = error;
    }
    expect(isMarginKitError(thrown)).toBe(true);
  });
});
