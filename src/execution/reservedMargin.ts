import type { MarginAccount } from '../account/MarginAccount.js';
import { ONE } from '../internal/constants.js';
import { Decimal } from '../internal/decimal.js';
import { notional } from '../margin/notional.js';
import { requirementAt } from '../margin/requirementAt.js';
import { marketOf } from '../margin/summarizeAccount.js';
import type { PriceSource, Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import type { ReadOrder } from './OpenOrder.js';
import type { OrderSide } from './OrderBook.js';

/**
 * Initial margin held for one market's resting orders.
 * @category Execution
 */
export interface MarketReservation {
  /** The market. */
  readonly marketId: string;
  /** Initial margin of the buy orders' opening part. */
  readonly buy: Decimal;
  /** Initial margin of the sell orders' opening part. */
  readonly sell: Decimal;
  /** `max(buy, sell)`: only one side can fill before the other is cancelled or turns into a reduction. */
  readonly reserved: Decimal;
}

/** The margin held by the opening part of one side's orders (see {@link openOrderMargin}). */
function sideReservation(
  account: MarginAccount,
  prices: Prices,
  marketId: string,
  side: OrderSide,
  orders: readonly ReadOrder[],
  priceSource: PriceSource,
): Decimal {
  const market = marketOf(account, marketId);
  const held = account.positions.filter((p) => p.marketId === marketId);
  const size = held.reduce((sum, p) => sum.plus(p.size), new Decimal(0));
  const reduces = side === 'buy' ? size.isNegative() : size.isPositive() && !size.isZero();
  // Fill order: a rising price fills sells from the lowest, a falling one buys from the highest.
  const sorted = orders
    .filter((o) => o.marketId === marketId && o.side === side)
    .sort((a, b) => (side === 'buy' ? b.price.comparedTo(a.price) : a.price.comparedTo(b.price)));
  if (sorted.length === 0) return new Decimal(0);
  let closable = reduces ? size.abs() : new Decimal(0);
  let opening = new Decimal(0);
  for (const order of sorted) {
    const reduce = Decimal.min(closable, order.size);
    closable = closable.minus(reduce);
    const open = order.size.minus(reduce);
    if (!open.isZero()) opening = opening.plus(notional(market, open, order.price));
  }
  if (opening.isZero()) return opening;
  const mark = priceOf(prices, marketId, priceSource);
  // The tier is the one of the position the side would build: the held one plus the openings on the same side.
  const base = reduces ? new Decimal(0) : notional(market, size, mark);
  const leverage = held.length === 1 ? held[0]?.leverage : undefined;
  const entry = Object.hasOwn(prices.markets, marketId) ? prices.markets[marketId] : undefined;
  const fraction = requirementAt(
    market,
    base.plus(opening),
    mark,
    leverage ? ONE().div(leverage) : undefined,
    entry?.openInterest,
  ).initialFraction;
  return opening.times(fraction);
}

/** The initial margin held by resting orders, per market and in total (see {@link openOrderMargin}). */
export function reservedMargin(
  account: MarginAccount,
  prices: Prices,
  orders: readonly ReadOrder[],
  priceSource: PriceSource,
): { readonly reserved: Decimal; readonly markets: readonly MarketReservation[] } {
  const ids = [...new Set(orders.map((o) => o.marketId))];
  let reserved = new Decimal(0);
  const markets = ids.map((marketId): MarketReservation => {
    const buy = sideReservation(account, prices, marketId, 'buy', orders, priceSource);
    const sell = sideReservation(account, prices, marketId, 'sell', orders, priceSource);
    const larger = Decimal.max(buy, sell);
    reserved = reserved.plus(larger);
    return { marketId, buy, sell, reserved: larger };
  });
  return { reserved, markets };
}
