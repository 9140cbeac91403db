import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkFundingSchedule, checkMarket } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { positiveZero } from '../internal/positiveZero.js';
import { signedValue } from '../margin/signedValue.js';
import type { Market } from '../market/Market.js';
import type { FundingSchedule } from './FundingSchedule.js';

/**
 * The funding a position pays for one payment interval, in the settlement asset (positive: the position pays;
 * negative: it receives):
 *
 * `payment = size · contractSize · price · rate · intervalMs / ratePeriodMs` (linear)
 * `payment = size · contractSize / price · rate · intervalMs / ratePeriodMs` (inverse, Binance COIN-M FAQ)
 *
 * A positive rate makes longs pay and shorts receive. `price` is the schedule's payment price (Hyperliquid:
 * oracle; Binance: mark). An 8-hour rate paid hourly is paid at one eighth per hour.
 *
 * @param market - the market.
 * @param size - signed size in contracts.
 * @param price - the payment price.
 * @param rate - the funding rate per rate period.
 * @param schedule - interval and rate period (default: the market's own schedule).
 * @example
 * ```ts
 * import { createMarket, fundingPayment } from 'marginkit';
 * const hype = createMarket({ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *   marginSchedule: { type: 'flat', initialFraction: '0.025', maintenanceFraction: '0.0125' },
 *   fundingSchedule: { intervalMs: 3_600_000, ratePeriodMs: 28_800_000, paymentPrice: 'oracle',
 *     rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.32' } } });
 * // 10 BTC at oracle 10,000 and an 8-hour rate of 0.01 %: 10 · 10 000 · 0.0001 / 8
 * fundingPayment(hype, 10, 10_000, '0.0001').toString(); // => '1.25'
 * ```
 * @category Funding
 */
export function fundingPayment(
  market: Market,
  size: DecimalInput,
  price: DecimalInput,
  rate: DecimalInput,
  schedule?: FundingSchedule,
): Decimal {
  checkMarket(market);
  if (schedule !== undefined) checkFundingSchedule(schedule);
  const s = requireSchedule(market, schedule ?? market.fundingSchedule);
  return fundingAccrued(
    market,
    decimalArg(size, 'size'),
    positiveArg(price, 'price'),
    decimalArg(rate, 'rate'),
    s.intervalMs,
    s,
  );
}

/** The schedule to use, or a typed error naming the market that has none. */
export function requireSchedule(market: Market, schedule: FundingSchedule | undefined): FundingSchedule {
  // A dated future is never funded, whatever schedule a caller passes for it.
  if (!schedule || market.expiry !== undefined) {
    throw new InvalidArgumentError(
      'NO_FUNDING_SCHEDULE',
      market.expiry === undefined
        ? `market '${market.id}' has no funding schedule`
        : `market '${market.id}' is a dated future: it is not funded`,
      ['markets', market.id, 'fundingSchedule'],
    );
  }
  return schedule;
}

/** `signedValue · rate · durationMs / ratePeriodMs`: what `size` contracts pay over `durationMs` at a rate per period. */
export function fundingAccrued(
  market: Market,
  size: Decimal,
  price: Decimal,
  rate: Decimal,
  durationMs: number,
  schedule: FundingSchedule,
): Decimal {
  return positiveZero(
    signedValue(market, size, price).times(rate).times(durationMs).div(schedule.ratePeriodMs),
  );
}
