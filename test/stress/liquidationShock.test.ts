import { describe, expect, it } from 'vitest';
import {
  applyShock,
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  InvalidArgumentError,
  type LiquidationShock,
  liquidationShock,
  type MarketInput,
  summarizeAccount,
} from '../../src/index.js';

function linear(id: string, maintenanceFraction = '0.05'): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction },
  };
}

/** The move of a `move` result, within 1e-20 of `expected` (the search bisects to 1e-30). */
function expectMove(shock: LiquidationShock, expected: DecimalInput, pools: string[]): void {
  expect(shock.kind).toBe('move');
  if (shock.kind !== 'move') return;
  const diff = shock.move.minus(new Decimal(expected.toString())).abs();
  expect(diff.lessThan('1e-20'), `${shock.move} ≉ ${expected.toString()}`).toBe(true);
  expect(shock.pools).toEqual(pools);
}

const book = createMarginAccount({
  settleAsset: 'USDT',
  markets: [linear('BTC'), linear('ETH')],
  collateral: [{ asset: 'USDT', amount: 300 }],
  positions: [
    { marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' },
    { marketId: 'ETH', size: 1, entryPrice: 1000, marginMode: 'cross' },
  ],
});
const prices = createPrices({ markets: { BTC: { mark: 1000 }, ETH: { mark: 1000 } } });

describe('liquidationShock', () => {
  it('finds the driver move with co-moving markets at their β', () => {
    // BTC −x, ETH −2x: equity 300 − 3000 x; MMR 0.05 (2000 − 3000 x) = 100 − 150 x → x = 200/2850
    const shock = liquidationShock(book, prices, { driver: 'BTC', betas: { ETH: 2 }, direction: 'down' });
    expectMove(shock, new Decimal(-200).div(2850), ['cross']);
    // at that move the pool sits on maintenance
    if (shock.kind !== 'move') return;
    const at = summarizeAccount(
      book,
      applyShock(prices, { kind: 'factor', driver: 'BTC', move: shock.move, betas: { ETH: 2 } }),
    );
    expect(at.cross.equity.minus(at.cross.maintenanceRequirement).abs().lessThan('1e-20')).toBe(true);
  });

  it('depends on β: held (β 0), uniform (β 1)', () => {
    // β 0: 300 − 1000 x = 0.05 (1000 (1 − x) + 1000) = 100 − 50 x → x = 200/950 = 4/19
    expectMove(
      liquidationShock(book, prices, { driver: 'BTC', betas: {}, direction: 'down' }),
      new Decimal(-4).div(19),
      ['cross'],
    );
    // β 1: 300 − 2000 x = 100 − 100 x → x = 2/19
    expectMove(
      liquidationShock(book, prices, { driver: 'BTC', betas: { ETH: 1 }, direction: 'down' }),
      new Decimal(-2).div(19),
      ['cross'],
    );
  });

  it('searches upwards for a book that loses on a rally', () => {
    const hedged = createMarginAccount({
      ...book,
      collateral: [{ asset: 'USDT', amount: 200 }],
      positions: [
        { marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' },
        { marketId: 'ETH', size: -1, entryPrice: 1000, marginMode: 'cross' },
      ],
    });
    // BTC +x, ETH +1.5x: equity 200 + 1000 x − 1500 x = 200 − 500 x; MMR 0.05 (2000 + 2500 x) = 100 + 125 x → x = 0.16
    expectMove(
      liquidationShock(hedged, prices, { driver: 'BTC', betas: { ETH: '1.5' }, direction: 'up' }),
      '0.16',
      ['cross'],
    );
    // downwards the surplus 625 x only grows until ETH would reach 0 at x = 1/1.5 → never
    expect(
      liquidationShock(hedged, prices, { driver: 'BTC', betas: { ETH: '1.5' }, direction: 'down' }),
    ).toEqual({
      kind: 'never',
    });
  });

  it('names the isolated pool that fails first', () => {
    const mixed = createMarginAccount({
      ...book,
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [
        { marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' },
        { marketId: 'ETH', size: 1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 100 },
      ],
    });
    // cross BTC: 1000 − 1000 x ≥ 50 (1 − x) until x = 1 (never before);
    // isolated ETH at β 2: 100 − 2000 x = 50 (1 − 2x) → x = 50/1900 = 1/38
    expectMove(
      liquidationShock(mixed, prices, { driver: 'BTC', betas: { ETH: 2 }, direction: 'down' }),
      new Decimal(-1).div(38),
      ['ETH'],
    );
  });

  it('moves collateral assets by their β too', () => {
    // 0.01 WBTC at 50 000 (500) against a 0.02 BTC short at 50 000 (notional 1000, MMR 5 %)
    const shortWithCoin = createMarginAccount({
      settleAsset: 'USDT',
      markets: [linear('BTC')],
      collateral: [{ asset: 'WBTC', amount: '0.01' }],
      positions: [{ marketId: 'BTC', size: '-0.02', entryPrice: 50_000, marginMode: 'cross' }],
    });
    const p = createPrices({ markets: { BTC: { mark: 50_000 } }, assets: { WBTC: 50_000 } });
    // WBTC with the driver: 500 (1 + x) − 1000 x = 50 (1 + x) → 450 = 550 x → x = 9/11
    expectMove(
      liquidationShock(shortWithCoin, p, { driver: 'BTC', betas: { WBTC: 1 }, direction: 'up' }),
      new Decimal(9).div(11),
      ['cross'],
    );
    // WBTC held: 500 − 1000 x = 50 + 50 x → x = 450/1050 = 3/7
    expectMove(
      liquidationShock(shortWithCoin, p, { driver: 'BTC', betas: {}, direction: 'up' }),
      new Decimal(3).div(7),
      ['cross'],
    );
    // a search capped at +10 % finds nothing
    expect(
      liquidationShock(shortWithCoin, p, { driver: 'BTC', betas: {}, direction: 'up', maxMove: '0.1' }),
    ).toEqual({
      kind: 'never',
    });
  });

  it('never: a fully collateralised long, and a long searched upwards', () => {
    const paid = createMarginAccount({
      settleAsset: 'USDT',
      markets: [linear('BTC')],
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [{ marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' }],
    });
    const p = createPrices({ markets: { BTC: { mark: 1000 } } });
    // equity 1000 + (p − 1000) = p > 0.05 p for every p > 0
    expect(liquidationShock(paid, p, { driver: 'BTC', betas: {}, direction: 'down' })).toEqual({
      kind: 'never',
    });
    expect(liquidationShock(book, prices, { driver: 'BTC', betas: { ETH: 1 }, direction: 'up' })).toEqual({
      kind: 'never',
    });
  });

  it('now: a pool already below maintenance', () => {
    const thin = createMarginAccount({ ...book, collateral: [{ asset: 'USDT', amount: 99 }] });
    // 99 < MMR 0.05 · 2000 = 100
    expect(liquidationShock(thin, prices, { driver: 'BTC', betas: {}, direction: 'down' })).toEqual({
      kind: 'now',
      pools: ['cross'],
    });
  });

  it('rejects a maxMove ≤ 0', () => {
    for (const maxMove of ['0', '-1']) {
      expect(() =>
        liquidationShock(book, prices, { driver: 'BTC', betas: {}, direction: 'up', maxMove }),
      ).toThrow(InvalidArgumentError);
    }
  });
});
