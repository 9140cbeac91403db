import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkObject, checkOptions, checkPrices } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { SummaryOptions } from '../margin/summarizeAccount.js';
import { marketOf, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { type OpenOrder, type ReadOrder, readOpenOrders } from './OpenOrder.js';
import { type OrderRequest, previewOrderCore, targetPosition } from './previewOrder.js';
import { reservedMargin } from './reservedMargin.js';

/**
 * An order shape whose largest size {@link maxOrderSize} finds (everything of {@link OrderRequest} but the size).
 * @category Execution
 */
export type MaxOrderRequest = Omit<OrderRequest, 'size'> & {
  /** Size increment to search in; default the market's step size (required when the market has none). */
  readonly step?: DecimalInput;
};

/**
 * Result of {@link maxOrderSize}.
 * @category Execution
 */
export interface MaxOrderSize {
  /** Largest size (a whole number of steps) that fills completely and passes the initial-margin check; 0 if none. */
  readonly size: Decimal;
  /** What bounds it: the margin check, the book's depth, or (reduce-only) the position's size. */
  readonly limitedBy: 'margin' | 'liquidity' | 'position';
}

/**
 * Options of {@link maxOrderSize}.
 * @category Execution
 */
export interface MaxOrderOptions extends SummaryOptions {
  /**
   * The account's resting limit orders: the cross pool must also hold their initial margin after the order
   * (`freeCollateral − reserved ≥ 0`, reserved as in {@link openOrderMargin}, on the account after the fill).
   */
  readonly openOrders?: readonly OpenOrder[];
}

/**
 * Buying power: the largest order of a side that fills completely and passes the initial-margin check of
 * {@link previewOrder}, counting tiers (a larger notional can enter a tier with a higher IMF), the fee, and the
 * book's slippage when a book is given. Sizes are whole multiples of the step; the result passes and one step
 * more does not. Reduce-only orders are bounded by the position's size.
 *
 * Search: every size up to closing an opposite position is a reduction; beyond it the check is monotone in
 * size, so the bound is found by doubling then bisection (O(log(size/step)) previews).
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param request - the order without its size.
 * @param options - `priceSource` of the check; `openOrders` whose margin stays reserved.
 * @throws {@link InvalidArgumentError} when neither the request nor the market gives a step, or for a bad open
 *   order (path `['options', 'openOrders', i, field]`).
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, maxOrderSize } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', stepSize: '0.001',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }] });
 * const prices = createPrices({ markets: { BTC: { mark: 50_000 } } });
 * // 1000 / (50 000 · 0.1) = 0.2 BTC
 * maxOrderSize(account, prices, { marketId: 'BTC', side: 'buy', price: 50_000 }).size.toString(); // => '0.2'
 * ```
 * @category Execution
 */
export function maxOrderSize(
  account: MarginAccount,
  prices: Prices,
  request: MaxOrderRequest,
  options: MaxOrderOptions = {},
): MaxOrderSize {
  checkAccount(account);
  checkPrices(prices);
  checkObject(request, 'request');
  checkOptions(options);
  const market = marketOf(account, request.marketId);
  const stepInput = request.step ?? market.stepSize;
  if (stepInput === undefined) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `market '${market.id}' has no step size; give step`, [
      'step',
    ]);
  }
  const step = decimalArg(stepInput, 'step');
  const { position } = targetPosition(account, request.marketId, request.positionId);
  const held = position?.size ?? new D(0);
  const opposite = !held.isZero() && held.isPositive() !== (request.side === 'buy');
  const closing = opposite ? held.abs().div(step).floor() : new D(0);
  if (request.reduceOnly) {
    // Bounded by the position, and by the book's depth on the side taken when a book is given.
    const levels = request.book
      ? request.side === 'buy'
        ? request.book.asks
        : request.book.bids
      : undefined;
    const depth = levels?.reduce((sum, l) => sum.plus(l.size), new D(0));
    if (depth?.lessThan(closing.times(step))) {
      return { size: depth.div(step).floor().times(step), limitedBy: 'liquidity' };
    }
    return { size: closing.times(step), limitedBy: 'position' };
  }

  const orders: ReadOrder[] | undefined =
    options.openOrders === undefined
      ? undefined
      : readOpenOrders(account, options.openOrders, ['options', 'openOrders']);
  const summaryOptions: SummaryOptions = options.priceSource ? { priceSource: options.priceSource } : {};
  const { step: _ignored, ...order } = request;
  // The account before the order is the same for every probe: summarise it once.
  const before = summarizeAccount(account, prices, summaryOptions);
  /** Whether k steps fill completely and pass the check, or what stops them. */
  const probe = (k: Decimal): 'passes' | MaxOrderSize['limitedBy'] => {
    if (k.isZero()) return 'passes';
    const preview = previewOrderCore(
      account,
      prices,
      { ...order, size: k.times(step) },
      summaryOptions,
      false,
      before,
    );
    if (preview.kind !== 'filled' || !preview.unfilled.isZero()) return 'liquidity';
    if (!preview.check.passes) return 'margin';
    // Resting orders keep their margin: the cross pool, where it met initial margin, must still cover it.
    const cross = preview.check.pools.find((p) => p.pool === 'cross');
    if (orders && cross?.reason === 'initial-margin-met') {
      const { reserved } = reservedMargin(
        preview.account,
        prices,
        orders,
        summaryOptions.priceSource ?? 'mark',
      );
      if (preview.summaryAfter.cross.freeCollateral.lessThan(reserved)) return 'margin';
    }
    return 'passes';
  };
  // Closing an opposite position is a reduction: search above it, where more size only adds risk.
  let lo = closing.greaterThan(0) && probe(closing) === 'passes' ? closing : new D(0);
  let hi = D.max(lo.times(2), new D(1));
  // What stops the smallest failing size found so far: the answer is one step below it.
  let stop = probe(hi);
  while (stop === 'passes') {
    lo = hi;
    hi = hi.times(2);
    if (hi.greaterThan('1e30'))
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'no margin bound found', ['step']);
    stop = probe(hi);
  }
  while (hi.minus(lo).greaterThan(1)) {
    const mid = lo.plus(hi).div(2).floor();
    const result = probe(mid);
    if (result === 'passes') lo = mid;
    else {
      hi = mid;
      stop = result;
    }
  }
  return { size: lo.times(step), limitedBy: stop };
}
