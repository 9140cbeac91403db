import { describe, expect, it } from 'vitest';
import { createMarginAccount, createPrices, isMarginKitError, summarizeAccount } from '../../../src/index.js';
import { hyperliquidBackstopLiquidatable } from '../../../src/venues/hyperliquid/hyperliquidBackstopLiquidatable.js';
import { hyperliquidMarket } from '../../../src/venues/hyperliquid/hyperliquidMarket.js';

// equity < 2/3 · maintenance (Hyperliquid docs "Liquidations", "Liquidator Vault")
describe('hyperliquidBackstopLiquidatable', () => {
  it('reproduces its documented example', () => {
    expect(hyperliquidBackstopLiquidatable({ equity: 70, maintenanceRequirement: 100 })).toBe(false);
    expect(hyperliquidBackstopLiquidatable({ equity: '66.66', maintenanceRequirement: 100 })).toBe(true);
  });

  it('is strict at exactly 2/3, without rounding 2/3', () => {
    // 3 · 200 = 2 · 300: at the threshold, not below it
    expect(hyperliquidBackstopLiquidatable({ equity: 200, maintenanceRequirement: 300 })).toBe(false);
    expect(hyperliquidBackstopLiquidatable({ equity: '199.999999999999', maintenanceRequirement: 300 })).toBe(
      true,
    );
    // 2/3 of 100 is 66.666…: 66.6666666666666666666666666666666666667 (40 digits) is above it
    expect(
      hyperliquidBackstopLiquidatable({
        equity: '66.66666666666666666666666666666666666667',
        maintenanceRequirement: 100,
      }),
    ).toBe(false);
  });

  it('needs a maintenance requirement above 0; a negative equity is past it', () => {
    expect(hyperliquidBackstopLiquidatable({ equity: -5, maintenanceRequirement: 0 })).toBe(false);
    expect(hyperliquidBackstopLiquidatable({ equity: -5, maintenanceRequirement: 1 })).toBe(true);
  });

  it('reads a pool summary: liquidatable on the book first, backstop later', () => {
    // isolated long 1 ETH at 3,000 with 100 USDC, 50× (MMR 1 %)
    const account = createMarginAccount({
      settleAsset: 'USDC',
      markets: [
        hyperliquidMarket({
          coin: 'ETH',
          marginTable: { marginTiers: [{ lowerBound: 0, maxLeverage: 50 }] },
        }),
      ],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 100 },
      ],
    });
    const pool = (mark: number) => {
      const p = summarizeAccount(account, createPrices({ markets: { ETH: { mark } } })).isolated[0];
      if (!p) throw new Error('no isolated pool');
      return p;
    };
    // at 2,925: equity 25, maintenance 29.25 → liquidatable, 25 ≥ 19.5 so no backstop
    expect(pool(2925).liquidatable).toBe(true);
    expect(hyperliquidBackstopLiquidatable(pool(2925))).toBe(false);
    // at 2,915: equity 15 < 2/3 · 29.15 = 19.43 → backstop
    expect(hyperliquidBackstopLiquidatable(pool(2915))).toBe(true);
  });

  it('rejects a non-finite amount with a typed error', () => {
    let thrown: unknown;
    try {
      hyperliquidBackstopLiquidatable({ equity: Number.NaN, maintenanceRequirement: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(isMarginKitError(thrown)).toBe(true);
  });
});
