import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkObject, checkPrices } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { signedValue } from '../margin/signedValue.js';
import { marketOf, type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import type { FundingSchedule } from './FundingSchedule.js';
import { fundingTimes } from './fundingTimes.js';
import { paymentPriceOf } from './paymentPriceOf.js';
import { type ResolvedRates, rateAt, resolveRates } from './scenarioRates.js';
import { type FundingScenarios, scenarioFor } from './withProjectedFunding.js';

/**
 * When funding alone, at constant prices, brings a pool below maintenance.
 *
 * - `at`: at settlement time `time` (ms since the epoch) the pool's equity (`equity`) falls below its maintenance
 *   requirement; `elapsedMs` after the start.
 * - `now`: the pool is already below maintenance.
 * - `never`: funding never brings it there (it receives, or pays nothing).
 * @category Funding
 */
export type PoolTimeToLiquidation = { readonly pool: string } & (
  | {
      readonly kind: 'at';
      readonly time: number;
      readonly elapsedMs: number;
      readonly equity: Decimal;
      readonly maintenanceRequirement: Decimal;
    }
  | { readonly kind: 'now'; readonly equity: Decimal; readonly maintenanceRequirement: Decimal }
  | { readonly kind: 'never' }
);

/**
 * Result of {@link timeToLiquidation}: the earliest pool to go (or `never`), and every pool's own answer.
 * Pools are named `'cross'` or by the isolated position's id.
 * @category Funding
 */
export type TimeToLiquidation = PoolTimeToLiquidation & { readonly pools: readonly PoolTimeToLiquidation[] };

/**
 * Options of {@link timeToLiquidation}.
 * @category Funding
 */
export interface TimeToLiquidationOptions extends SummaryOptions {
  /** Start, exclusive (ms since the epoch). */
  readonly fromMs: number;
  /** One scenario for all markets, or one per market id (markets left out pay nothing). */
  readonly scenario: FundingScenarios;
}

interface Leg {
  readonly schedule: FundingSchedule;
  readonly value: Decimal;
  readonly fraction: Decimal;
  readonly rates: ResolvedRates;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function payment(leg: Leg, time: number): Decimal {
  return leg.value.times(rateAt(leg.rates, time, true)).times(leg.fraction);
}

/** First settlement time at which `surplus − payments < 0`, or undefined. */
function firstCrossing(
  surplus0: Decimal,
  legs: readonly Leg[],
  fromMs: number,
): { time: number; surplus: Decimal } | undefined {
  let surplus = surplus0;
  // Phase 1: while a rate path is still changing, walk every settlement time.
  const pathEnd = Math.max(fromMs, ...legs.flatMap((l) => l.rates.points.map((p) => p.time)));
  if (pathEnd > fromMs) {
    const times = [...new Set(legs.flatMap((l) => fundingTimes(l.schedule, fromMs, pathEnd)))].sort(
      (a, b) => a - b,
    );
    for (const t of times) {
      for (const leg of legs) {
        // A leg pays at t when t is one of its settlement times (anchor + k · interval).
        if ((t - leg.schedule.anchorMs) % leg.schedule.intervalMs === 0)
          surplus = surplus.minus(payment(leg, t));
      }
      if (surplus.isNegative() && !surplus.isZero()) return { time: t, surplus };
    }
  }
  // Phase 2: rates are constant from here; the drain repeats every L = lcm(intervals).
  const start = pathEnd;
  const drains = legs.map((leg) => payment(leg, start + leg.schedule.intervalMs));
  if (drains.every((d) => !d.isPositive() || d.isZero())) return undefined;
  const period = legs.reduce((l, leg) => (l / gcd(l, leg.schedule.intervalMs)) * leg.schedule.intervalMs, 1);
  const eventsPerPeriod = legs.reduce((n, leg) => n + period / leg.schedule.intervalMs, 0);
  if (!Number.isSafeInteger(period) || eventsPerPeriod > 1_000_000) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'funding intervals are too incommensurate to project',
      ['scenario'],
    );
  }
  const events = new Map<number, Decimal>();
  legs.forEach((leg, i) => {
    const drain = drains[i];
    if (!drain) return;
    for (const t of fundingTimes(leg.schedule, start, start + period))
      events.set(t, (events.get(t) ?? new D(0)).plus(drain));
  });
  let partial = new D(0);
  const phases = [...events.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, d]) => {
      partial = partial.plus(d);
      return { t, partial };
    });
  const perPeriod = partial;
  let best: { time: number; surplus: Decimal } | undefined;
  for (const { t, partial: p } of phases) {
    const left = surplus.minus(p);
    let k: D | undefined;
    if (left.isNegative() && !left.isZero()) k = new D(0);
    else if (perPeriod.isPositive() && !perPeriod.isZero()) k = left.div(perPeriod).floor().plus(1);
    if (k === undefined) continue;
    const time = k.times(period).plus(t);
    if (!time.lessThanOrEqualTo(Number.MAX_SAFE_INTEGER)) continue;
    if (!best || time.toNumber() < best.time)
      best = { time: time.toNumber(), surplus: left.minus(k.times(perPeriod)) };
  }
  return best;
}

/**
 * Time to liquidation at constant prices under funding drain: the first settlement time at which a pool's equity,
 * reduced by the funding it pays, falls below its maintenance requirement (`equity < MMR`). Exact: with constant
 * rates the drain repeats every `lcm(intervals)`, so the crossing is solved rather than stepped; a rate path is
 * walked until its last point, after which its last rate holds.
 *
 * @param account - the account (positions with funding schedules pay; others do not).
 * @param prices - prices, held constant.
 * @param options - start time, scenario(s), `priceSource` for the margin check.
 * @throws {@link InvalidArgumentError}, {@link MissingPriceError} for missing prices.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, timeToLiquidation } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
 *     fundingSchedule: { intervalMs: 3_600_000, ratePeriodMs: 28_800_000, paymentPrice: 'oracle',
 *       rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' } } }],
 *   collateral: [{ asset: 'USDC', amount: 400 }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { ETH: { oracle: 3000, mark: 3000 } } });
 * // surplus 400 − 150 = 250; worst case pays 3000 · 0.04 / 8 = 15 an hour: below maintenance after the 17th hour
 * const t = timeToLiquidation(account, prices, { fromMs: 0, scenario: { kind: 'worst-case' } });
 * if (t.kind === 'at') t.time; // => 61200000
 * ```
 * @category Funding
 */
export function timeToLiquidation(
  account: MarginAccount,
  prices: Prices,
  options: TimeToLiquidationOptions,
): TimeToLiquidation {
  checkAccount(account);
  checkPrices(prices);
  checkObject(options, 'options');
  checkObject(options.scenario, 'options.scenario');
  if (!Number.isSafeInteger(options.fromMs)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'fromMs must be a whole number of milliseconds', [
      'fromMs',
    ]);
  }
  const summary = summarizeAccount(account, prices, options);
  const pools: { name: string; equity: Decimal; mmr: Decimal; positionIds: (id: string) => boolean }[] = [
    {
      name: 'cross',
      equity: summary.cross.equity,
      mmr: summary.cross.maintenanceRequirement,
      positionIds: (id) => account.positions.some((p) => p.id === id && p.marginMode === 'cross'),
    },
    ...summary.isolated.map((pool) => ({
      name: pool.positionId,
      equity: pool.equity,
      mmr: pool.maintenanceRequirement,
      positionIds: (id: string) => id === pool.positionId,
    })),
  ];
  const results: PoolTimeToLiquidation[] = pools.map((pool) => {
    // A pool without an open position is never liquidatable, whatever its equity.
    const exposed = account.positions.some((p) => pool.positionIds(p.id) && !p.size.isZero());
    if (!exposed) return { pool: pool.name, kind: 'never' };
    if (pool.equity.lessThan(pool.mmr)) {
      return { pool: pool.name, kind: 'now', equity: pool.equity, maintenanceRequirement: pool.mmr };
    }
    const legs: Leg[] = [];
    for (const position of account.positions) {
      if (!pool.positionIds(position.id) || position.size.isZero()) continue;
      const market = marketOf(account, position.marketId);
      const schedule = market.fundingSchedule;
      const scenario = scenarioFor(options.scenario, market.id);
      if (!schedule || !scenario) continue;
      legs.push({
        schedule,
        value: signedValue(market, position.size, paymentPriceOf(prices, market.id, schedule)),
        fraction: new D(schedule.intervalMs).div(schedule.ratePeriodMs),
        rates: resolveRates(scenario, schedule, position.size),
      });
    }
    const crossing =
      legs.length === 0 ? undefined : firstCrossing(pool.equity.minus(pool.mmr), legs, options.fromMs);
    if (!crossing) return { pool: pool.name, kind: 'never' };
    return {
      pool: pool.name,
      kind: 'at',
      time: crossing.time,
      elapsedMs: crossing.time - options.fromMs,
      equity: crossing.surplus.plus(pool.mmr),
      maintenanceRequirement: pool.mmr,
    };
  });
  const order = (r: PoolTimeToLiquidation) =>
    r.kind === 'now' ? -Infinity : r.kind === 'at' ? r.time : Infinity;
  const earliest = results.reduce((a, b) => (order(b) < order(a) ? b : a));
  return { ...earliest, pools: results };
}
