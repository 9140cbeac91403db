import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkMarket, checkOptions, checkPosition } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';

/**
 * Costs that a position must earn back, all optional.
 * @category Funding
 */
export interface BreakEvenCosts {
  /** Funding paid (positive) or received over the holding period, settlement asset (e.g. a projection's total). */
  readonly funding?: DecimalInput;
  /** Fees already paid to open, settlement asset. */
  readonly entryFee?: DecimalInput;
  /** Fee rate charged on the exit notional (e.g. a taker fee of 0.0005). */
  readonly exitFeeRate?: DecimalInput;
}

/**
 * The exit price at which a position's PnL exactly pays for its funding and fees; `never` when no positive price
 * does (a short whose costs exceed its entry value); `always` when every price does (funding received has already
 * paid for more than the position can lose).
 * @category Funding
 */
export type BreakEvenPrice =
  | { readonly kind: 'price'; readonly price: Decimal }
  | { readonly kind: 'never' }
  | { readonly kind: 'always' };

/**
 * The exit price at which `uPnL(p) − exitFee(p) − entryFee − funding = 0`, with `exitFee = notional(p) · f`:
 *
 * linear  `p = (s·c·e + entryFee + funding) / (c · (s − |s|·f))`
 * inverse `p = c · (s + |s|·f) / (s·c/e − entryFee − funding)`
 *
 * @param market - the market.
 * @param position - the position (size ≠ 0).
 * @param costs - funding and fees to recover.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a flat position or an exit fee rate outside [0, 1).
 * @example
 * ```ts
 * import { breakEvenPrice, createMarket, createPosition } from 'marginkit';
 * const m = createMarket({ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *   marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' } });
 * const long = createPosition({ marketId: 'ETH', size: 2, entryPrice: 3000, marginMode: 'cross' });
 * const be = breakEvenPrice(m, long, { funding: 12, entryFee: 3 });
 * if (be.kind === 'price') be.price.toString(); // => '3007.5'  ((2·3000 + 3 + 12) / 2)
 * ```
 * @category Funding
 */
export function breakEvenPrice(
  market: Market,
  position: Position,
  costs: BreakEvenCosts = {},
): BreakEvenPrice {
  checkMarket(market);
  checkPosition(position);
  checkOptions(costs, 'costs');
  const s = position.size;
  if (s.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a flat position has no break-even price', [
      'position',
      'size',
    ]);
  }
  const funding = costs.funding === undefined ? new D(0) : decimalArg(costs.funding, 'funding');
  const entryFee = costs.entryFee === undefined ? new D(0) : decimalArg(costs.entryFee, 'entryFee');
  const f = costs.exitFeeRate === undefined ? new D(0) : decimalArg(costs.exitFeeRate, 'exitFeeRate');
  if (f.isNegative() || f.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'exitFeeRate must be in [0, 1)', ['exitFeeRate']);
  }
  const c = market.contractSize;
  const e = position.entryPrice;
  const costsTotal = entryFee.plus(funding);
  // p = numerator / denominator; the denominator's sign is the position's side (linear) or fixed (inverse).
  const [numerator, denominator] =
    market.kind === 'linear'
      ? [s.times(c).times(e).plus(costsTotal), c.times(s.minus(s.abs().times(f)))]
      : [c.times(s.plus(s.abs().times(f))), s.times(c).div(e).minus(costsTotal)];
  if (!denominator.isZero()) {
    const price = numerator.div(denominator);
    if (price.isPositive() && !price.isZero()) return { kind: 'price', price };
  }
  // No positive root: PnL net of costs is then of one sign at every price. Test it at the entry price.
  const atEntry =
    market.kind === 'linear'
      ? s.abs().times(c).times(e).times(f).plus(costsTotal).negated()
      : s.abs().times(c).div(e).times(f).plus(costsTotal).negated();
  return atEntry.isNegative() ? { kind: 'never' } : { kind: 'always' };
}
