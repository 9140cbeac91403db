// A summary values linear positions on flat and tiered schedules in exact integers. Each position's numbers must be
// the ones the Decimal formulas give (marginRequirement and unrealizedPnl, which stay on decimal.js), field by field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  marginRequirement,
  summarizeAccount,
  unrealizedPnl,
} from '../../src/index.js';
import { scenarioArb } from '../support/arbitraries.js';

const accountArb = scenarioArb({
  maxOthers: 3,
  hedge: true,
  schedules: ['flat', 'tiered', 'open-interest'],
  zeroMaintenance: true,
  funding: true,
  leverage: true,
  secondAsset: true,
  priceSources: true,
});

describe('integer path of the summary', () => {
  it('puts a notional exactly at a floor in the tier that starts there (hand-checked)', () => {
    // Tiers: [0, 50,000) at MMF 0.4 %, from 50,000 at MMF 0.5 % with deduction 50,000·(0.005 − 0.004) = 50.
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [
        {
          id: 'BTCUSDT',
          kind: 'linear',
          baseAsset: 'BTC',
          quoteAsset: 'USDT',
          marginSchedule: {
            type: 'tiered',
            tiers: [
              { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
              { notionalFloor: 50_000, initialFraction: '0.01', maintenanceFraction: '0.005' },
            ],
          },
        },
      ],
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [{ marketId: 'BTCUSDT', size: '0.5', entryPrice: 99_000, marginMode: 'cross' }],
    });
    const at = (mark: string) =>
      summarizeAccount(account, createPrices({ markets: { BTCUSDT: { mark } } })).positions[0]?.requirement;
    // 0.5 · 100,000 = 50,000: tier 1, MMR 250 − 50 = 200, IMR 500.
    expect(at('100000')?.tierIndex).toBe(1);
    expect(at('100000')?.maintenance.toString()).toBe('200');
    expect(at('100000')?.initial.toString()).toBe('500');
    // 0.5 · 99,999.98 = 49,999.99: tier 0, MMR 199.99996, IMR 399.99992.
    expect(at('99999.98')?.tierIndex).toBe(0);
    expect(at('99999.98')?.maintenance.toString()).toBe('199.99996');
    expect(at('99999.98')?.initial.toString()).toBe('399.99992');
  });

  it('writes every position the numbers of the Decimal formulas', () => {
    fc.assert(
      fc.property(accountArb, (s) => {
        const account = createMarginAccount(s.account);
        const prices = createPrices(s.prices);
        const summary = summarizeAccount(account, prices, { priceSource: s.priceSource });
        summary.positions.forEach((row, i) => {
          const position = account.positions[i];
          if (!position) throw new Error('missing position');
          const market = account.markets[position.marketId];
          if (!market) throw new Error('missing market');
          const entry = prices.markets[position.marketId];
          const expected = marginRequirement(market, position.size, row.price, {
            ...(position.leverage === undefined ? {} : { leverage: position.leverage }),
            ...(entry?.openInterest === undefined ? {} : { openInterest: entry.openInterest }),
          });
          expect(row.requirement).toEqual(expected);
          expect(row.unrealizedPnl.eq(unrealizedPnl(market, position, row.price))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
