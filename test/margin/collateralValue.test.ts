import { describe, expect, it } from 'vitest';
import {
  collateralValue,
  createMarginAccount,
  createPrices,
  Decimal,
  isMarginKitError,
  MissingPriceError,
} from '../../src/index.js';

const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [],
  collateral: [
    { asset: 'USDT', amount: 1000 },
    { asset: 'BTC', amount: '0.1', weight: '0.95', liabilityWeight: '1.2' },
    { asset: 'USDC', amount: -500, weight: '0.9', liabilityWeight: '1.1' },
    { asset: 'ETH', amount: 0, weight: '0.8' },
  ],
});
const prices = createPrices({ markets: {}, assets: { BTC: 60_000, USDC: 1, ETH: 3000 } });

describe('collateralValue', () => {
  it('weights a positive balance by its weight and a negative one by its liability weight', () => {
    const { entries, total } = collateralValue(account, prices);
    expect(entries).toEqual([
      // 1 000 · 1 · 1 = 1 000 (the settlement asset is priced 1)
      {
        asset: 'USDT',
        amount: new Decimal(1000),
        price: new Decimal(1),
        weightApplied: new Decimal(1),
        value: new Decimal(1000),
      },
      // 0.1 · 60 000 · 0.95 = 5 700
      {
        asset: 'BTC',
        amount: new Decimal('0.1'),
        price: new Decimal(60_000),
        weightApplied: new Decimal('0.95'),
        value: new Decimal(5700),
      },
      // −500 · 1 · 1.1 = −550
      {
        asset: 'USDC',
        amount: new Decimal(-500),
        price: new Decimal(1),
        weightApplied: new Decimal('1.1'),
        value: new Decimal(-550),
      },
      // 0 · 3 000 · 0.8 = 0 (a zero balance takes the asset weight)
      {
        asset: 'ETH',
        amount: new Decimal(0),
        price: new Decimal(3000),
        weightApplied: new Decimal('0.8'),
        value: new Decimal(0),
      },
    ]);
    // 1 000 + 5 700 − 550 + 0 = 6 150
    expect(total.toString()).toBe('6150');
  });

  it('reproduces its documented example', () => {
    const simple = createMarginAccount({
      settleAsset: 'USDT',
      markets: [],
      collateral: [
        { asset: 'USDT', amount: 1000 },
        { asset: 'BTC', amount: '0.1', weight: '0.95' },
      ],
    });
    // 1 000 + 0.1 · 60 000 · 0.95 = 6 700
    expect(
      collateralValue(simple, createPrices({ markets: {}, assets: { BTC: 60_000 } })).total.toString(),
    ).toBe('6700');
  });

  it('values a borrowed settlement asset with its liability weight', () => {
    const borrowed = createMarginAccount({
      settleAsset: 'USDT',
      markets: [],
      collateral: [{ asset: 'USDT', amount: -100, liabilityWeight: '1.2' }],
    });
    // −100 · 1 · 1.2 = −120
    expect(collateralValue(borrowed, createPrices({ markets: {} })).total.toString()).toBe('-120');
  });

  it('is 0 with no collateral', () => {
    const empty = createMarginAccount({ settleAsset: 'USDT', markets: [] });
    const { entries, total } = collateralValue(empty, createPrices({ markets: {} }));
    expect(entries).toEqual([]);
    expect(total.isZero()).toBe(true);
  });

  it.each([
    ['an asset with no price', 'BTC'],
    ['an asset named like an Object.prototype property', 'toString'],
  ])('throws MISSING_ASSET_PRICE for %s', (_label, asset) => {
    const needsPrice = createMarginAccount({
      settleAsset: 'USDT',
      markets: [],
      collateral: [{ asset, amount: 1 }],
    });
    let caught: unknown;
    try {
      collateralValue(needsPrice, createPrices({ markets: {}, assets: { ETH: 1 } }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingPriceError);
    expect((caught as MissingPriceError).code).toBe('MISSING_ASSET_PRICE');
    expect((caught as MissingPriceError).path).toEqual(['assets', asset]);
    expect(isMarginKitError(caught)).toBe(true);
  });
});
