import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  type LiquidationPrice,
  liquidationPrice,
  type MarginAccountInput,
  type MarketInput,
  MissingPriceError,
  summarizeAccount,
  withProjectedFunding,
} from '../../src/index.js';

const HOUR = 3_600_000;
// Hyperliquid-like schedule: 8-hour rate, paid hourly at 1/8 on the oracle price, cap ±4 % per 8 h.
const hourly = {
  intervalMs: HOUR,
  ratePeriodMs: 8 * HOUR,
  paymentPrice: 'oracle',
  rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' },
} as const;
const market = (id: string, maintenanceFraction: string, extra: Partial<MarketInput> = {}): MarketInput => ({
  id,
  kind: 'linear',
  baseAsset: id,
  quoteAsset: 'USDC',
  marginSchedule: { type: 'flat', initialFraction: '0.5', maintenanceFraction },
  fundingSchedule: hourly,
  ...extra,
});
const unfunded = (id: string): MarketInput => ({
  id,
  kind: 'linear',
  baseAsset: id,
  quoteAsset: 'USDC',
  marginSchedule: { type: 'flat', initialFraction: '0.5', maintenanceFraction: '0.2' },
});
const account = (input: Partial<MarginAccountInput>) =>
  createMarginAccount({ settleAsset: 'USDC', markets: [market('ETH', '0.2')], ...input });
const prices = createPrices({
  markets: { ETH: { oracle: 3000, mark: 3000 }, BTC: { oracle: 50_000, mark: 50_000 } },
});
const worst = { kind: 'worst-case' } as const;

function priceOf(lp: LiquidationPrice): string {
  if (lp.kind !== 'price') throw new Error(`expected a price, got ${lp.kind}`);
  return lp.price.toString();
}

describe('withProjectedFunding', () => {
  const long = account({
    collateral: [{ asset: 'USDC', amount: 1000 }],
    positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }],
  });

  it('adds the projected funding to the position’s unsettled funding', () => {
    // worst case 0.04 per 8 h on 1 ETH at 3 000: 3 000 · 0.04 / 8 = 15 an hour; 8 hours → 120
    const later = withProjectedFunding(long, prices, { fromMs: 0, toMs: 8 * HOUR, scenario: worst });
    expect(later.positions[0]?.unsettledFunding.toString()).toBe('120');
    // equity 1 000 − 120 = 880; the requirement is unchanged: 0.2 · 3 000 = 600
    const s = summarizeAccount(later, prices);
    expect(s.cross.equity.toString()).toBe('880');
    expect(s.cross.maintenanceRequirement.toString()).toBe('600');
  });

  it('does not change its input', () => {
    const before = JSON.stringify(long);
    const later = withProjectedFunding(long, prices, { fromMs: 0, toMs: 8 * HOUR, scenario: worst });
    expect(later).not.toBe(long);
    expect(JSON.stringify(long)).toBe(before);
    expect(long.positions[0]?.unsettledFunding.isZero()).toBe(true);
    expect(Object.isFrozen(later)).toBe(true);
    expect(Object.isFrozen(later.positions[0])).toBe(true);
  });

  it('moves a long’s liquidation price up toward the price', () => {
    // now: 1 000 + (p − 3 000) = 0.2 p → p = 2 000 / 0.8 = 2 500
    expect(priceOf(liquidationPrice(long, prices, 'ETH'))).toBe('2500');
    // after 8 h of worst case: 880 + (p − 3 000) = 0.2 p → p = 2 120 / 0.8 = 2 650
    const later = withProjectedFunding(long, prices, { fromMs: 0, toMs: 8 * HOUR, scenario: worst });
    expect(priceOf(liquidationPrice(later, prices, 'ETH'))).toBe('2650');
  });

  it('moves a short’s liquidation price down toward the price', () => {
    const short = account({
      markets: [market('ETH', '0.25')],
      collateral: [{ asset: 'USDC', amount: 1000 }],
      positions: [{ marketId: 'ETH', size: -1, entryPrice: 3000, marginMode: 'cross' }],
    });
    // now: 1 000 + (3 000 − p) = 0.25 p → p = 4 000 / 1.25 = 3 200
    expect(priceOf(liquidationPrice(short, prices, 'ETH'))).toBe('3200');
    // worst case for a short is the floor −0.04: it pays 15 an hour, 120 in 8 h → p = 3 880 / 1.25 = 3 104
    const later = withProjectedFunding(short, prices, { fromMs: 0, toMs: 8 * HOUR, scenario: worst });
    expect(later.positions[0]?.unsettledFunding.toString()).toBe('120');
    expect(priceOf(liquidationPrice(later, prices, 'ETH'))).toBe('3104');
  });

  it('pays on the schedule’s price: oracle for Hyperliquid, mark for Binance', () => {
    const split = createPrices({
      markets: { ETH: { oracle: 3000, mark: 3200 }, BTC: { oracle: 50_000, mark: 50_400 } },
    });
    const both = createMarginAccount({
      settleAsset: 'USDC',
      markets: [
        market('ETH', '0.2'),
        market('BTC', '0.2', {
          fundingSchedule: { ...hourly, intervalMs: 8 * HOUR, paymentPrice: 'mark' },
        }),
      ],
      collateral: [{ asset: 'USDC', amount: 100_000 }],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' },
        { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' },
      ],
    });
    const later = withProjectedFunding(both, split, {
      fromMs: 0,
      toMs: 8 * HOUR,
      scenario: { kind: 'constant', rate: '0.0008' },
    });
    // ETH on the oracle: 8 · 3 000 · 0.0008 / 8 = 2.4 (on the mark it would be 2.56)
    expect(later.positions[0]?.unsettledFunding.toString()).toBe('2.4');
    // BTC on the mark, once in 8 h: 0.1 · 50 400 · 0.0008 = 4.032 (on the oracle it would be 4)
    expect(later.positions[1]?.unsettledFunding.toString()).toBe('4.032');
  });

  it('takes one scenario per market and leaves markets out of the map alone', () => {
    const both = createMarginAccount({
      settleAsset: 'USDC',
      markets: [market('ETH', '0.2'), market('BTC', '0.2'), unfunded('SPOT')],
      collateral: [{ asset: 'USDC', amount: 100_000 }],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' },
        { marketId: 'BTC', size: '-0.1', entryPrice: 50_000, marginMode: 'cross' },
      ],
    });
    const later = withProjectedFunding(both, prices, { fromMs: 0, toMs: 2 * HOUR, scenario: { BTC: worst } });
    // ETH has no scenario: unchanged
    expect(later.positions[0]).toBe(both.positions[0]);
    // BTC short at the floor: −0.1 · 50 000 · −0.04 / 8 = 25 an hour → 50
    expect(later.positions[1]?.unsettledFunding.toString()).toBe('50');
  });

  it('leaves a position in a market without a funding schedule unchanged', () => {
    const noFunding = createMarginAccount({
      settleAsset: 'USDC',
      markets: [unfunded('SPOT')],
      collateral: [{ asset: 'USDC', amount: 1000 }],
      positions: [{ marketId: 'SPOT', size: 1, entryPrice: 10, marginMode: 'cross' }],
    });
    const later = withProjectedFunding(
      noFunding,
      createPrices({ markets: { SPOT: { oracle: 10, mark: 10 } } }),
      {
        fromMs: 0,
        toMs: 24 * HOUR,
        scenario: worst,
      },
    );
    expect(later.positions[0]).toBe(noFunding.positions[0]);
  });

  it('accrues continuously when asked', () => {
    // (0, 1.5 h] at 15 an hour: discrete pays one hour (15), continuous 1.5 hours (22.5)
    const opts = { fromMs: 0, toMs: 1.5 * HOUR, scenario: worst } as const;
    expect(withProjectedFunding(long, prices, opts).positions[0]?.unsettledFunding.toString()).toBe('15');
    expect(
      withProjectedFunding(long, prices, {
        ...opts,
        accrual: 'continuous',
      }).positions[0]?.unsettledFunding.toString(),
    ).toBe('22.5');
  });

  it('adds to funding already owed, and drains an isolated pool without touching the cross pool', () => {
    const mixed = createMarginAccount({
      settleAsset: 'USDC',
      markets: [market('ETH', '0.2'), market('BTC', '0.2')],
      collateral: [{ asset: 'USDC', amount: 1000 }],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross', unsettledFunding: 5 },
        { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'isolated', isolatedMargin: 2000 },
      ],
    });
    const later = withProjectedFunding(mixed, prices, {
      fromMs: 0,
      toMs: 4 * HOUR,
      scenario: { ETH: { kind: 'constant', rate: 0 }, BTC: worst },
    });
    // ETH pays nothing more: still 5
    expect(later.positions[0]?.unsettledFunding.toString()).toBe('5');
    // BTC isolated: 0.1 · 50 000 · 0.04 / 8 = 25 an hour → 100; isolated equity 2 000 − 100 = 1 900
    expect(later.positions[1]?.unsettledFunding.toString()).toBe('100');
    const s = summarizeAccount(later, prices);
    expect(s.isolated[0]?.equity.toString()).toBe('1900');
    // the cross pool is 1 000 − 5 = 995, as before
    expect(s.cross.equity.toString()).toBe('995');
  });

  it('rejects an end before the start (END_BEFORE_START)', () => {
    try {
      withProjectedFunding(long, prices, { fromMs: HOUR, toMs: 0, scenario: worst });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('END_BEFORE_START');
      expect((error as InvalidArgumentError).path).toEqual(['toMs']);
    }
  });

  it('needs the payment price: a missing oracle is a MissingPriceError', () => {
    try {
      withProjectedFunding(long, createPrices({ markets: { ETH: { mark: 3000 } } }), {
        fromMs: 0,
        toMs: HOUR,
        scenario: worst,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MissingPriceError);
      expect((error as MissingPriceError).code).toBe('MISSING_PRICE');
      expect((error as MissingPriceError).path).toEqual(['markets', 'ETH', 'oracle']);
    }
  });
});
