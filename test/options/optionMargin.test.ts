// Standard option margin (Deribit's rule) worked by hand for short calls and puts, linear and coin-settled.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, optionMargin, optionMarkPrice } from '../../src/index.js';
import { bookOf, DAY, NOW, usdcAccount } from './fixtures.js';

const book = bookOf(usdcAccount(), []);
const call = book.markets['BTC-C-110K'];
const put = book.markets['BTC-P-90K'];
if (!call || !put) throw new Error('fixture');

describe('optionMargin', () => {
  it('short call 10 % out of the money: IM = max(0.15 − 0.1, 0.1)·U + M, MM = 0.075·U + M', () => {
    const m = optionMargin(call, -2, 100_000, 300);
    expect(m.initial.toString()).toBe(String(2 * (10_000 + 300)));
    expect(m.maintenance.toString()).toBe(String(2 * (7500 + 300)));
  });

  it('short call in the money: the 0.15 base applies (OTM = 0)', () => {
    const m = optionMargin(call, -1, 120_000, 11_000);
    expect(m.initial.toString()).toBe(String(18_000 + 11_000));
    expect(m.maintenance.toString()).toBe(String(9000 + 11_000));
  });

  it('short put: MM = max(0.075·U, 0.075·M) + M and IM at least MM', () => {
    const m = optionMargin(put, -1, 95_000, 500);
    // OTM 5000: max(0.15 − 5000/95 000, 0.1)·95 000 = 14 250 − 5000 = 9500
    expect(m.initial.toString()).toBe(String(9500 + 500));
    expect(m.maintenance.toString()).toBe(String(7125 + 500));
  });

  it('long options need no margin beyond their premium', () => {
    const m = optionMargin(put, 3, 95_000, 500);
    expect([m.initial.toString(), m.maintenance.toString()]).toEqual(['0', '0']);
  });

  it('rejects a negative mark and a market that is not an option market', () => {
    expect(() => optionMargin(call, -1, 100_000, -1)).toThrow(InvalidArgumentError);
    expect(() => optionMargin({} as typeof call, -1, 100_000, 1)).toThrow(/option market/);
  });
});

describe('optionMarkPrice', () => {
  it('prices with Black-76 on the time left to expiry (ACT/365)', () => {
    const twoDays = optionMarkPrice(call, 100_000, NOW, '0.6');
    const oneDay = optionMarkPrice(call, 100_000, NOW + DAY, '0.6');
    expect(twoDays.greaterThan(oneDay) && oneDay.greaterThan(0)).toBe(true);
    expect(optionMarkPrice(call, 115_000, NOW + 3 * DAY, '0.6').toString()).toBe('5000');
  });
});
