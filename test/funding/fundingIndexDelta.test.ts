import { describe, expect, it } from 'vitest';
import {
  createFundingSchedule,
  createMarket,
  fundingIndexDelta,
  fundingPayment,
  InvalidArgumentError,
  type MarketInput,
} from '../../src/index.js';

const HOUR = 3_600_000;
const flat = { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.03' } as const;
const dydxSchedule = {
  intervalMs: HOUR,
  ratePeriodMs: 8 * HOUR,
  paymentPrice: 'oracle',
  rate: { type: 'clamped-premium', cap: '0.12' },
} as const;
const market = (input: Partial<MarketInput> = {}) =>
  createMarket({
    id: 'BTC-USD',
    kind: 'linear',
    baseAsset: 'BTC',
    quoteAsset: 'USD',
    marginSchedule: flat,
    fundingSchedule: dydxSchedule,
    ...input,
  });
const btc = market();

function expectError(f: () => unknown, code: string, path: readonly (string | number)[]) {
  try {
    f();
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).code).toBe(code);
    expect((error as InvalidArgumentError).path).toEqual(path);
  }
}

describe('fundingIndexDelta', () => {
  it('gives dYdX’s hourly tick in human units: 0.1 % per 8 h at BTC 50 000 → 6.25 per BTC', () => {
    // 50 000 · 0.001 · 1 h / 8 h = 50 / 8 = 6.25 (the chain’s 625 ppm·qq per bq at AR −10)
    expect(fundingIndexDelta(btc, 50_000, '0.001', HOUR).toString()).toBe('6.25');
  });

  it('scales with the time the rate applied', () => {
    // 8 hours: 50 000 · 0.001 = 50; 30 minutes: 6.25 / 2 = 3.125; none: 0
    expect(fundingIndexDelta(btc, 50_000, '0.001', 8 * HOUR).toString()).toBe('50');
    expect(fundingIndexDelta(btc, 50_000, '0.001', HOUR / 2).toString()).toBe('3.125');
    expect(fundingIndexDelta(btc, 50_000, '0.001', 0).isZero()).toBe(true);
  });

  it('falls for a negative rate (longs receive)', () => {
    // 50 000 · −0.0005 / 8 = −3.125
    expect(fundingIndexDelta(btc, 50_000, '-0.0005', HOUR).toString()).toBe('-3.125');
  });

  it('times a position size equals the funding payment over one interval', () => {
    // 0.3 BTC · 6.25 = 1.875 = fundingPayment(0.3 BTC, 50 000, 0.001) = 15 000 · 0.001 / 8
    const delta = fundingIndexDelta(btc, 50_000, '0.001', HOUR);
    expect(delta.times('0.3').toString()).toBe('1.875');
    expect(fundingPayment(btc, '0.3', 50_000, '0.001').toString()).toBe('1.875');
  });

  it('is per contract: contract size multiplies it, an inverse market divides by the price', () => {
    // linear contract of 0.01 BTC: 0.01 · 50 000 · 0.001 / 8 = 0.0625
    expect(fundingIndexDelta(market({ contractSize: '0.01' }), 50_000, '0.001', HOUR).toString()).toBe(
      '0.0625',
    );
    // inverse 100 USD contract: 100 / 50 000 · 0.0001 · 8 h / 8 h = 0.0000002 BTC
    const coinM = market({ kind: 'inverse', contractSize: 100, settleAsset: 'BTC' });
    expect(fundingIndexDelta(coinM, 50_000, '0.0001', 8 * HOUR).toString()).toBe('2e-7');
  });

  it('accepts an explicit schedule', () => {
    const perHour = createFundingSchedule({ ...dydxSchedule, ratePeriodMs: HOUR });
    // a 1-hour rate for one hour: 50 000 · 0.001 = 50
    expect(fundingIndexDelta(btc, 50_000, '0.001', HOUR, perHour).toString()).toBe('50');
  });

  it('rejects a negative or fractional duration', () => {
    expectError(() => fundingIndexDelta(btc, 50_000, '0.001', -1), 'INVALID_ARGUMENT', ['durationMs']);
    expectError(() => fundingIndexDelta(btc, 50_000, '0.001', 0.5), 'INVALID_ARGUMENT', ['durationMs']);
  });

  it('rejects a market without a funding schedule (NO_FUNDING_SCHEDULE)', () => {
    const { fundingSchedule: _omit, ...withoutFunding } = {
      id: 'X',
      kind: 'linear',
      baseAsset: 'X',
      quoteAsset: 'USD',
      marginSchedule: flat,
      fundingSchedule: dydxSchedule,
    } as const;
    expectError(() => fundingIndexDelta(createMarket(withoutFunding), 1, 1, HOUR), 'NO_FUNDING_SCHEDULE', [
      'markets',
      'X',
      'fundingSchedule',
    ]);
  });

  it('rejects a price that is not positive', () => {
    const coinM = market({ kind: 'inverse', contractSize: 100, settleAsset: 'BTC' });
    expectError(() => fundingIndexDelta(coinM, 0, '0.0001', HOUR), 'INVALID_ARGUMENT', ['price']);
    expectError(() => fundingIndexDelta(btc, -50_000, '0.0001', HOUR), 'INVALID_ARGUMENT', ['price']);
  });

  it('rejects a malformed price or rate', () => {
    expectError(() => fundingIndexDelta(btc, 'x', '0.001', HOUR), 'INVALID_ARGUMENT', ['price']);
    expectError(() => fundingIndexDelta(btc, 50_000, Number.POSITIVE_INFINITY, HOUR), 'INVALID_ARGUMENT', [
      'rate',
    ]);
  });
});
