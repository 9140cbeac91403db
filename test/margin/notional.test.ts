import { Decimal as SharedDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { createMarket, Decimal, InvalidArgumentError, notional } from '../../src/index.js';

const linear = createMarket({
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
});
const linearCentiCoin = createMarket({
  id: 'BTC-C',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  contractSize: '0.01',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
});
const inverse = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.004' },
});

function invalidArgument(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('notional', () => {
  it('is |size| · price for a linear long and short', () => {
    // 0.5 · 60 000 = 30 000
    expect(notional(linear, '0.5', '60000').toString()).toBe('30000');
    // |−0.5| · 60 000 = 30 000
    expect(notional(linear, '-0.5', '60000').toString()).toBe('30000');
  });

  it('multiplies by the contract size of a linear market', () => {
    // 100 contracts · 0.01 BTC · 60 000 = 60 000
    expect(notional(linearCentiCoin, 100, 60_000).toString()).toBe('60000');
  });

  it('is |size| · contractSize / price in coin for an inverse market', () => {
    // 100 · 100 USD / 25 000 = 0.4 BTC
    expect(notional(inverse, 100, 25_000).toString()).toBe('0.4');
    // |−100| · 100 / 25 000 = 0.4 BTC
    expect(notional(inverse, -100, 25_000).toString()).toBe('0.4');
  });

  it('falls as the price rises on an inverse market', () => {
    // 100 · 100 / 50 000 = 0.2 BTC
    expect(notional(inverse, 100, 50_000).toString()).toBe('0.2');
  });

  it('is 0 for a flat size', () => {
    expect(notional(linear, 0, 60_000).isZero()).toBe(true);
  });

  it('is exact for decimal fractions and accepts every numeric form', () => {
    // 0.1 · 0.3 = 0.03 exactly (0.1 · 0.3 in floats is 0.030000000000000002)
    expect(notional(linear, 0.1, 0.3).toString()).toBe('0.03');
    // 3 · 1.5 = 4.5
    expect(notional(linear, 3n, new SharedDecimal('1.5')).toString()).toBe('4.5');
    expect(notional(linear, new Decimal(3), '1.5')).toBeInstanceOf(Decimal);
  });

  it.each([
    ['NaN size', Number.NaN, 1, 'size'],
    ['hexadecimal size', '0x10', 1, 'size'],
    ['infinite price', 1, Number.POSITIVE_INFINITY, 'price'],
    ['non-numeric price', 1, 'abc', 'price'],
  ])('rejects a %s with INVALID_ARGUMENT', (_label, size, price, name) => {
    const error = invalidArgument(() => notional(linear, size, price));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.path).toEqual([name]);
  });

  // Library problem: a price that is not > 0 is not rejected; an inverse notional at price 0 is Infinity and a
  // linear one at a negative price is negative, although the documented domain is price > 0.
  it.each([
    ['zero price on an inverse market', inverse, 0],
    ['negative price on a linear market', linear, -5],
  ])('rejects a %s with INVALID_ARGUMENT', (_label, market, price) => {
    const error = invalidArgument(() => notional(market, 1, price));
    expect(error.path).toEqual(['price']);
  });
});
