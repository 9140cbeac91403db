import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  isolatedMarginLimits,
} from '../../src/index.js';

const eth = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
} as const;
const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [eth],
  collateral: [{ asset: 'USDT', amount: 500 }],
  positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 600 }],
});
const at = (mark: number) => createPrices({ markets: { ETH: { mark } } });
const strings = (l: ReturnType<typeof isolatedMarginLimits>) =>
  [l.isolatedMargin, l.initialRequirement, l.maxAdd, l.maxRemove].map(String);

describe('isolatedMarginLimits', () => {
  it('keeps a profit in the pool unless told otherwise', () => {
    // equity 800, IMR 320: 280 without the profit, 480 with it
    expect(strings(isolatedMarginLimits(account, at(3200), 'ETH'))).toEqual(['600', '320', '500', '280']);
    expect(
      isolatedMarginLimits(account, at(3200), 'ETH', { unrealizedProfit: 'included' }).maxRemove.toString(),
    ).toBe('480');
  });

  it('counts a loss, never removes more than the margin, and never goes below 0', () => {
    // at 2 800: equity 400, IMR 280 → 120
    expect(isolatedMarginLimits(account, at(2800), 'ETH').maxRemove.toString()).toBe('120');
    // at 2 400: equity 0 < IMR → 0
    expect(isolatedMarginLimits(account, at(2400), 'ETH').maxRemove.toString()).toBe('0');
    // a large profit included: at most the margin itself
    expect(
      isolatedMarginLimits(account, at(9000), 'ETH', { unrealizedProfit: 'included' }).maxRemove.toString(),
    ).toBe('600');
  });

  it('lets in what the cross pool can spare after its own positions and resting orders', () => {
    const withOrders = isolatedMarginLimits(account, at(3000), 'ETH', {
      openOrders: [{ marketId: 'ETH', side: 'buy', size: 1, price: 2000 }],
    });
    // the buy adds to the isolated long: tier of 3 000 + 2 000, 10 % of 2 000 = 200 held
    expect(withOrders.maxAdd.toString()).toBe('300');
    const crossHeavy = createMarginAccount({
      settleAsset: 'USDT',
      markets: [eth, { ...eth, id: 'SOL', baseAsset: 'SOL' }],
      collateral: [{ asset: 'USDT', amount: 500 }],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 600 },
        { marketId: 'SOL', size: 40, entryPrice: 150, marginMode: 'cross' },
      ],
    });
    const prices = createPrices({ markets: { ETH: { mark: 3000 }, SOL: { mark: 140 } } });
    // cross: 500 − 400 loss = 100 equity, IMR 560 → nothing to add
    expect(isolatedMarginLimits(crossHeavy, prices, 'ETH').maxAdd.toString()).toBe('0');
  });

  it('rejects a cross position and a bad option with a path', () => {
    const cross = createMarginAccount({
      settleAsset: 'USDT',
      markets: [eth],
      collateral: [{ asset: 'USDT', amount: 500 }],
      positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }],
    });
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).path;
      }
      throw new Error('expected a throw');
    };
    expect(path(() => isolatedMarginLimits(cross, at(3000), 'ETH'))).toEqual(['positionId']);
    expect(
      path(() => isolatedMarginLimits(account, at(3000), 'ETH', { unrealizedProfit: 'all' as never })),
    ).toEqual(['options', 'unrealizedProfit']);
  });
});
