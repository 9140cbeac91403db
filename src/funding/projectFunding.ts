import { checkMarket, checkObject } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { YEAR_MS } from '../internal/time.js';
import { signedValue } from '../margin/signedValue.js';
import type { Market } from '../market/Market.js';
import type { FundingAccrual, FundingScenario } from './FundingScenario.js';
import type { FundingPrice, FundingSchedule } from './FundingSchedule.js';
import { requireSchedule } from './fundingPayment.js';
import { checkRange, fundingTimes } from './fundingTimes.js';
import { rateAt, resolveRates } from './scenarioRates.js';

/**
 * Options of {@link projectFunding}.
 * @category Funding
 */
export interface FundingProjectionOptions {
  /** The payment price, held constant over the horizon. */
  readonly price: DecimalInput;
  /** Start of the horizon, exclusive (ms since the epoch). */
  readonly fromMs: number;
  /** End of the horizon, inclusive. */
  readonly toMs: number;
  /** The rates assumed. */
  readonly scenario: FundingScenario;
  /** The schedule (default: the market's). */
  readonly schedule?: FundingSchedule;
  /** Discrete (default) or continuous accrual. */
  readonly accrual?: FundingAccrual;
}

/**
 * One payment (discrete) or accrual segment (continuous) of a projection.
 * @category Funding
 */
export interface FundingInterval {
  /** When it is paid (the settlement time, or the end of a continuous segment), ms since the epoch. */
  readonly time: number;
  /** Rate per rate period applied. */
  readonly rate: Decimal;
  /** Share of the rate period paid: `intervalMs / ratePeriodMs`, or the segment's duration over it. */
  readonly periodFraction: Decimal;
  /** Amount paid (positive) or received (negative), settlement asset. */
  readonly payment: Decimal;
  /** Running total including this payment. */
  readonly cumulative: Decimal;
}

/**
 * A funding projection for one position.
 * @category Funding
 */
export interface FundingProjection {
  /** Each payment in time order. */
  readonly intervals: readonly FundingInterval[];
  /** Sum of the payments (positive: the position pays). */
  readonly total: Decimal;
  /** Notional at the payment price. */
  readonly notional: Decimal;
  /** Which price the schedule pays on (the caller supplied its value). */
  readonly paymentPrice: FundingPrice;
  /** `total / notional · (1 year / horizon)`: the cost as an annual fraction of notional (absent for an empty horizon or a flat position). */
  readonly annualizedCarry?: Decimal;
}

/**
 * Projects the funding a position pays over `(fromMs, toMs]` at a constant payment price, under a rate scenario:
 * each payment is `size · contractSize · price · rate · fraction` (inverse: `/ price`), where the fraction is
 * `intervalMs / ratePeriodMs` (discrete) or the time held over the rate period (continuous). Discrete payments
 * use the rate in force during the interval that ends at the settlement time.
 *
 * Accrual is additive: the projection over `(a, c]` equals those over `(a, b]` and `(b, c]` together (exactly for
 * discrete linear payments; to 40 significant digits where a division by the price or the rate period repeats).
 * With a rate path, a discrete payment uses the last rate set strictly before its settlement time, so a change
 * exactly at a settlement time applies from the next payment; `worst-case` on a path takes its extreme over the
 * whole path.
 *
 * @param market - the market (its funding schedule unless one is given).
 * @param size - signed size in contracts.
 * @param options - price, horizon, scenario, schedule and accrual mode.
 * @throws {@link InvalidArgumentError} `NO_FUNDING_SCHEDULE`, `END_BEFORE_START`, `NO_RATE`, `INVALID_ARGUMENT`.
 * @example
 * ```ts
 * import { createMarket, projectFunding } from 'marginkit';
 * const btc = createMarket({ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *   marginSchedule: { type: 'flat', initialFraction: '0.025', maintenanceFraction: '0.0125' },
 *   fundingSchedule: { intervalMs: 3_600_000, ratePeriodMs: 28_800_000, paymentPrice: 'oracle',
 *     rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.32' } } });
 * // A 1 BTC long at 60,000 for 24 hours at the worst case (4 %/h): 24 · 60 000 · 0.32 / 8
 * projectFunding(btc, 1, { price: 60_000, fromMs: 0, toMs: 86_400_000, scenario: { kind: 'worst-case' } }).total.toString(); // => '57600'
 * ```
 * @category Funding
 */
export function projectFunding(
  market: Market,
  size: DecimalInput,
  options: FundingProjectionOptions,
): FundingProjection {
  checkMarket(market);
  checkObject(options, 'options');
  checkObject(options.scenario, 'options.scenario');
  const schedule = requireSchedule(market, options.schedule ?? market.fundingSchedule);
  const s = decimalArg(size, 'size');
  const price = positiveArg(options.price, 'price');
  const { fromMs, toMs } = options;
  checkRange(fromMs, toMs);
  const rates = resolveRates(options.scenario, schedule, s);
  const value = signedValue(market, s, price);
  const intervals: FundingInterval[] = [];
  let cumulative = new D(0);
  const push = (time: number, rate: Decimal, periodFraction: Decimal) => {
    const payment = value.times(rate).times(periodFraction);
    cumulative = cumulative.plus(payment);
    intervals.push({ time, rate, periodFraction, payment, cumulative });
  };

  if ((options.accrual ?? 'discrete') === 'discrete') {
    const fraction = new D(schedule.intervalMs).div(schedule.ratePeriodMs);
    for (const t of fundingTimes(schedule, fromMs, toMs)) push(t, rateAt(rates, t, true), fraction);
  } else {
    // Segment ends: settlement times, rate changes, and the end of the horizon.
    const cuts = new Set<number>(fundingTimes(schedule, fromMs, toMs));
    for (const p of rates.points) if (p.time > fromMs && p.time < toMs) cuts.add(p.time);
    cuts.add(toMs);
    let start = fromMs;
    for (const end of [...cuts].sort((a, b) => a - b)) {
      if (end === start) continue;
      push(end, rateAt(rates, start, false), new D(end - start).div(schedule.ratePeriodMs));
      start = end;
    }
  }
  const notional = value.abs();
  const projection: FundingProjection = {
    intervals,
    total: cumulative,
    notional,
    paymentPrice: schedule.paymentPrice,
  };
  if (toMs === fromMs || notional.isZero()) return projection;
  return {
    ...projection,
    annualizedCarry: cumulative
      .div(notional)
      .times(YEAR_MS)
      .div(toMs - fromMs),
  };
}
