import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  type LiquidationLadder,
  liquidationLadder,
  type OpenOrder,
} from '../../src/index.js';

const eth = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  stepSize: '0.1',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' },
} as const;
const isolated = createMarginAccount({
  settleAsset: 'USDT',
  markets: [eth, { ...eth, id: 'BTC', baseAsset: 'BTC' }],
  collateral: [{ asset: 'USDT', amount: 10_000 }],
  positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 }],
});
// cross long 1 ETH at 3 000 with 1 000 USDT: 1 000 + (p − 3 000) = 0.01·p → 2 000 / 0.99 = 2 020.20
const cross = createMarginAccount({
  settleAsset: 'USDT',
  markets: [eth],
  collateral: [{ asset: 'USDT', amount: 1000 }],
  positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }],
});
const prices = createPrices({ markets: { ETH: { mark: 3000 }, BTC: { mark: 50_000 } } });
const buy = (size: number | string, price: number): OpenOrder => ({
  marketId: 'ETH',
  side: 'buy',
  size,
  price,
});
const sell = (size: number | string, price: number): OpenOrder => ({
  marketId: 'ETH',
  side: 'sell',
  size,
  price,
});
const table = (l: LiquidationLadder) =>
  l.steps.map((s) => [
    s.order,
    s.size.toString(),
    s.entryPrice.toString(),
    s.liquidationPrice.kind === 'price' ? s.liquidationPrice.price.toFixed(2) : s.liquidationPrice.kind,
  ]);

describe('liquidationLadder', () => {
  it('moves a cross long liquidation price up as a buy ladder fills, and reports the range', () => {
    // after 1 at 2 900: size 2, entry 2 950; 1 000 + 2·(p − 2 950) = 0.02·p → 4 900 / 1.98 = 2 474.75
    // after 1 at 2 800: size 3, entry 2 900; 1 000 + 3·(p − 2 900) = 0.03·p → 7 700 / 2.97 = 2 592.59
    const l = liquidationLadder(cross, prices, 'ETH', [buy(1, 2800), buy(1, 2900)]);
    expect(table(l)).toEqual([
      [1, '2', '2950', '2474.75'],
      [0, '3', '2900', '2592.59'],
    ]);
    expect(l.current.kind === 'price' && l.current.price.toFixed(2)).toBe('2020.20');
    expect([l.lowest?.toFixed(2), l.highest?.toFixed(2), l.includesNow, l.includesNever]).toEqual([
      '2020.20',
      '2592.59',
      false,
      false,
    ]);
    // at 2 800 the pool has 700 of equity against 840 of initial margin: a venue would not take the second fill
    expect(l.steps.map((s) => s.marginCheckPasses)).toEqual([true, false]);
  });

  it('moves the isolated margin each fill needs, and walks each side from the position as it is', () => {
    const l = liquidationLadder(isolated, prices, 'ETH', [buy(1, 2900), sell(2, 3100), buy(1, 2800)]);
    // buys: 2 636.36 then 2 545.45 (the fills bring margin to 10 % at their price); the sell closes the long and
    // opens a short of 1 at 3 100 with 310: 310 − (p − 3 100) = 0.01·p → 3 376.24
    expect(table(l)).toEqual([
      [0, '2', '2950', '2636.36'],
      [2, '3', '2900', '2545.45'],
      [1, '-1', '3100', '3376.24'],
    ]);
    expect([l.lowest?.toFixed(2), l.highest?.toFixed(2)]).toEqual(['2545.45', '3376.24']);
    expect(l.steps.map((s) => s.side)).toEqual(['buy', 'buy', 'sell']);
  });

  it('reports never once the ladder closes the position, and a failed margin check', () => {
    const closed = liquidationLadder(cross, prices, 'ETH', [sell(1, 3100)]);
    expect(table(closed)).toEqual([[0, '0', '3000', 'never']]);
    expect(closed.includesNever).toBe(true);
    // 40 more ETH at 2 900: equity 1 000 − 100 = 900 against 41 · 29 = 1 189 of maintenance there
    const big = liquidationLadder(cross, prices, 'ETH', [buy(40, 2900)]);
    expect(big.steps[0]?.marginCheckPasses).toBe(false);
    expect(big.steps[0]?.liquidationPrice.kind).toBe('now');
    expect(big.includesNow).toBe(true);
  });

  it('rejects orders of another market, sizes off the step and bad fields with their path', () => {
    const path = (orders: unknown) => {
      try {
        liquidationLadder(isolated, prices, 'ETH', orders as OpenOrder[]);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).path;
      }
      throw new Error('expected a throw');
    };
    expect(path([buy(1, 2900), { ...buy(1, 2900), marketId: 'BTC' }])).toEqual(['orders', 1, 'marketId']);
    expect(path([buy('0.15', 2900)])).toEqual(['orders', 0, 'size']);
    expect(path([buy(1, -1)])).toEqual(['orders', 0, 'price']);
    expect(() => liquidationLadder(isolated, prices, 'SOL', [])).toThrow(InvalidArgumentError);
  });
});
