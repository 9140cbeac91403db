import { describe, expect, it } from 'vitest';
import {
  createFundingSchedule,
  createMarket,
  type FundingProjectionOptions,
  InvalidArgumentError,
  type Market,
  type MarketInput,
  projectFunding,
  ValidationError,
} from '../../src/index.js';

const HOUR = 3_600_000;
const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;
const premium = { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' } as const;
const eth = (input: Partial<MarketInput> = {}): Market =>
  createMarket({
    id: 'ETH',
    kind: 'linear',
    baseAsset: 'ETH',
    quoteAsset: 'USDC',
    marginSchedule: flat,
    fundingSchedule: { intervalMs: HOUR, ratePeriodMs: 8 * HOUR, paymentPrice: 'oracle', rate: premium },
    ...input,
  });

// Hyperliquid-like: 8-hour rate, paid hourly at 1/8, oracle price, cap 4 % per 8 h (so 0.5 % an hour).
const hl = eth();
// 2 ETH at 3 000: value 6 000.
const opts = (o: Partial<FundingProjectionOptions>): FundingProjectionOptions => ({
  price: 3_000,
  fromMs: 0,
  toMs: 5 * HOUR,
  scenario: { kind: 'constant', rate: '0.0008' },
  ...o,
});
const strings = (xs: readonly { toString(): string }[]) => xs.map((x) => x.toString());

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

describe('projectFunding: discrete accrual, constant rate', () => {
  it('pays at each settlement time: 2 ETH at 3 000, 0.08 % per 8 h, hourly', () => {
    const p = projectFunding(hl, 2, opts({}));
    // each hour: 6 000 · 0.0008 · 1/8 = 0.6; five hours (1 h … 5 h) → 3
    expect(p.intervals.map((i) => i.time)).toEqual([HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 5 * HOUR]);
    expect(strings(p.intervals.map((i) => i.payment))).toEqual(['0.6', '0.6', '0.6', '0.6', '0.6']);
    expect(strings(p.intervals.map((i) => i.cumulative))).toEqual(['0.6', '1.2', '1.8', '2.4', '3']);
    expect(strings(p.intervals.map((i) => i.periodFraction))).toEqual([
      '0.125',
      '0.125',
      '0.125',
      '0.125',
      '0.125',
    ]);
    expect(strings(p.intervals.map((i) => i.rate))).toEqual([
      '0.0008',
      '0.0008',
      '0.0008',
      '0.0008',
      '0.0008',
    ]);
    expect(p.total.toString()).toBe('3');
    // notional |2 · 3 000| = 6 000; paid on the schedule's price
    expect(p.notional.toString()).toBe('6000');
    expect(p.paymentPrice).toBe('oracle');
  });

  it('pays nothing for the partial intervals at either end', () => {
    // (0.5 h, 5.25 h]: settlements at 1, 2, 3, 4, 5 h → 5 · 0.6 = 3
    const p = projectFunding(hl, 2, opts({ fromMs: HOUR / 2, toMs: 5.25 * HOUR }));
    expect(p.intervals).toHaveLength(5);
    expect(p.total.toString()).toBe('3');
    // a horizon inside one interval, (10 min, 50 min], crosses no settlement: 0
    const inside = projectFunding(hl, 2, opts({ fromMs: 600_000, toMs: 3_000_000 }));
    expect(inside.intervals).toEqual([]);
    expect(inside.total.isZero()).toBe(true);
  });

  it('pays an 8-hourly schedule three times a day', () => {
    const binance = eth({ fundingSchedule: { intervalMs: 8 * HOUR, paymentPrice: 'mark', rate: premium } });
    // 6 000 · 0.0001 = 0.6 per 8 h, three times in (0, 24 h] → 1.8
    const p = projectFunding(
      binance,
      2,
      opts({ toMs: 24 * HOUR, scenario: { kind: 'constant', rate: '0.0001' } }),
    );
    expect(p.intervals.map((i) => i.time)).toEqual([8 * HOUR, 16 * HOUR, 24 * HOUR]);
    expect(p.total.toString()).toBe('1.8');
    expect(p.paymentPrice).toBe('mark');
  });

  it('projects an inverse market in coin', () => {
    const coinM = createMarket({
      id: 'BTCUSD',
      kind: 'inverse',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      contractSize: 100,
      marginSchedule: flat,
      fundingSchedule: { intervalMs: 8 * HOUR, paymentPrice: 'mark', rate: premium },
    });
    // 1 000 · 100 / 50 000 = 2 BTC; 2 · 0.0001 = 0.0002 per 8 h; 3 in a day → 0.0006 BTC
    const p = projectFunding(coinM, 1_000, {
      price: 50_000,
      fromMs: 0,
      toMs: 24 * HOUR,
      scenario: { kind: 'constant', rate: '0.0001' },
    });
    expect(p.total.toString()).toBe('0.0006');
    expect(p.notional.toString()).toBe('2');
    // carry: 0.0006 / 2 · 365 = 0.1095
    expect(p.annualizedCarry?.toString()).toBe('0.1095');
  });
});

describe('projectFunding: continuous accrual', () => {
  it('accrues the partial first and last intervals in proportion to time held', () => {
    const p = projectFunding(hl, 2, opts({ fromMs: HOUR / 2, toMs: 5.25 * HOUR, accrual: 'continuous' }));
    // rate value 6 000 · 0.0008 = 4.8 per 8 h
    // (0.5 h, 1 h]: 4.8 · 0.5/8 = 0.3; four full hours: 4 · 0.6 = 2.4; (5 h, 5.25 h]: 4.8 · 0.25/8 = 0.15
    expect(p.intervals.map((i) => i.time)).toEqual([
      HOUR,
      2 * HOUR,
      3 * HOUR,
      4 * HOUR,
      5 * HOUR,
      5.25 * HOUR,
    ]);
    expect(strings(p.intervals.map((i) => i.payment))).toEqual(['0.3', '0.6', '0.6', '0.6', '0.6', '0.15']);
    // fractions of the 8-hour period: 0.5/8 = 0.0625, 1/8 = 0.125, 0.25/8 = 0.03125
    expect(p.intervals[0]?.periodFraction.toString()).toBe('0.0625');
    expect(p.intervals[5]?.periodFraction.toString()).toBe('0.03125');
    // 0.3 + 2.4 + 0.15 = 2.85 (discrete pays 3 over the same horizon)
    expect(p.total.toString()).toBe('2.85');
  });

  it('accrues inside one interval where discrete accrual pays nothing', () => {
    // (10 min, 50 min] = 40 min = 1/12 of 8 h: 4.8 / 12 = 0.4
    const p = projectFunding(hl, 2, opts({ fromMs: 600_000, toMs: 3_000_000, accrual: 'continuous' }));
    expect(p.total.toString()).toBe('0.4');
  });

  it('cuts segments where a rate path changes', () => {
    const scenario = {
      kind: 'path',
      points: [
        { time: 0, rate: '0.0008' },
        { time: 1.5 * HOUR, rate: '0' },
      ],
    } as const;
    const p = projectFunding(hl, 2, opts({ toMs: 3 * HOUR, scenario, accrual: 'continuous' }));
    // (0, 1 h]: 0.6; (1 h, 1.5 h]: 4.8 · 0.5/8 = 0.3; (1.5 h, 2 h] and (2 h, 3 h] at 0 → 0.9
    expect(p.intervals.map((i) => i.time)).toEqual([HOUR, 1.5 * HOUR, 2 * HOUR, 3 * HOUR]);
    expect(strings(p.intervals.map((i) => i.payment))).toEqual(['0.6', '0.3', '0', '0']);
    expect(p.total.toString()).toBe('0.9');
  });
});

describe('projectFunding: scenarios', () => {
  it('worst case for a long is the cap', () => {
    // cap 0.04 per 8 h: 6 000 · 0.04 / 8 = 30 an hour; 24 h → 720
    const p = projectFunding(hl, 2, opts({ toMs: 24 * HOUR, scenario: { kind: 'worst-case' } }));
    expect(p.intervals[0]?.rate.toString()).toBe('0.04');
    expect(p.intervals[0]?.payment.toString()).toBe('30');
    expect(p.total.toString()).toBe('720');
  });

  it('worst case for a short is the floor', () => {
    // floor −0.04: −2 · 3 000 · −0.04 / 8 = 30 an hour paid by the short; 24 h → 720
    const p = projectFunding(hl, -2, opts({ toMs: 24 * HOUR, scenario: { kind: 'worst-case' } }));
    expect(p.intervals[0]?.rate.toString()).toBe('-0.04');
    expect(p.total.toString()).toBe('720');
    // an asymmetric floor of −0.01: −6 000 · −0.01 / 8 = 7.5 an hour → 180 a day
    const asym = eth({
      fundingSchedule: {
        intervalMs: HOUR,
        ratePeriodMs: 8 * HOUR,
        paymentPrice: 'oracle',
        rate: { ...premium, floor: '-0.01' },
      },
    });
    expect(
      projectFunding(asym, -2, opts({ toMs: 24 * HOUR, scenario: { kind: 'worst-case' } })).total.toString(),
    ).toBe('180');
  });

  it('worst case on a rate-path schedule is the path maximum for a long and minimum for a short', () => {
    const pathMarket = eth({
      fundingSchedule: {
        intervalMs: HOUR,
        ratePeriodMs: 8 * HOUR,
        paymentPrice: 'oracle',
        rate: {
          type: 'path',
          points: [
            { time: 0, rate: '0.0001' },
            { time: 4 * HOUR, rate: '0.0009' },
            { time: 8 * HOUR, rate: '-0.0003' },
          ],
        },
      },
    });
    // long: max 0.0009 → 6 000 · 0.0009 / 8 = 0.675 an hour; 2 h → 1.35
    const long = projectFunding(pathMarket, 2, opts({ toMs: 2 * HOUR, scenario: { kind: 'worst-case' } }));
    expect(long.total.toString()).toBe('1.35');
    // short: min −0.0003 → −6 000 · −0.0003 / 8 = 0.225 an hour; 2 h → 0.45
    const short = projectFunding(pathMarket, -2, opts({ toMs: 2 * HOUR, scenario: { kind: 'worst-case' } }));
    expect(short.total.toString()).toBe('0.45');
  });

  it('a flat position pays nothing and has no carry', () => {
    const p = projectFunding(hl, 0, opts({ scenario: { kind: 'worst-case' } }));
    expect(p.total.isZero()).toBe(true);
    expect(p.notional.isZero()).toBe(true);
    expect(p.annualizedCarry).toBeUndefined();
  });

  it('a path applies the rate in force during the interval that ends at each settlement time', () => {
    const scenario = {
      kind: 'path',
      points: [
        { time: 0, rate: '0.0008' },
        { time: 2 * HOUR, rate: '-0.0008' },
      ],
    } as const;
    const p = projectFunding(hl, 2, opts({ toMs: 4 * HOUR, scenario }));
    // 1 h and 2 h settle (0, 1 h] and (1 h, 2 h], both at 0.0008 (the new rate starts at 2 h): +0.6, +0.6
    // 3 h and 4 h settle intervals at −0.0008: −0.6, −0.6
    expect(strings(p.intervals.map((i) => i.rate))).toEqual(['0.0008', '0.0008', '-0.0008', '-0.0008']);
    expect(strings(p.intervals.map((i) => i.payment))).toEqual(['0.6', '0.6', '-0.6', '-0.6']);
    expect(p.total.isZero()).toBe(true);
  });

  it('a path holds its last rate after its last point, and a point before the start sets the first rate', () => {
    const scenario = {
      kind: 'path',
      points: [
        { time: -5 * HOUR, rate: '0.0016' },
        { time: HOUR, rate: '0.0008' },
      ],
    } as const;
    // 1 h settles (0, 1 h] at 0.0016: 6 000 · 0.0016 / 8 = 1.2; 2 h … 4 h at 0.0008: 3 · 0.6 = 1.8 → 3
    const p = projectFunding(hl, 2, opts({ toMs: 4 * HOUR, scenario }));
    expect(strings(p.intervals.map((i) => i.payment))).toEqual(['1.2', '0.6', '0.6', '0.6']);
    expect(p.total.toString()).toBe('3');
  });

  it('with a change inside an interval, a discrete payment uses the rate set last before it', () => {
    const scenario = {
      kind: 'path',
      points: [
        { time: 0, rate: '0.0008' },
        { time: 1.5 * HOUR, rate: '0' },
      ],
    } as const;
    // 1 h: 0.0008 → 0.6; 2 h: the rate set at 1.5 h (0) → 0; 3 h: 0 → total 0.6
    const p = projectFunding(hl, 2, opts({ toMs: 3 * HOUR, scenario }));
    expect(strings(p.intervals.map((i) => i.payment))).toEqual(['0.6', '0', '0']);
  });

  it('the schedule scenario reads the market’s own rate path', () => {
    const pathMarket = eth({
      fundingSchedule: {
        intervalMs: HOUR,
        ratePeriodMs: 8 * HOUR,
        paymentPrice: 'oracle',
        rate: {
          type: 'path',
          points: [
            { time: 0, rate: '0.0008' },
            { time: 2 * HOUR, rate: '-0.0008' },
          ],
        },
      },
    });
    const p = projectFunding(pathMarket, 2, opts({ toMs: 4 * HOUR, scenario: { kind: 'schedule' } }));
    // same as the equivalent path scenario: 0.6 + 0.6 − 0.6 − 0.6 = 0
    expect(strings(p.intervals.map((i) => i.payment))).toEqual(['0.6', '0.6', '-0.6', '-0.6']);
  });
});

describe('projectFunding: annualized carry', () => {
  it('is total / notional scaled to a 365-day year', () => {
    // 24 h at 0.0008 per 8 h: 24 · 0.6 = 14.4; 14.4 / 6 000 = 0.0024 a day; · 365 = 0.876
    const p = projectFunding(hl, 2, opts({ toMs: 24 * HOUR }));
    expect(p.total.toString()).toBe('14.4');
    expect(p.annualizedCarry?.toString()).toBe('0.876');
    // the same rate annualised directly: 0.0008 · 3 · 365 = 0.876
  });

  it('is negative for a receiver', () => {
    // the short receives 14.4 a day: −0.876
    expect(projectFunding(hl, -2, opts({ toMs: 24 * HOUR })).annualizedCarry?.toString()).toBe('-0.876');
  });

  it('is absent for an empty horizon', () => {
    const p = projectFunding(hl, 2, opts({ fromMs: HOUR, toMs: HOUR }));
    expect(p.intervals).toEqual([]);
    expect(p.total.isZero()).toBe(true);
    expect(p.annualizedCarry).toBeUndefined();
  });
});

describe('projectFunding: bad input', () => {
  it('rejects an end before the start (END_BEFORE_START)', () => {
    expectError(() => projectFunding(hl, 2, opts({ fromMs: 2 * HOUR, toMs: HOUR })), 'END_BEFORE_START', [
      'toMs',
    ]);
  });

  it('rejects a market without a funding schedule (NO_FUNDING_SCHEDULE)', () => {
    const noFunding = createMarket({
      id: 'SPOTLIKE',
      kind: 'linear',
      baseAsset: 'ETH',
      quoteAsset: 'USDC',
      marginSchedule: flat,
    });
    expectError(() => projectFunding(noFunding, 2, opts({})), 'NO_FUNDING_SCHEDULE', [
      'markets',
      'SPOTLIKE',
      'fundingSchedule',
    ]);
  });

  it('rejects a path asked for a rate before its first point (NO_RATE)', () => {
    const scenario = { kind: 'path', points: [{ time: HOUR, rate: '0.0008' }] } as const;
    // the settlement at 1 h needs the rate of (0, 1 h], before the first point
    expectError(() => projectFunding(hl, 2, opts({ toMs: 2 * HOUR, scenario })), 'NO_RATE', [
      'points',
      0,
      'time',
    ]);
    // continuous accrual needs a rate from the start
    expectError(() => projectFunding(hl, 2, opts({ scenario, accrual: 'continuous' })), 'NO_RATE', [
      'points',
      0,
      'time',
    ]);
    // starting at the first point is fine
    expect(projectFunding(hl, 2, opts({ fromMs: HOUR, toMs: 2 * HOUR, scenario })).total.toString()).toBe(
      '0.6',
    );
  });

  it('rejects a rate path out of time order, or empty', () => {
    const outOfOrder = {
      kind: 'path',
      points: [
        { time: 2 * HOUR, rate: '0.0008' },
        { time: HOUR, rate: '0.0001' },
      ],
    } as const;
    expectError(() => projectFunding(hl, 2, opts({ scenario: outOfOrder })), 'INVALID_ARGUMENT', [
      'points',
      1,
      'time',
    ]);
    expectError(
      () => projectFunding(hl, 2, opts({ scenario: { kind: 'path', points: [] } })),
      'INVALID_ARGUMENT',
      ['points'],
    );
  });

  it('rejects the schedule scenario on a market whose rate is not a path', () => {
    expectError(() => projectFunding(hl, 2, opts({ scenario: { kind: 'schedule' } })), 'INVALID_ARGUMENT', [
      'scenario',
    ]);
  });

  it('rejects a payment price that is not positive', () => {
    expectError(() => projectFunding(hl, 2, opts({ price: 0 })), 'INVALID_ARGUMENT', ['price']);
    expectError(() => projectFunding(hl, 2, opts({ price: -3000 })), 'INVALID_ARGUMENT', ['price']);
  });

  it('rejects a malformed price or size', () => {
    expectError(() => projectFunding(hl, 2, opts({ price: 'x' })), 'INVALID_ARGUMENT', ['price']);
    expectError(() => projectFunding(hl, Number.NaN, opts({})), 'INVALID_ARGUMENT', ['size']);
  });
});

describe('funding schedules: bad input', () => {
  const valid = { intervalMs: HOUR, paymentPrice: 'oracle', rate: premium } as const;

  function expectValidation(f: () => unknown, code: string, path: readonly (string | number)[]) {
    try {
      f();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).code).toBe(code);
      expect((error as ValidationError).path).toEqual(path);
    }
  }

  it('rejects a zero or negative interval or rate period', () => {
    expectValidation(() => createFundingSchedule({ ...valid, intervalMs: 0 }), 'NOT_POSITIVE', [
      'intervalMs',
    ]);
    expectValidation(() => createFundingSchedule({ ...valid, intervalMs: -HOUR }), 'NOT_POSITIVE', [
      'intervalMs',
    ]);
    expectValidation(() => createFundingSchedule({ ...valid, ratePeriodMs: 0 }), 'NOT_POSITIVE', [
      'ratePeriodMs',
    ]);
    expectValidation(() => createFundingSchedule({ ...valid, ratePeriodMs: -1 }), 'NOT_POSITIVE', [
      'ratePeriodMs',
    ]);
    // inside a market the path starts at the market's field
    expectValidation(() => eth({ fundingSchedule: { ...valid, intervalMs: 0 } }), 'NOT_POSITIVE', [
      'fundingSchedule',
      'intervalMs',
    ]);
  });

  it('rejects a cap below its floor', () => {
    expectValidation(
      () => createFundingSchedule({ ...valid, rate: { ...premium, cap: '0.001', floor: '0.002' } }),
      'INVALID_RANGE',
      ['rate', 'cap'],
    );
    // a negative cap with the default floor −cap is also below its floor
    expectValidation(
      () => createFundingSchedule({ ...valid, rate: { type: 'clamped-premium', cap: '-0.001' } }),
      'INVALID_RANGE',
      ['rate', 'cap'],
    );
  });

  it('rejects a rate path out of time order', () => {
    expectValidation(
      () =>
        createFundingSchedule({
          ...valid,
          rate: {
            type: 'path',
            points: [
              { time: HOUR, rate: '0.0001' },
              { time: HOUR, rate: '0.0002' },
            ],
          },
        }),
      'NOT_IN_ORDER',
      ['rate', 'points', 1, 'time'],
    );
  });
});
