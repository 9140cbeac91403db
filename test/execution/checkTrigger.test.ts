import { describe, expect, it } from 'vitest';
import {
  checkTrigger,
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  MissingPriceError,
} from '../../src/index.js';

const market = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' },
} as const;
// isolated long 1 ETH at 3 000 with 300: 300 + (p − 3 000) = 0.01·p → L = 2 700 / 0.99 = 2 727.27…
const long = createMarginAccount({
  settleAsset: 'USDT',
  markets: [market],
  positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 }],
});
// cross short 2 ETH at 3 000 with 1 000 USDT: 1 000 − 2·(p − 3 000) = 0.02·p → L = 7 000 / 2.02 = 3 465.35…
const short = createMarginAccount({
  settleAsset: 'USDT',
  markets: [market],
  collateral: [{ asset: 'USDT', amount: 1000 }],
  positions: [{ marketId: 'ETH', size: -2, entryPrice: 3000, marginMode: 'cross' }],
});
const at = (mark: number) => createPrices({ markets: { ETH: { mark } } });

describe('checkTrigger', () => {
  it('tells a long stop beyond the liquidation price from one before it', () => {
    const beyond = checkTrigger(long, at(3000), 'ETH', 2700);
    expect(beyond.beyondLiquidation).toBe(true);
    expect(beyond.atTrigger).toMatchObject({ liquidatable: true });
    expect([beyond.atTrigger.equity.toString(), beyond.atTrigger.maintenance.toString()]).toEqual([
      '0',
      '27',
    ]);
    const before = checkTrigger(long, at(3000), 'ETH', 2800);
    expect([before.beyondLiquidation, before.atTrigger.liquidatable, before.atFill.liquidatable]).toEqual([
      false,
      false,
      false,
    ]);
    // a take-profit above the price is never beyond a downward liquidation
    expect(checkTrigger(long, at(3000), 'ETH', 3300).beyondLiquidation).toBe(false);
    expect(before.liquidationPrice.kind === 'price' && before.liquidationPrice.price.toFixed(2)).toBe(
      '2727.27',
    );
  });

  it('finds a stop that fires healthy but fills liquidatable after slippage', () => {
    const c = checkTrigger(long, at(3000), 'ETH', 2750, { slippage: '0.01' });
    expect(c.fillPrice.toString()).toBe('2722.5');
    expect([c.beyondLiquidation, c.atTrigger.liquidatable, c.atFill.liquidatable]).toEqual([
      false,
      false,
      true,
    ]);
    // at the fill: equity 22.5 against 27.225
    expect([c.atFill.equity.toString(), c.atFill.maintenance.toString()]).toEqual(['22.5', '27.225']);
  });

  it('checks a short cross stop upward, with the fill above the trigger', () => {
    const c = checkTrigger(short, at(3000), 'ETH', 3460, { slippage: '0.002' });
    expect(c.fillPrice.toString()).toBe('3466.92');
    expect([c.beyondLiquidation, c.atTrigger.liquidatable, c.atFill.liquidatable]).toEqual([
      false,
      false,
      true,
    ]);
    expect(checkTrigger(short, at(3000), 'ETH', 3470).beyondLiquidation).toBe(true);
  });

  it('is beyond liquidation for any trigger when the pool is liquidatable now', () => {
    const c = checkTrigger(long, at(2700), 'ETH', 2600);
    expect([c.liquidationPrice.kind, c.beyondLiquidation]).toEqual(['now', true]);
  });

  it('is never beyond a liquidation that no price reaches', () => {
    const safe = createMarginAccount({
      settleAsset: 'USDT',
      markets: [market],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 3000 },
      ],
    });
    const c = checkTrigger(safe, at(3000), 'ETH', 1);
    expect([c.liquidationPrice.kind, c.beyondLiquidation, c.atTrigger.liquidatable]).toEqual([
      'never',
      false,
      false,
    ]);
  });

  it('rejects a bad trigger, slippage, position or missing price with a path', () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).path;
      }
      throw new Error('expected a throw');
    };
    expect(path(() => checkTrigger(long, at(3000), 'ETH', 0))).toEqual(['trigger']);
    expect(path(() => checkTrigger(long, at(3000), 'ETH', 2800, { slippage: 1 }))).toEqual([
      'options',
      'slippage',
    ]);
    expect(path(() => checkTrigger(long, at(3000), 'BTC', 2800))).toEqual(['positionId']);
    expect(() => checkTrigger(long, createPrices({ markets: {} }), 'ETH', 2800)).toThrow(MissingPriceError);
  });
});
