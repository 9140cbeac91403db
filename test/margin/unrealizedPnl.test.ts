import { describe, expect, it } from 'vitest';
import { createMarket, createPosition, InvalidArgumentError, unrealizedPnl } from '../../src/index.js';

const linear = createMarket({
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  contractSize: '0.1',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
});
const inverse = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' },
});
const xbt = createMarket({
  id: 'XBTUSD',
  kind: 'inverse',
  baseAsset: 'XBT',
  quoteAsset: 'USD',
  marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' },
});

const position = (marketId: string, size: string | number, entryPrice: string | number) =>
  createPosition({ marketId, size, entryPrice, marginMode: 'cross', unsettledFunding: 7 });

describe('unrealizedPnl', () => {
  it('is size · contractSize · (price − entry) on a linear market', () => {
    // 5 · 0.1 · (61 000 − 60 000) = 500
    expect(unrealizedPnl(linear, position('BTC-PERP', 5, 60_000), 61_000).toString()).toBe('500');
    // −5 · 0.1 · (61 000 − 60 000) = −500
    expect(unrealizedPnl(linear, position('BTC-PERP', -5, 60_000), 61_000).toString()).toBe('-500');
    // −5 · 0.1 · (59 000 − 60 000) = 500
    expect(unrealizedPnl(linear, position('BTC-PERP', -5, 60_000), 59_000).toString()).toBe('500');
  });

  it('is size · contractSize · (1/entry − 1/price) in coin on an inverse market', () => {
    // 1 · 100 · (1/10 000 − 1/12 500) = 100 · (0.0001 − 0.00008) = 0.002 BTC
    expect(unrealizedPnl(inverse, position('BTCUSD', 1, 10_000), 12_500).toString()).toBe('0.002');
    // −1 · 100 · (0.0001 − 0.00008) = −0.002 BTC
    expect(unrealizedPnl(inverse, position('BTCUSD', -1, 10_000), 12_500).toString()).toBe('-0.002');
    // 1 · 100 · (1/10 000 − 1/8 000) = 100 · (0.0001 − 0.000125) = −0.0025 BTC
    expect(unrealizedPnl(inverse, position('BTCUSD', 1, 10_000), 8000).toString()).toBe('-0.0025');
  });

  it('reproduces the BitMEX inverse example', () => {
    // 100 000 · (1/10 000 − 1/10 500) = 10 − 9.523809… = 0.476190…
    expect(unrealizedPnl(xbt, position('XBTUSD', 100_000, 10_000), 10_500).toFixed(6)).toBe('0.476190');
  });

  it('is 0 at the entry price and leaves unsettled funding out', () => {
    expect(unrealizedPnl(linear, position('BTC-PERP', 5, 60_000), 60_000).isZero()).toBe(true);
  });

  it('rejects a non-finite price', () => {
    expect(() => unrealizedPnl(linear, position('BTC-PERP', 1, 1), Number.NaN)).toThrow(InvalidArgumentError);
  });
});
