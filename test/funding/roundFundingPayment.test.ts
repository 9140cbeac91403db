import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, isMarginKitError, roundFundingPayment } from '../../src/index.js';

describe('roundFundingPayment', () => {
  it('rounds against the holder: a payer pays up, a receiver is credited down', () => {
    // 8.5 paid → 9; 8.5 received (−8.5) → −8 (dYdX: floor of the credited amount)
    expect(roundFundingPayment('8.5', 0).toString()).toBe('9');
    expect(roundFundingPayment('-8.5', 0).toString()).toBe('-8');
    // 8.1 paid → 9 (not to nearest); −8.9 received → −8
    expect(roundFundingPayment('8.1', 0).toString()).toBe('9');
    expect(roundFundingPayment('-8.9', 0).toString()).toBe('-8');
  });

  it('keeps the requested places (Binance 8, USDC quantums 6)', () => {
    // 1.23456789012 → up at the 8th place: 1.23456790 → '1.2345679'
    expect(roundFundingPayment('1.23456789012', 8).toString()).toBe('1.2345679');
    // −1.23456789012 → toward +∞: −1.23456789
    expect(roundFundingPayment('-1.23456789012', 8).toString()).toBe('-1.23456789');
    // a tenth of a quantum paid costs a whole quantum: 0.0000001 → 0.000001
    expect(roundFundingPayment('0.0000001', 6).toString()).toBe('0.000001');
  });

  it('leaves an amount that already fits unchanged', () => {
    expect(roundFundingPayment('12.5', 2).toString()).toBe('12.5');
    expect(roundFundingPayment('-3', 0).toString()).toBe('-3');
    expect(roundFundingPayment(0, 6).isZero()).toBe(true);
  });

  it('credits nothing for a receipt smaller than one unit of the last place', () => {
    // −0.0000009 received, 6 places → 0
    expect(roundFundingPayment('-0.0000009', 6).isZero()).toBe(true);
  });

  it('returns a plain zero, not −0, when a small receipt rounds away', () => {
    expect(roundFundingPayment('-0.0000009', 6).isNegative()).toBe(false);
  });

  it('rejects a malformed amount with a typed error', () => {
    try {
      roundFundingPayment('abc', 2);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).path).toEqual(['amount']);
    }
  });

  it('throws for negative or fractional decimal places', () => {
    expect(() => roundFundingPayment('1', -1)).toThrow();
    expect(() => roundFundingPayment('1', 1.5)).toThrow();
  });

  it('rejects bad decimal places with a typed error naming the argument', () => {
    let thrown: unknown;
    try {
      roundFundingPayment('1', -1);
    } catch (error) {
      thrown = error;
    }
    expect(isMarginKitError(thrown)).toBe(true);
    expect((thrown as InvalidArgumentError).path).toEqual(['decimalPlaces']);
  });
});
