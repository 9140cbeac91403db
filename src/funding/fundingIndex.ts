import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkFundingSchedule, checkMarket, checkPosition } from '../internal/argumentShape.js';
import { Decimal as D, type Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { deepFreeze } from '../internal/freeze.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import type { FundingSchedule } from './FundingSchedule.js';
import { fundingAccrued, requireSchedule } from './fundingPayment.js';

/**
 * How much a cumulative funding index (settlement asset per contract) rises over `durationMs` at `rate`:
 * `ΔI = contractSize · price · rate · durationMs / ratePeriodMs` (inverse: `/ price`). A rising index makes
 * longs pay. This is the exact form of dYdX v4's index tick (`x/perpetuals/funding`), without the chain's
 * quantum truncation.
 *
 * @param market - the market.
 * @param price - the payment price (dYdX: oracle).
 * @param rate - rate per rate period.
 * @param durationMs - time the rate applied.
 * @param schedule - rate period (default: the market's schedule).
 * @example
 * ```ts
 * import { createMarket, fundingIndexDelta } from 'marginkit';
 * const btc = createMarket({ id: 'BTC-USD', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USD',
 *   marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.03' },
 *   fundingSchedule: { intervalMs: 3_600_000, ratePeriodMs: 28_800_000, paymentPrice: 'oracle',
 *     rate: { type: 'clamped-premium', cap: '0.12' } } });
 * fundingIndexDelta(btc, 50_000, '0.001', 3_600_000).toString(); // => '6.25'  (dYdX: $6.25 per BTC per hour)
 * ```
 * @category Funding
 */
export function fundingIndexDelta(
  market: Market,
  price: DecimalInput,
  rate: DecimalInput,
  durationMs: number,
  schedule?: FundingSchedule,
): Decimal {
  checkMarket(market);
  if (schedule !== undefined) checkFundingSchedule(schedule);
  const s = requireSchedule(market, schedule ?? market.fundingSchedule);
  if (!Number.isSafeInteger(durationMs) || durationMs < 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'durationMs must be a whole number ≥ 0', [
      'durationMs',
    ]);
  }
  return fundingAccrued(
    market,
    new D(1),
    positiveArg(price, 'price'),
    decimalArg(rate, 'rate'),
    durationMs,
    s,
  );
}

/**
 * Settles a position against the market's current cumulative funding index: the position owes
 * `size · (index − position.fundingIndex)` (positive: it pays), which is added to its unsettled funding (and so
 * subtracted from equity), and its index moves to `index`.
 *
 * @param position - a position carrying `fundingIndex`.
 * @param index - the market's index now (settlement asset per contract).
 * @returns the amount owed for this step and the updated (new, frozen) position.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` when the position has no funding index.
 * @example
 * ```ts
 * import { createPosition, settleFundingIndex } from 'marginkit';
 * const long = createPosition({ marketId: 'ETH-USD', size: 10, entryPrice: 3000, marginMode: 'cross', fundingIndex: 10_050 });
 * settleFundingIndex(long, 12_050).payment.toString(); // => '20000'  (dYdX indexer: unsettled −20 000 received)
 * ```
 * @category Funding
 */
export function settleFundingIndex(
  position: Position,
  index: DecimalInput,
): { readonly payment: Decimal; readonly position: Position } {
  checkPosition(position);
  if (!position.fundingIndex) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `position '${position.id}' has no funding index to settle from`,
      ['position', 'fundingIndex'],
    );
  }
  const now = decimalArg(index, 'index');
  const payment = position.size.times(now.minus(position.fundingIndex));
  return {
    payment,
    position: deepFreeze({
      ...position,
      unsettledFunding: position.unsettledFunding.plus(payment),
      fundingIndex: now,
    }),
  };
}
