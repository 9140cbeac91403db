import { describe, expect, it } from 'vitest';
import { createPrices, isMarginKitError, MissingPriceError, priceOf } from '../../src/index.js';

const prices = createPrices({
  markets: { 'BTC-PERP': { oracle: '60000', mark: '60012.5' }, 'ETH-PERP': { oracle: 3000 } },
});

function thrown(run: () => unknown): MissingPriceError {
  try {
    run();
  } catch (error) {
    if (error instanceof MissingPriceError) return error;
    throw error;
  }
  throw new Error('expected a MissingPriceError');
}

describe('priceOf', () => {
  it('returns the price of the source asked for', () => {
    expect(priceOf(prices, 'BTC-PERP', 'mark').toString()).toBe('60012.5');
    expect(priceOf(prices, 'BTC-PERP', 'oracle').toString()).toBe('60000');
  });

  it('does not fall back to the other source', () => {
    const error = thrown(() => priceOf(prices, 'ETH-PERP', 'mark'));
    expect(error.code).toBe('MISSING_PRICE');
    expect(error.path).toEqual(['markets', 'ETH-PERP', 'mark']);
    expect(isMarginKitError(error)).toBe(true);
  });

  it('names the missing market entry', () => {
    const error = thrown(() => priceOf(prices, 'SOL-PERP', 'oracle'));
    expect(error.code).toBe('MISSING_PRICE');
    expect(error.path).toEqual(['markets', 'SOL-PERP', 'oracle']);
  });

  it('does not read inherited object properties as markets', () => {
    const error = thrown(() => priceOf(prices, 'toString', 'mark'));
    expect(error.path).toEqual(['markets', 'toString', 'mark']);
  });
});
