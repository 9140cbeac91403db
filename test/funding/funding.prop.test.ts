// Properties of the funding module, checked on random markets, positions, horizons and scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createMarket,
  createPrices,
  Decimal,
  type FundingScenario,
  type FundingScenarios,
  type FundingScheduleInput,
  fundingPayment,
  fundingTimes,
  type MarginAccount,
  type Market,
  type PositionInput,
  type Prices,
  projectFunding,
  summarizeAccount,
  timeToLiquidation,
  withProjectedFunding,
} from '../../src/index.js';

const HOUR = 3_600_000;
const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;

// ---- generators -------------------------------------------------------------------------------------------

/** A decimal with a few significant digits: mantissa · 10^−scale. */
const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min, max }).map((n) => new Decimal(n).div(new Decimal(10).pow(scale)));
const nonZero = (min: number, max: number, scale: number) =>
  decimal(min, max, scale).filter((d) => !d.isZero());

const schedule = fc.record({
  intervalMs: fc.constantFrom(HOUR, 4 * HOUR, 8 * HOUR),
  ratePeriodMs: fc.constantFrom(HOUR, 8 * HOUR),
  anchorMs: fc.constantFrom(0, HOUR, 5 * 60_000, -30 * 60_000),
  cap: decimal(1, 4000, 5), // (0, 0.04]
  floorShare: fc.integer({ min: 0, max: 100 }), // floor = −cap · share / 100
});

const market = fc
  .record({
    kind: fc.constantFrom('linear' as const, 'inverse' as const),
    contractSize: nonZero(1, 1000, 1),
    s: schedule,
  })
  .map(({ kind, contractSize, s }) => {
    const fundingSchedule: FundingScheduleInput = {
      intervalMs: s.intervalMs,
      ratePeriodMs: s.ratePeriodMs,
      anchorMs: s.anchorMs,
      paymentPrice: 'oracle',
      rate: {
        type: 'premium-interest',
        interestRate: '0.0001',
        cap: s.cap,
        floor: s.cap.times(s.floorShare).div(100).negated(),
      },
    };
    return createMarket({
      id: 'M',
      kind,
      baseAsset: 'B',
      quoteAsset: 'Q',
      contractSize,
      marginSchedule: flat,
      fundingSchedule,
    });
  });

const size = nonZero(-100_000, 100_000, 3);
const price = nonZero(1, 10_000_000, 2);
const rate = decimal(-50_000, 50_000, 7); // [−0.005, 0.005]
/** A horizon (from, to] with from in the first two days and a length of up to three days. */
const horizon = fc
  .record({ from: fc.integer({ min: 0, max: 48 * HOUR }), length: fc.integer({ min: 0, max: 72 * HOUR }) })
  .map(({ from, length }) => ({ from, to: from + length }));
/** A rate path whose first point is at or before `start` (so every settlement has a rate). */
const pathFrom = (start: number) =>
  fc
    .array(fc.record({ gap: fc.integer({ min: 1, max: 12 * HOUR }), rate }), { minLength: 1, maxLength: 5 })
    .map((steps) => {
      let time = start - 1000;
      return steps.map(({ gap, rate: r }, i) => {
        if (i > 0) time += gap;
        return { time, rate: r };
      });
    });
const scenarioFrom = (start: number): fc.Arbitrary<FundingScenario> =>
  fc.oneof(
    rate.map((r) => ({ kind: 'constant', rate: r }) as const),
    fc.constant({ kind: 'worst-case' } as const),
    pathFrom(start).map((points) => ({ kind: 'path', points }) as const),
  );

const total = (
  m: Market,
  s: Decimal,
  p: Decimal,
  from: number,
  to: number,
  scenario: FundingScenario,
  accrual: 'discrete' | 'continuous' = 'discrete',
) => projectFunding(m, s, { price: p, fromMs: from, toMs: to, scenario, accrual }).total;

/** |a − b| within 1e-30 of the larger magnitude (Decimal precision is 40 significant digits). */
function expectClose(a: Decimal, b: Decimal) {
  const scale = Decimal.max(a.abs(), b.abs(), 1);
  expect(a.minus(b).abs().lessThanOrEqualTo(scale.times('1e-30')), `${a.toString()} vs ${b.toString()}`).toBe(
    true,
  );
}

// ---- properties -------------------------------------------------------------------------------------------

describe('funding properties', () => {
  it('a long and an equal short pay each other exactly: payments sum to zero before rounding', () => {
    fc.assert(
      fc.property(market, size, price, rate, (m, s, p, r) => {
        expect(
          fundingPayment(m, s, p, r)
            .plus(fundingPayment(m, s.negated(), p, r))
            .isZero(),
        ).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        market,
        size,
        price,
        horizon.chain((h) => fc.record({ h: fc.constant(h), scenario: pathFrom(h.from) })),
        fc.constantFrom('discrete' as const, 'continuous' as const),
        (m, s, p, { h, scenario }, accrual) => {
          // the same rate path for both sides (worst case differs by side by design)
          const sc = { kind: 'path', points: scenario } as const;
          expect(
            total(m, s, p, h.from, h.to, sc, accrual)
              .plus(total(m, s.negated(), p, h.from, h.to, sc, accrual))
              .isZero(),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('discrete accrual is additive over a split at a settlement time (and at any time)', () => {
    fc.assert(
      fc.property(
        market,
        size,
        price,
        fc.integer({ min: -3, max: 30 }),
        fc.integer({ min: 0, max: 30 * HOUR }),
        fc.integer({ min: 0, max: 30 * HOUR }),
        fc.integer({ min: 0, max: 30 * HOUR }),
        (m, s, p, k, before, after, anywhere) => {
          const sched = m.fundingSchedule;
          if (!sched) throw new Error('no schedule');
          const b = sched.anchorMs + k * sched.intervalMs; // on the settlement grid
          const a = b - before;
          const c = b + after;
          fc.pre(fundingTimes(sched, a, c).includes(b) || before === 0);
          const scenarios: FundingScenario[] = [
            { kind: 'worst-case' },
            { kind: 'constant', rate: '0.00037' },
            {
              kind: 'path',
              points: [
                { time: a - 2 * HOUR - 1, rate: '0.0002' },
                { time: b - 1, rate: '-0.0001' },
                { time: c + 1, rate: '0.0003' },
              ],
            },
          ];
          // Linear payments are exact decimals, so the sums agree exactly; an inverse payment s·c/p·r·f is a
          // 40-digit quotient, and regrouping the same payments agrees to the precision.
          const same = (whole: Decimal, parts: Decimal) =>
            m.kind === 'linear' ? expect(whole.equals(parts)).toBe(true) : expectClose(whole, parts);
          for (const sc of scenarios) {
            same(total(m, s, p, a, c, sc), total(m, s, p, a, b, sc).plus(total(m, s, p, b, c, sc)));
            // any split point: the settlement times of (a, c] are those of (a, x] and (x, c]
            const x = a + (anywhere % (c - a + 1));
            same(total(m, s, p, a, c, sc), total(m, s, p, a, x, sc).plus(total(m, s, p, x, c, sc)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('continuous accrual is additive over a split at any time', () => {
    fc.assert(
      fc.property(
        market,
        size,
        price,
        horizon.chain((h) =>
          fc.record({
            h: fc.constant(h),
            split: fc.integer({ min: h.from, max: h.to }),
            scenario: scenarioFrom(h.from),
          }),
        ),
        (m, s, p, { h, split, scenario }) => {
          const whole = total(m, s, p, h.from, h.to, scenario, 'continuous');
          const parts = total(m, s, p, h.from, split, scenario, 'continuous').plus(
            total(m, s, p, split, h.to, scenario, 'continuous'),
          );
          // Each segment's share of the rate period, (end − start) / ratePeriod, is a 40-digit quotient
          // (8 h = 28 800 000 ms has a factor 3), so sums agree to the precision, not always to the last digit.
          expectClose(whole, parts);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the worst case never costs less than a constant rate inside [floor, cap], for either side', () => {
    fc.assert(
      fc.property(
        market,
        size,
        price,
        horizon,
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('discrete' as const, 'continuous' as const),
        (m, s, p, h, share, accrual) => {
          const model = m.fundingSchedule?.rate;
          if (model?.type !== 'premium-interest') throw new Error('unexpected model');
          // a constant rate between floor and cap
          const r = model.floor.plus(model.cap.minus(model.floor).times(share).div(1000));
          const worst = total(m, s, p, h.from, h.to, { kind: 'worst-case' }, accrual);
          const constant = total(m, s, p, h.from, h.to, { kind: 'constant', rate: r }, accrual);
          expect(worst.greaterThanOrEqualTo(constant), `${worst} < ${constant}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('doubling the size doubles the payment', () => {
    fc.assert(
      fc.property(market, size, price, rate, (m, s, p, r) => {
        const once = fundingPayment(m, s, p, r);
        const twice = fundingPayment(m, s.times(2), p, r);
        // linear: exact; inverse: s·c/p is a 40-digit quotient, so doubling agrees to the precision
        if (m.kind === 'linear') expect(twice.equals(once.times(2))).toBe(true);
        else expectClose(twice, once.times(2));
      }),
    );
    fc.assert(
      fc.property(
        market.filter((m) => m.kind === 'linear'),
        size,
        price,
        horizon.chain((h) => fc.record({ h: fc.constant(h), scenario: scenarioFrom(h.from) })),
        fc.constantFrom('discrete' as const, 'continuous' as const),
        (m, s, p, { h, scenario }, accrual) => {
          const once = total(m, s, p, h.from, h.to, scenario, accrual);
          const twice = total(m, s.times(2), p, h.from, h.to, scenario, accrual);
          expectClose(twice, once.times(2));
          if (accrual === 'discrete') expect(twice.equals(once.times(2))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---- timeToLiquidation against withProjectedFunding --------------------------------------------------------

const hourlyEth: FundingScheduleInput = {
  intervalMs: HOUR,
  ratePeriodMs: 8 * HOUR,
  paymentPrice: 'oracle',
  rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' },
};
const ethMarket = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDC',
  marginSchedule: flat,
} as const;
const btcMarket = {
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDC',
  marginSchedule: flat,
} as const;

const liquidationCase = fc
  .record({
    btcAnchor: fc.constantFrom(0, HOUR, 4 * HOUR),
    ethSize: nonZero(-50, 50, 1),
    btcSize: nonZero(-20, 20, 2),
    btcIsolated: fc.boolean(),
    ethPrice: fc.integer({ min: 1000, max: 5000 }),
    btcPrice: fc.integer({ min: 20_000, max: 80_000 }),
    markOffset: fc.integer({ min: -20, max: 20 }),
    // surplus above maintenance, as a share of notional: up to 5 % (hours to weeks of funding)
    crossSurplus: fc.integer({ min: 0, max: 500 }),
    isolatedSurplus: fc.integer({ min: 0, max: 500 }),
    fromMs: fc.integer({ min: 0, max: 10 * HOUR }),
    ethRate: nonZero(-2000, 2000, 6),
    btcRate: nonZero(-2000, 2000, 6),
    ethKind: fc.constantFrom('constant', 'worst-case', 'path'),
    btcKind: fc.constantFrom('constant', 'worst-case'),
    pathStep: fc.integer({ min: 1, max: 30 * HOUR }),
    pathRate: nonZero(-3000, 3000, 6),
  })
  .map((c) => {
    const markets = [
      { ...ethMarket, fundingSchedule: hourlyEth },
      {
        ...btcMarket,
        fundingSchedule: {
          intervalMs: 8 * HOUR,
          anchorMs: c.btcAnchor,
          paymentPrice: 'oracle',
          rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.0075' },
        } satisfies FundingScheduleInput,
      },
    ];
    const prices = createPrices({
      markets: {
        ETH: { oracle: c.ethPrice, mark: c.ethPrice + c.markOffset },
        BTC: { oracle: c.btcPrice, mark: c.btcPrice + 10 * c.markOffset },
      },
    });
    const ethNotional = c.ethSize.abs().times(c.ethPrice + c.markOffset);
    const btcNotional = c.btcSize.abs().times(c.btcPrice + 10 * c.markOffset);
    const crossNotional = c.btcIsolated ? ethNotional : ethNotional.plus(btcNotional);
    const positions: PositionInput[] = [
      { marketId: 'ETH', size: c.ethSize, entryPrice: c.ethPrice + c.markOffset, marginMode: 'cross' },
      c.btcIsolated
        ? {
            marketId: 'BTC',
            size: c.btcSize,
            entryPrice: c.btcPrice + 10 * c.markOffset,
            marginMode: 'isolated',
            // MMR 5 % plus the surplus share
            isolatedMargin: btcNotional.times(500 + c.isolatedSurplus).div(10_000),
          }
        : {
            marketId: 'BTC',
            size: c.btcSize,
            entryPrice: c.btcPrice + 10 * c.markOffset,
            marginMode: 'cross',
          },
    ];
    const account = createMarginAccount({
      settleAsset: 'USDC',
      markets,
      collateral: [{ asset: 'USDC', amount: crossNotional.times(500 + c.crossSurplus).div(10_000) }],
      positions,
    });
    const ethScenario: FundingScenario =
      c.ethKind === 'constant'
        ? { kind: 'constant', rate: c.ethRate }
        : c.ethKind === 'worst-case'
          ? { kind: 'worst-case' }
          : {
              kind: 'path',
              points: [
                { time: c.fromMs, rate: c.ethRate },
                { time: c.fromMs + c.pathStep, rate: c.pathRate },
              ],
            };
    const btcScenario: FundingScenario =
      c.btcKind === 'constant' ? { kind: 'constant', rate: c.btcRate } : { kind: 'worst-case' };
    const scenario: FundingScenarios = { ETH: ethScenario, BTC: btcScenario };
    return { account, prices, scenario, fromMs: c.fromMs };
  });

function poolState(account: MarginAccount, prices: Prices, pool: string) {
  const s = summarizeAccount(account, prices);
  const p = pool === 'cross' ? s.cross : s.isolated.find((i) => i.positionId === pool);
  if (!p) throw new Error(`no pool ${pool}`);
  return { equity: p.equity, below: p.equity.lessThan(p.maintenanceRequirement) };
}

/** The last settlement time of the pool's markets before `time`, or `fromMs` when there is none. */
function previousSettlement(account: MarginAccount, pool: string, fromMs: number, time: number): number {
  let previous = fromMs;
  for (const position of account.positions) {
    if (pool === 'cross' ? position.marginMode !== 'cross' : position.id !== pool) continue;
    const sched = account.markets[position.marketId]?.fundingSchedule;
    if (!sched) continue;
    const times = fundingTimes(sched, Math.max(fromMs, time - sched.intervalMs - 1), time - 1);
    const last = times[times.length - 1];
    if (last !== undefined && last > previous) previous = last;
  }
  return previous;
}

describe('timeToLiquidation agrees with withProjectedFunding', () => {
  it('projected to the answer the pool is below maintenance; projected to the settlement before, it is not', () => {
    let checked = 0;
    fc.assert(
      fc.property(liquidationCase, ({ account, prices, scenario, fromMs }) => {
        const result = timeToLiquidation(account, prices, { fromMs, scenario });
        for (const pool of result.pools) {
          if (pool.kind === 'now') {
            expect(poolState(account, prices, pool.pool).below).toBe(true);
            continue;
          }
          if (pool.kind === 'never') {
            // no crossing over a long horizon either (30 days)
            const later = withProjectedFunding(account, prices, {
              fromMs,
              toMs: fromMs + 720 * HOUR,
              scenario,
            });
            expect(poolState(later, prices, pool.pool).below).toBe(false);
            continue;
          }
          expect(poolState(account, prices, pool.pool).below).toBe(false);
          // keep the stepped projection cheap
          if (pool.elapsedMs > 2000 * HOUR) continue;
          checked++;
          const atTime = withProjectedFunding(account, prices, { fromMs, toMs: pool.time, scenario });
          const state = poolState(atTime, prices, pool.pool);
          expect(state.below).toBe(true);
          expect(state.equity.equals(pool.equity)).toBe(true);
          const before = previousSettlement(account, pool.pool, fromMs, pool.time);
          const justBefore = withProjectedFunding(account, prices, { fromMs, toMs: before, scenario });
          expect(poolState(justBefore, prices, pool.pool).below).toBe(false);
        }
        // the headline is the earliest pool
        const order = (p: (typeof result.pools)[number]) =>
          p.kind === 'now' ? Number.NEGATIVE_INFINITY : p.kind === 'at' ? p.time : Number.POSITIVE_INFINITY;
        expect(order(result)).toBe(Math.min(...result.pools.map(order)));
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
