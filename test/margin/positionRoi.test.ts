import { describe, expect, it } from 'vitest';
import { createMarket, createPosition, InvalidArgumentError, positionRoi } from '../../src/index.js';

const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;
const btc = createMarket({
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: flat,
});
const btcUsd = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: flat,
});

describe('positionRoi', () => {
  it('divides the PnL by the entry value over the leverage (linear)', () => {
    const long = createPosition({
      marketId: 'BTC',
      size: '0.2',
      entryPrice: 7000,
      marginMode: 'cross',
      leverage: 10,
    });
    expect(positionRoi(btc, long, 7500).toFixed(6)).toBe('0.714286'); // 100 / 140
    expect(positionRoi(btc, long, 6300).toString()).toBe('-1'); // −140 / 140
    expect(positionRoi(btc, long, 7500, { leverage: 5 }).toFixed(6)).toBe('0.357143'); // 100 / 280
    expect(positionRoi(btc, long, 7500, { initialMargin: 400 }).toString()).toBe('0.25');
    const short = createPosition({ marketId: 'BTC', size: '-1', entryPrice: 20_000, marginMode: 'cross' });
    expect(positionRoi(btc, short, 19_000, { leverage: 20 }).toString()).toBe('1'); // +1 000 / 1 000
  });

  it('measures an inverse position in coin', () => {
    // 1 000 contracts of 100 USD at 50 000, 10×: IM = 0.2 BTC; at 40 000 PnL = 100 000·(1/50 000 − 1/40 000) = −0.5
    const long = createPosition({
      marketId: 'BTCUSD',
      size: 1000,
      entryPrice: 50_000,
      marginMode: 'cross',
      leverage: 10,
    });
    expect(positionRoi(btcUsd, long, 40_000).toString()).toBe('-2.5');
  });

  it('needs a margin basis and an open position', () => {
    const noLeverage = createPosition({ marketId: 'BTC', size: 1, entryPrice: 7000, marginMode: 'cross' });
    expect(() => positionRoi(btc, noLeverage, 7500)).toThrow(InvalidArgumentError);
    const flatPos = createPosition({
      marketId: 'BTC',
      size: 0,
      entryPrice: 7000,
      marginMode: 'cross',
      leverage: 2,
    });
    expect(() => positionRoi(btc, flatPos, 7500)).toThrow(/flat position/);
    try {
      positionRoi(btc, noLeverage, 7500, { initialMargin: -1 });
    } catch (e) {
      expect((e as InvalidArgumentError).path).toEqual(['options', 'initialMargin']);
    }
    expect.assertions(3);
  });
});
