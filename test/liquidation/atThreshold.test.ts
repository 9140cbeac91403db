// A pool sitting exactly at its maintenance requirement: not liquidatable now (equity < MMR is strict), liquidatable
// after any adverse move, so its liquidation price is the current price. The closed-form root lands a rounding unit
// on the wrong side of it (an inverse quotient), which must not turn the answer into 'never'.
import { describe, expect, it } from 'vitest';
import {
  checkTrigger,
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationPrice,
  summarizeAccount,
} from '../../src/index.js';

function account(kind: 'linear' | 'inverse', size: string, entry: string, tiers: boolean) {
  const contracts = new Decimal(size).abs().times(kind === 'inverse' ? 100 : 1);
  const value = kind === 'inverse' ? contracts.div(entry) : contracts.times(entry);
  return createMarginAccount({
    settleAsset: kind === 'inverse' ? 'BTC' : 'USD',
    markets: [
      {
        id: 'M',
        kind,
        baseAsset: 'BTC',
        quoteAsset: 'USD',
        contractSize: kind === 'inverse' ? 100 : 1,
        marginSchedule: tiers
          ? {
              type: 'tiered',
              tiers: [
                { notionalFloor: 0, initialFraction: '0.1', maintenanceFraction: '0.005' },
                { notionalFloor: '1e12', initialFraction: '0.2', maintenanceFraction: '0.01' },
              ],
            }
          : { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.005' },
      },
    ],
    // Margin equal to the maintenance requirement at the entry (= mark) price.
    positions: [
      {
        marketId: 'M',
        size,
        entryPrice: entry,
        marginMode: 'isolated',
        isolatedMargin: value.times('0.005'),
      },
    ],
  });
}

describe('a pool exactly at its maintenance requirement', () => {
  it.each([
    ['inverse', '-0.001', '75106.69', false, 'up'],
    ['inverse', '0.001', '75106.69', false, 'down'],
    ['linear', '-0.37', '75106.69', false, 'up'],
    ['linear', '0.37', '75106.69', true, 'down'],
  ] as const)(
    '%s %s at %s (tiered: %s) liquidates at the current price, %s',
    (kind, size, entry, tiers, direction) => {
      const a = account(kind, size, entry, tiers);
      const prices = createPrices({ markets: { M: { mark: entry } } });
      const pool = summarizeAccount(a, prices).isolated[0];
      expect(pool?.equity.eq(pool.maintenanceRequirement)).toBe(true);
      expect(pool?.liquidatable).toBe(false);
      const lp = liquidationPrice(a, prices, 'M');
      expect(lp).toMatchObject({ kind: 'price', direction });
      if (lp.kind === 'price') expect(lp.price.toString()).toBe(entry);
      // One tick the wrong way and the pool is liquidatable; a trigger there is beyond the liquidation price.
      const worse = new Decimal(entry).plus(direction === 'up' ? '0.01' : '-0.01');
      const check = checkTrigger(a, prices, 'M', worse);
      expect(check.atTrigger.liquidatable).toBe(true);
      expect(check.beyondLiquidation).toBe(true);
    },
  );
});
