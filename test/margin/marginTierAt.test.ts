import { describe, expect, it } from 'vitest';
import {
  createMarket,
  InvalidArgumentError,
  marginTierAt,
  type TieredMarginSchedule,
} from '../../src/index.js';

const market = createMarket({
  id: 'BTCUSDT',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
      { notionalFloor: 50_000, initialFraction: '0.01', maintenanceFraction: '0.005' },
      { notionalFloor: 250_000, initialFraction: '0.02', maintenanceFraction: '0.01' },
    ],
  },
});
if (market.marginSchedule.type !== 'tiered') throw new Error('expected tiers');
const schedule: TieredMarginSchedule = market.marginSchedule;

describe('marginTierAt', () => {
  it.each([
    ['0', 0, 0],
    ['just below the second floor', '49999.99999999', 0],
    ['exactly the second floor', 50_000, 1],
    ['between the second and third floors', 100_000, 1],
    ['exactly the third floor', '250000', 2],
    ['above the last floor', 264_000, 2],
  ])('picks the tier whose floor is the last one ≤ the notional: %s', (_label, notional, index) => {
    const found = marginTierAt(schedule, notional);
    expect(found.index).toBe(index);
    expect(found.tier).toBe(schedule.tiers[index]);
  });

  it('rejects a non-finite notional', () => {
    expect(() => marginTierAt(schedule, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
  });
});
