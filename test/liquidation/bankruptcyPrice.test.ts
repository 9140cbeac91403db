import { describe, expect, it } from 'vitest';
import {
  type BankruptcyPrice,
  bankruptcyPrice,
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  liquidationPrice,
  type MarketInput,
  MissingPriceError,
} from '../../src/index.js';

const btcusdt: MarketInput = {
  id: 'BTCUSDT',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.005' },
};
const btc5: MarketInput = {
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
};
const eth10: MarketInput = {
  id: 'ETH-PERP',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.2', maintenanceFraction: '0.1' },
};
const tiered: MarketInput = {
  id: 'TIER',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
      { notionalFloor: 10_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
    ],
  },
};
const inverse: MarketInput = {
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
};

function isolatedOne(market: MarketInput, size: number, entryPrice: number, margin: number | string) {
  return createMarginAccount({
    settleAsset: market.kind === 'linear' ? market.quoteAsset : market.baseAsset,
    markets: [market],
    positions: [
      { id: 'p', marketId: market.id, size, entryPrice, marginMode: 'isolated', isolatedMargin: margin },
    ],
  });
}
const mark = (id: string, price: number) => createPrices({ markets: { [id]: { mark: price } } });

function priced(result: BankruptcyPrice) {
  if (result.kind !== 'price') throw new Error(`expected a price, got ${result.kind}`);
  return result;
}

describe('bankruptcyPrice', () => {
  it('reproduces the Bybit isolated long at 50×', () => {
    // BP = e · (1 − 1/L) = 10 000 · (1 − 1/50) = 9 800; margin 10 000 / 50 = 200
    const bp = priced(bankruptcyPrice(isolatedOne(btcusdt, 1, 10_000, 200), mark('BTCUSDT', 10_000), 'p'));
    expect(bp.price.toString()).toBe('9800');
    expect(bp.direction).toBe('down');
    expect(bp.marginMode).toBe('isolated');
  });

  it('finds where an isolated short has no equity left, above the price', () => {
    // 200 − (p − 10 000) = 0 → p = 10 200
    const bp = priced(bankruptcyPrice(isolatedOne(btcusdt, -1, 10_000, 200), mark('BTCUSDT', 10_000), 'p'));
    expect(bp.price.toString()).toBe('10200');
    expect(bp.direction).toBe('up');
  });

  it('lies beyond the liquidation price', () => {
    const account = isolatedOne(btcusdt, 1, 10_000, 200);
    const prices = mark('BTCUSDT', 10_000);
    const bp = priced(bankruptcyPrice(account, prices, 'p'));
    const lp = liquidationPrice(account, prices, 'p');
    if (lp.kind !== 'price') throw new Error('expected a price');
    // LP: 200 + p − 10 000 = 0.005 p → p = 9 800 / 0.995 ≈ 9 849.25 > BP 9 800
    expect(lp.price.greaterThan(bp.price)).toBe(true);
    expect(lp.price.toFixed(2)).toBe('9849.25');
  });

  it('holds the other markets of the cross pool but not their maintenance', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc5, eth10],
      collateral: [{ asset: 'USDT', amount: 1606 }],
      positions: [
        { id: 'btc', marketId: 'BTC-PERP', size: '0.1', entryPrice: 50_000, marginMode: 'cross' },
        { id: 'eth', marketId: 'ETH-PERP', size: -1, entryPrice: 3000, marginMode: 'cross' },
      ],
    });
    const prices = createPrices({ markets: { 'BTC-PERP': { mark: 50_000 }, 'ETH-PERP': { mark: 3200 } } });
    // 1 606 − 200 + 0.1 (p − 50 000) = 0 → 0.1 p = 3 594 → p = 35 940
    expect(priced(bankruptcyPrice(account, prices, 'btc')).price.toString()).toBe('35940');
    // 1 606 + 0 − (p − 3 000) = 0 → p = 4 606
    expect(priced(bankruptcyPrice(account, prices, 'eth')).price.toString()).toBe('4606');
  });

  it('moves hedge-mode legs of one market together', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc5],
      collateral: [{ asset: 'USDT', amount: 32 }],
      positions: [
        { id: 'L', marketId: 'BTC-PERP', size: 2, entryPrice: 100, marginMode: 'cross' },
        { id: 'S', marketId: 'BTC-PERP', size: -1, entryPrice: 100, marginMode: 'cross' },
      ],
    });
    // 32 + 2(p − 100) − (p − 100) = 0 → p = 68
    expect(priced(bankruptcyPrice(account, mark('BTC-PERP', 100), 'S')).price.toString()).toBe('68');
  });

  it('ignores margin tiers', () => {
    // 2 199 + (p − 12 000) = 0 → p = 9 801 (no maintenance, so no tier enters)
    const bp = priced(bankruptcyPrice(isolatedOne(tiered, 1, 12_000, 2199), mark('TIER', 12_000), 'p'));
    expect(bp.price.toString()).toBe('9801');
    // the tier at 9 801 is tier 0
    expect(bp.tierIndex).toBe(0);
  });

  it('finds the bankruptcy price of an inverse long and short', () => {
    // long: 0.01 + 100 (1/10 000 − 1/p) = 0 → 100 / p = 0.02 → p = 5 000
    const long = priced(
      bankruptcyPrice(isolatedOne(inverse, 1, 10_000, '0.01'), mark('BTCUSD', 10_000), 'p'),
    );
    expect(long.price.toString()).toBe('5000');
    expect(long.direction).toBe('down');
    // short: 0.005 − 100 (1/10 000 − 1/p) = 0 → 100 / p = 0.005 → p = 20 000
    const short = priced(
      bankruptcyPrice(isolatedOne(inverse, -1, 10_000, '0.005'), mark('BTCUSD', 10_000), 'p'),
    );
    expect(short.price.toString()).toBe('20000');
    expect(short.direction).toBe('up');
  });

  it('says never for a fully collateralised 1× long', () => {
    // equity 100 + (p − 100) = p > 0 for every p > 0
    const bp = bankruptcyPrice(isolatedOne(btc5, 1, 100, 100), mark('BTC-PERP', 100), 'p');
    expect(bp.kind).toBe('never');
  });

  it('says now when equity is already below 0', () => {
    // 10 + (80 − 100) = −10 < 0
    const bp = bankruptcyPrice(isolatedOne(btc5, 1, 100, 10), mark('BTC-PERP', 80), 'p');
    if (bp.kind !== 'now') throw new Error(`expected now, got ${bp.kind}`);
    expect(bp.equity.toString()).toBe('-10');
    expect(bp.threshold.toString()).toBe('0');
  });

  it('returns the current price when equity is exactly 0', () => {
    // 10 + (90 − 100) = 0
    const bp = priced(bankruptcyPrice(isolatedOne(btc5, 1, 100, 10), mark('BTC-PERP', 90), 'p'));
    expect(bp.price.toString()).toBe('90');
  });

  it('uses the oracle price when asked', () => {
    const bp = priced(
      bankruptcyPrice(
        isolatedOne(btcusdt, 1, 10_000, 200),
        createPrices({ markets: { BTCUSDT: { oracle: 9900 } } }),
        'p',
        {
          priceSource: 'oracle',
        },
      ),
    );
    expect(bp.price.toString()).toBe('9800');
    expect(bp.priceSource).toBe('oracle');
    expect(bp.currentPrice.toString()).toBe('9900');
  });

  it('throws UNKNOWN_POSITION and MISSING_PRICE', () => {
    const account = isolatedOne(btcusdt, 1, 10_000, 200);
    expect(() => bankruptcyPrice(account, mark('BTCUSDT', 10_000), 'nope')).toThrow(InvalidArgumentError);
    expect(() => bankruptcyPrice(account, mark('OTHER', 10_000), 'p')).toThrow(MissingPriceError);
  });
});
