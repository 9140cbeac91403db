import { describe, expect, it } from 'vitest';
import {
  bankruptcyPrice,
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  isMarginKitError,
  type LiquidationDistance,
  liquidationDistance,
  liquidationPrice,
  type MarketInput,
} from '../../src/index.js';

const market: MarketInput = {
  id: 'BTCUSDT',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' },
};
const eth: MarketInput = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0' },
};

function isolated(m: MarketInput, size: number, entryPrice: number, margin: number | string) {
  return createMarginAccount({
    settleAsset: 'USDT',
    markets: [m],
    positions: [
      { id: 'p', marketId: m.id, size, entryPrice, marginMode: 'isolated', isolatedMargin: margin },
    ],
  });
}
const mark = (id: string, price: number) => createPrices({ markets: { [id]: { mark: price } } });

// Long 1 @ 20 000 with 299 margin: liquidation at 19 800 (see the liquidationPrice tests).
const longLp = liquidationPrice(isolated(market, 1, 20_000, 299), mark('BTCUSDT', 20_000), 'p');
// Short 1 @ 20 000 with 200.5 margin: liquidation at 20 100.
const shortLp = liquidationPrice(isolated(market, -1, 20_000, '200.5'), mark('BTCUSDT', 20_000), 'p');

function distance(d: LiquidationDistance) {
  if (d.kind !== 'distance') throw new Error(`expected a distance, got ${d.kind}`);
  return d;
}

function invalid(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('liquidationDistance', () => {
  it('gives a falling liquidation price as a negative move and fraction', () => {
    const d = distance(liquidationDistance(longLp));
    expect(d.price.toString()).toBe('19800');
    // 19 800 − 20 000 = −200
    expect(d.move.toString()).toBe('-200');
    // −200 / 20 000 = −0.01
    expect(d.fraction.toString()).toBe('-0.01');
    expect(d.direction).toBe('down');
    expect(d.positionId).toBe('p');
    expect(d.currentPrice.toString()).toBe('20000');
    expect('sigmas' in d).toBe(false);
  });

  it('gives a rising liquidation price as a positive move and fraction', () => {
    const d = distance(liquidationDistance(shortLp));
    // 20 100 − 20 000 = 100; 100 / 20 000 = 0.005
    expect(d.move.toString()).toBe('100');
    expect(d.fraction.toString()).toBe('0.005');
    expect(d.direction).toBe('up');
  });

  it('measures the move in standard deviations of the log return over the horizon', () => {
    const d = distance(liquidationDistance(longLp, { volatility: '0.5', horizon: '0.04' }));
    // |ln(19 800 / 20 000)| / (0.5 · √0.04) = |ln 0.99| / 0.1 = 0.0100503358535014411835… / 0.1
    //   = 0.100503358535014411835…
    expect(d.sigmas?.toFixed(20)).toBe('0.10050335853501441184');
  });

  it('measures a rising move in standard deviations too', () => {
    const d = distance(liquidationDistance(shortLp, { volatility: 1, horizon: 1 }));
    // |ln(20 100 / 20 000)| / (1 · √1) = ln 1.005 = 0.004987541511038907361…
    expect(d.sigmas?.toFixed(20)).toBe('0.00498754151103907361');
  });

  it('reproduces its documented example', () => {
    const lp = liquidationPrice(isolated(eth, 1, 1000, 100), mark('ETH', 1000), 'p');
    const d = distance(liquidationDistance(lp, { volatility: new Decimal('0.8'), horizon: 0.25 }));
    // LP = 900 (no maintenance: 100 + p − 1 000 = 0); fraction −100 / 1 000 = −0.1
    expect(d.fraction.toString()).toBe('-0.1');
    // |ln 0.9| / (0.8 · √0.25) = 0.105360515657826301227… / 0.4 = 0.263401289144565753068…
    expect(d.sigmas?.toFixed(18)).toBe('0.263401289144565753');
  });

  it('measures the distance to a bankruptcy price', () => {
    const bp = bankruptcyPrice(isolated(market, 1, 20_000, 200), mark('BTCUSDT', 20_000), 'p');
    const d = distance(liquidationDistance(bp));
    // BP 20 000 − 200 = 19 800 → −0.01
    expect(d.fraction.toString()).toBe('-0.01');
  });

  it('passes never and now through with their context', () => {
    const never = liquidationPrice(isolated(market, 1, 100, 100), mark('BTCUSDT', 100), 'p');
    expect(liquidationDistance(never)).toEqual({
      positionId: 'p',
      marketId: 'BTCUSDT',
      marginMode: 'isolated',
      priceSource: 'mark',
      currentPrice: new Decimal(100),
      kind: 'never',
    });
    // 1 + (90 − 100) = −9 < MMR
    const now = liquidationPrice(isolated(market, 1, 100, 1), mark('BTCUSDT', 90), 'p');
    const d = liquidationDistance(now, { volatility: 1, horizon: 1 });
    expect(d.kind).toBe('now');
    expect(d.currentPrice.toString()).toBe('90');
  });

  it.each([
    ['only a volatility', { volatility: 1 }, 'horizon'],
    ['only a horizon', { horizon: 1 }, 'volatility'],
    ['a volatility of 0', { volatility: 0, horizon: 1 }, 'volatility'],
    ['a negative volatility', { volatility: '-0.2', horizon: 1 }, 'volatility'],
    ['a horizon of 0', { volatility: 1, horizon: 0 }, 'horizon'],
    ['a negative horizon', { volatility: 1, horizon: -1 }, 'horizon'],
    ['a NaN volatility', { volatility: Number.NaN, horizon: 1 }, 'volatility'],
    ['a non-numeric horizon', { volatility: 1, horizon: 'one day' }, 'horizon'],
  ])('rejects %s with INVALID_ARGUMENT', (_label, options, name) => {
    const error = invalid(() => liquidationDistance(longLp, options));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.path).toEqual([name]);
    expect(isMarginKitError(error)).toBe(true);
  });

  it('rejects bad options even when there is no liquidation price', () => {
    const never = liquidationPrice(isolated(market, 1, 100, 100), mark('BTCUSDT', 100), 'p');
    expect(() => liquidationDistance(never, { volatility: 1 })).toThrow(InvalidArgumentError);
  });
});
