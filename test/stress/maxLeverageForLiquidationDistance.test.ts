import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  liquidationPrice,
  type MarketKind,
  maxLeverageForLiquidationDistance,
} from '../../src/index.js';

// The library rounds a maximum toward zero at 40 digits, so it never overshoots.
const Down = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });
const down = (a: number | string, b: number | string) => new Decimal(new Down(a).div(b));

describe('maxLeverageForLiquidationDistance', () => {
  it('linear long: 1 / (1 − (1 − D)(1 − m)) (the docs example)', () => {
    // 1 − 0.9 · 0.995 = 0.1045 → 9.5694
    const lev = maxLeverageForLiquidationDistance('linear', 'long', '0.1', '0.005');
    expect(lev.toFixed(4)).toBe('9.5694');
    expect(lev.toString()).toBe(down(1, '0.1045').toString());
  });

  it('linear short: 1 / ((1 + D)(1 + m) − 1)', () => {
    // 1.1 · 1.005 − 1 = 0.1055 → 9.4787
    expect(maxLeverageForLiquidationDistance('linear', 'short', '0.1', '0.005').toString()).toBe(
      down(1, '0.1055').toString(),
    );
  });

  it('inverse: (1 ∓ D) / (m + D)', () => {
    // long 0.9 / 0.105 = 60/7 ≈ 8.5714; short 1.1 / 0.105 = 220/21 ≈ 10.4762
    expect(maxLeverageForLiquidationDistance('inverse', 'long', '0.1', '0.005').toString()).toBe(
      down(60, 7).toString(),
    );
    expect(maxLeverageForLiquidationDistance('inverse', 'short', '0.1', '0.005').toString()).toBe(
      down(220, 21).toString(),
    );
  });

  it('without maintenance: 1/D linear, (1 ∓ D)/D inverse', () => {
    expect(maxLeverageForLiquidationDistance('linear', 'long', '0.1', 0).toString()).toBe('10');
    expect(maxLeverageForLiquidationDistance('linear', 'short', '0.1', 0).toString()).toBe('10');
    expect(maxLeverageForLiquidationDistance('inverse', 'long', '0.1', 0).toString()).toBe('9');
    expect(maxLeverageForLiquidationDistance('inverse', 'short', '0.1', 0).toString()).toBe('11');
  });

  it('an isolated position at that leverage liquidates exactly D away', () => {
    const cases: [MarketKind, 'long' | 'short'][] = [
      ['linear', 'long'],
      ['linear', 'short'],
      ['inverse', 'long'],
      ['inverse', 'short'],
    ];
    for (const [kind, side] of cases) {
      const lev = maxLeverageForLiquidationDistance(kind, side, '0.12', '0.004');
      const price = new Decimal(40_000);
      const settle = kind === 'linear' ? 'USDT' : 'BTC';
      const size = kind === 'linear' ? new Decimal(2) : new Decimal(1000);
      // margin = notional / leverage: linear 2 · 40 000, inverse 1000 · 100 / 40 000 (coin)
      const notional = kind === 'linear' ? size.times(price) : size.times(100).div(price);
      const account = createMarginAccount({
        settleAsset: settle,
        markets: [
          {
            id: 'M',
            kind,
            baseAsset: 'BTC',
            quoteAsset: kind === 'linear' ? 'USDT' : 'USD',
            ...(kind === 'inverse' ? { contractSize: 100 } : {}),
            marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.004' },
          },
        ],
        positions: [
          {
            marketId: 'M',
            size: side === 'long' ? size : size.negated(),
            entryPrice: price,
            marginMode: 'isolated',
            isolatedMargin: notional.div(lev),
          },
        ],
      });
      const lp = liquidationPrice(account, createPrices({ markets: { M: { mark: price } } }), 'M');
      // 40 000 · (1 ∓ 0.12) = 35 200 or 44 800
      const expected = side === 'long' ? 35_200 : 44_800;
      expect(lp.kind).toBe('price');
      if (lp.kind === 'price')
        expect(lp.price.minus(expected).abs().lessThan('1e-25'), `${kind} ${side}`).toBe(true);
    }
  });

  it('rejects a distance outside (0, 1)', () => {
    for (const d of ['0', '1', '-0.1', '1.5']) {
      expect(() => maxLeverageForLiquidationDistance('linear', 'long', d, '0.005')).toThrow(
        InvalidArgumentError,
      );
    }
  });
});
