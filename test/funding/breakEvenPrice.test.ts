import { describe, expect, it } from 'vitest';
import {
  breakEvenPrice,
  createMarket,
  createPosition,
  InvalidArgumentError,
  type MarketInput,
  projectFunding,
} from '../../src/index.js';

const HOUR = 3_600_000;
const flat = { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' } as const;
const funding = {
  intervalMs: HOUR,
  ratePeriodMs: 8 * HOUR,
  paymentPrice: 'oracle',
  rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' },
} as const;
const eth = createMarket({
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: flat,
  fundingSchedule: funding,
} satisfies MarketInput);
const coinM = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: flat,
});
const pos = (marketId: string, size: number | string, entryPrice: number | string) =>
  createPosition({ marketId, size, entryPrice, marginMode: 'cross' });

function price(result: ReturnType<typeof breakEvenPrice>): string {
  if (result.kind !== 'price') throw new Error(`expected a price, got ${result.kind}`);
  return result.price.toString();
}

describe('breakEvenPrice: linear', () => {
  it('a long must rise by its costs per unit', () => {
    // (2 · 3 000 + 3 + 12) / 2 = 6 015 / 2 = 3 007.5
    expect(price(breakEvenPrice(eth, pos('ETH', 2, 3000), { funding: 12, entryFee: 3 }))).toBe('3007.5');
    // with no costs the break-even is the entry
    expect(price(breakEvenPrice(eth, pos('ETH', 2, 3000)))).toBe('3000');
  });

  it('a long pays the exit fee on the exit notional', () => {
    // (3 990 + 2 + 6) / (1 − 0.0005) = 3 998 / 0.9995 = 4 000
    // check: PnL 10 − exit fee 4 000 · 0.0005 = 2 − entry fee 2 − funding 6 = 0
    const be = breakEvenPrice(eth, pos('ETH', 1, 3990), { entryFee: 2, funding: 6, exitFeeRate: '0.0005' });
    expect(price(be)).toBe('4000');
  });

  it('a short must fall by its costs', () => {
    // (−3 010 + 7) / (−1 − 0.001) = −3 003 / −1.001 = 3 000
    // check: PnL 10 − exit fee 3 − entry fee 3 − funding 4 = 0
    const be = breakEvenPrice(eth, pos('ETH', -1, 3010), { entryFee: 3, funding: 4, exitFeeRate: '0.001' });
    expect(price(be)).toBe('3000');
  });

  it('received funding lowers a long’s break-even and raises a short’s', () => {
    // long: (3 000 − 10) / 1 = 2 990; short: (−3 000 − 10) / −1 = 3 010
    expect(price(breakEvenPrice(eth, pos('ETH', 1, 3000), { funding: -10 }))).toBe('2990');
    expect(price(breakEvenPrice(eth, pos('ETH', -1, 3000), { funding: -10 }))).toBe('3010');
  });

  it('a short whose costs reach its entry value never breaks even', () => {
    // (−100 + 100) / −1 = 0: only a price of 0 would do → never
    expect(breakEvenPrice(eth, pos('ETH', -1, 100), { funding: 100 })).toEqual({ kind: 'never' });
    // (−100 + 150) / −1 = −50 → never
    expect(breakEvenPrice(eth, pos('ETH', -1, 100), { funding: 150 })).toEqual({ kind: 'never' });
  });

  it('takes a projection’s total as its funding', () => {
    // 24 h at the 0.04 cap on 1 ETH at 3 000: 24 · 3 000 · 0.04 / 8 = 360; (3 000 + 360) / 1 = 3 360
    const projected = projectFunding(eth, 1, {
      price: 3000,
      fromMs: 0,
      toMs: 24 * HOUR,
      scenario: { kind: 'worst-case' },
    });
    expect(projected.total.toString()).toBe('360');
    expect(price(breakEvenPrice(eth, pos('ETH', 1, 3000), { funding: projected.total }))).toBe('3360');
  });
});

describe('breakEvenPrice: inverse (costs in coin)', () => {
  it('a long: p = c·(s + |s|·f) / (s·c/e − costs)', () => {
    // 1 000 · 100 / 50 000 = 2 BTC; costs 0.1 + 0.3 = 0.4: p = 100 000 / 1.6 = 62 500
    // check: PnL 100 000 · (1/50 000 − 1/62 500) = 2 − 1.6 = 0.4
    const be = breakEvenPrice(coinM, pos('BTCUSD', 1000, 50_000), { entryFee: '0.1', funding: '0.3' });
    expect(price(be)).toBe('62500');
  });

  it('a long with an exit fee', () => {
    // p = 100 · (1 000 + 1 000 · 0.001) / (2 − 0.075) = 100 100 / 1.925 = 52 000
    // check: PnL 2 − 100 000/52 000 = 0.0769…, exit fee 100 000/52 000 · 0.001 = 0.0019…; PnL − fee = 2 − 1.925 = 0.075
    const be = breakEvenPrice(coinM, pos('BTCUSD', 1000, 50_000), { funding: '0.075', exitFeeRate: '0.001' });
    expect(price(be)).toBe('52000');
  });

  it('a short: the price must fall', () => {
    // p = 100 · −1 000 / (−2 − 0.5) = 100 000 / 2.5 = 40 000
    // check: PnL −100 000 · (1/50 000 − 1/40 000) = −100 000 · −0.000005 = 0.5
    expect(price(breakEvenPrice(coinM, pos('BTCUSD', -1000, 50_000), { funding: '0.5' }))).toBe('40000');
  });

  it('a long whose coin costs reach its coin value never breaks even', () => {
    // s·c/e − costs = 2 − 2 = 0 → never; 2 − 3 < 0 → never
    expect(breakEvenPrice(coinM, pos('BTCUSD', 1000, 50_000), { funding: 2 })).toEqual({ kind: 'never' });
    expect(breakEvenPrice(coinM, pos('BTCUSD', 1000, 50_000), { funding: 3 })).toEqual({ kind: 'never' });
  });
});

describe('breakEvenPrice: bad input', () => {
  function expectError(f: () => unknown, path: readonly (string | number)[]) {
    try {
      f();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      expect((error as InvalidArgumentError).path).toEqual(path);
    }
  }

  it('rejects a flat position', () => {
    expectError(() => breakEvenPrice(eth, pos('ETH', 0, 3000)), ['position', 'size']);
  });

  it('rejects an exit fee rate outside [0, 1)', () => {
    expectError(() => breakEvenPrice(eth, pos('ETH', 1, 3000), { exitFeeRate: 1 }), ['exitFeeRate']);
    expectError(() => breakEvenPrice(eth, pos('ETH', 1, 3000), { exitFeeRate: '-0.0001' }), ['exitFeeRate']);
  });

  it('rejects malformed costs', () => {
    expectError(() => breakEvenPrice(eth, pos('ETH', 1, 3000), { funding: 'lots' }), ['funding']);
    expectError(() => breakEvenPrice(eth, pos('ETH', 1, 3000), { entryFee: Number.NaN }), ['entryFee']);
  });
});
