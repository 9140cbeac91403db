import { describe, expect, it } from 'vitest';
import {
  createMarket,
  type OpenInterestMarginSchedule,
  openInterestInitialFraction,
} from '../../src/index.js';

function schedule(lower: number, upper: number): OpenInterestMarginSchedule {
  const market = createMarket({
    id: 'X',
    kind: 'linear',
    baseAsset: 'X',
    quoteAsset: 'USDC',
    marginSchedule: {
      type: 'open-interest',
      initialFraction: '0.2',
      maintenanceFraction: '0.1',
      openInterestLowerCap: lower,
      openInterestUpperCap: upper,
    },
  });
  if (market.marginSchedule.type !== 'open-interest') throw new Error('expected open-interest');
  return market.marginSchedule;
}

describe('openInterestInitialFraction', () => {
  const s = schedule(1_000_000, 2_000_000);

  it.each([
    // below the lower cap: the base fraction
    ['0', 0, '0.2'],
    ['below the lower cap', 500_000, '0.2'],
    ['at the lower cap', 1_000_000, '0.2'],
    // 0.2 + 0.8 · 250 000 / 1 000 000 = 0.2 + 0.2 = 0.4
    ['a quarter of the way', 1_250_000, '0.4'],
    // 0.2 + 0.8 · 500 000 / 1 000 000 = 0.6
    ['half way', 1_500_000, '0.6'],
    // 0.2 + 0.8 · 999 999 / 1 000 000 = 0.2 + 0.7999992 = 0.9999992
    ['just below the upper cap', 1_999_999, '0.9999992'],
    ['at the upper cap', 2_000_000, '1'],
    ['above the upper cap', 5_000_000, '1'],
  ])('scales linearly from the base fraction to 1: %s', (_label, oi, expected) => {
    expect(openInterestInitialFraction(s, oi).toString()).toBe(expected);
  });

  it('keeps the base fraction at any open interest when the upper cap is 0', () => {
    const off = schedule(0, 0);
    expect(openInterestInitialFraction(off, 0).toString()).toBe('0.2');
    expect(openInterestInitialFraction(off, '1e15').toString()).toBe('0.2');
  });

  it('jumps from the base fraction to 1 when both caps are equal', () => {
    const step = schedule(1_000_000, 1_000_000);
    // OI ≤ lower → base fraction; the ≥ upper branch is not reached
    expect(openInterestInitialFraction(step, 1_000_000).toString()).toBe('0.2');
    expect(openInterestInitialFraction(step, 1_000_001).toString()).toBe('1');
  });
});
