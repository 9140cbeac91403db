// Properties of the liquidation price as a ladder of resting orders fills.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationLadder,
  type OpenOrder,
} from '../../src/index.js';

const eth = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  stepSize: '0.01',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' },
} as const;
const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));

describe('liquidationLadder (properties)', () => {
  it('bounds every step by lowest and highest, and sizes add up in fill order', () => {
    fc.assert(
      fc.property(
        hundredths(-500, 500),
        hundredths(100_000, 1_000_000),
        fc.array(
          fc.record({
            side: fc.constantFrom('buy' as const, 'sell' as const),
            size: hundredths(1, 300),
            price: hundredths(200_000, 400_000),
          }),
          { maxLength: 5 },
        ),
        (size, collateral, rows) => {
          const account = createMarginAccount({
            settleAsset: 'USDT',
            markets: [eth],
            collateral: [{ asset: 'USDT', amount: collateral }],
            positions: [{ marketId: 'ETH', size, entryPrice: 3000, marginMode: 'cross' }],
          });
          const prices = createPrices({ markets: { ETH: { mark: 3000 } } });
          const orders: OpenOrder[] = rows.map((r) => ({ marketId: 'ETH', ...r }));
          const l = liquidationLadder(account, prices, 'ETH', orders);
          expect(l.steps.length).toBe(orders.length);
          for (const step of [l.current, ...l.steps.map((s) => s.liquidationPrice)]) {
            if (step.kind !== 'price') continue;
            expect(l.lowest?.lte(step.price) && l.highest?.gte(step.price)).toBe(true);
          }
          for (const side of ['buy', 'sell'] as const) {
            let expected = size;
            for (const s of l.steps.filter((x) => x.side === side)) {
              const filled = new Decimal(rows[s.order]?.size ?? 0);
              expected = side === 'buy' ? expected.plus(filled) : expected.minus(filled);
              expect(s.size.eq(expected)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a cross long filling buys below its price while healthy only moves its liquidation price up', () => {
    fc.assert(
      fc.property(
        hundredths(1, 500),
        hundredths(100_000, 1_000_000),
        fc.array(fc.record({ size: hundredths(1, 300), price: hundredths(200_000, 299_999) }), {
          maxLength: 4,
        }),
        (size, collateral, rows) => {
          const account = createMarginAccount({
            settleAsset: 'USDT',
            markets: [eth],
            collateral: [{ asset: 'USDT', amount: collateral }],
            positions: [{ marketId: 'ETH', size, entryPrice: 3000, marginMode: 'cross' }],
          });
          const prices = createPrices({ markets: { ETH: { mark: 3000 } } });
          const orders: OpenOrder[] = rows.map((r) => ({ marketId: 'ETH', side: 'buy', ...r }));
          const l = liquidationLadder(account, prices, 'ETH', orders);
          let previous = l.current;
          for (const step of l.steps) {
            const now = step.liquidationPrice;
            if (previous.kind !== 'price' || now.kind !== 'price') break;
            expect(now.price.gte(previous.price)).toBe(true);
            previous = now;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
