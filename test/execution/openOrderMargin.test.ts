import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  maxOrderSize,
  type OpenOrder,
  openOrderMargin,
} from '../../src/index.js';

const eth = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  stepSize: '0.01',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
} as const;
const btc = {
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  stepSize: '0.001',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
      { notionalFloor: 100_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
    ],
  },
} as const;
const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [eth, btc],
  collateral: [{ asset: 'USDT', amount: 1000 }],
  positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }],
});
const prices = createPrices({ markets: { ETH: { mark: 3000 }, BTC: { mark: 50_000 } } });

describe('openOrderMargin', () => {
  it('holds the larger side, after the orders that reduce the position', () => {
    const m = openOrderMargin(account, prices, [
      { marketId: 'ETH', side: 'buy', size: 1, price: 2900 },
      { marketId: 'ETH', side: 'sell', size: '1.5', price: 3100 },
    ]);
    expect(m.markets.map((r) => [r.marketId, r.buy, r.sell, r.reserved].map(String))).toEqual([
      ['ETH', '290', '155', '290'],
    ]);
    expect([m.reserved, m.freeCollateral, m.available].map(String)).toEqual(['290', '700', '410']);
  });

  it('credits the reduction to the orders that fill first', () => {
    // long 1: sells at 3 100 (0.5) and 3 050 (1): the one at 3 050 fills first and closes 1; 0.5 at 3 100 opens 155
    const m = openOrderMargin(account, prices, [
      { marketId: 'ETH', side: 'sell', size: '0.5', price: 3100 },
      { marketId: 'ETH', side: 'sell', size: 1, price: 3050 },
    ]);
    expect(m.reserved.toString()).toBe('155');
    // orders that only close hold nothing
    expect(
      openOrderMargin(account, prices, [
        { marketId: 'ETH', side: 'sell', size: 1, price: 3100 },
      ]).reserved.toString(),
    ).toBe('0');
  });

  it('takes the tier of the position the side builds, and the leverage of the held position', () => {
    // 2.5 BTC bought at 49 000 = 122 500 of notional: tier 2 (5 %) → 6 125
    const orders: OpenOrder[] = [{ marketId: 'BTC', side: 'buy', size: '2.5', price: 49_000 }];
    expect(openOrderMargin(account, prices, orders).reserved.toString()).toBe('6125');
    // 1 BTC: 49 000 at 2 % = 980
    expect(
      openOrderMargin(account, prices, [
        { marketId: 'BTC', side: 'buy', size: 1, price: 49_000 },
      ]).reserved.toString(),
    ).toBe('980');
    const levered = createMarginAccount({
      settleAsset: 'USDT',
      markets: [eth],
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross', leverage: 5 }],
    });
    // 1/5 = 20 % on 2 900
    expect(
      openOrderMargin(levered, prices, [
        { marketId: 'ETH', side: 'buy', size: 1, price: 2900 },
      ]).reserved.toString(),
    ).toBe('580');
  });

  it('lowers maxOrderSize by the margin the resting orders hold', () => {
    const free = maxOrderSize(account, prices, { marketId: 'ETH', side: 'buy', price: 3000 });
    expect(free.size.toString()).toBe('2.33'); // 700 / 300
    const held = maxOrderSize(
      account,
      prices,
      { marketId: 'ETH', side: 'buy', price: 3000 },
      { openOrders: [{ marketId: 'BTC', side: 'buy', size: '0.2', price: 49_000 }] },
    );
    // 0.2 BTC at 49 000 holds 196: (700 − 196) / 300 = 1.68
    expect([held.size.toString(), held.limitedBy]).toEqual(['1.68', 'margin']);
  });

  it('names the bad order field in the path', () => {
    const path = (orders: unknown) => {
      try {
        openOrderMargin(account, prices, orders as OpenOrder[]);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).path;
      }
      throw new Error('expected a throw');
    };
    expect(path([{ marketId: 'ETH', side: 'buy', size: 1, price: 0 }])).toEqual(['openOrders', 0, 'price']);
    expect(path([{}, {}])).toEqual(['openOrders', 0, 'marketId']);
    expect(path([{ marketId: 'ETH', side: 'hold', size: 1, price: 1 }])).toEqual(['openOrders', 0, 'side']);
    expect(path('x')).toEqual(['openOrders']);
    try {
      maxOrderSize(
        account,
        prices,
        { marketId: 'ETH', side: 'buy', price: 3000 },
        { openOrders: [{}] as never },
      );
    } catch (e) {
      expect((e as InvalidArgumentError).path).toEqual(['options', 'openOrders', 0, 'marketId']);
    }
  });
});
