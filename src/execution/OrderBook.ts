import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * One price level of an order book.
 * @category Execution
 */
export interface BookLevel {
  /** Price in the quote asset, > 0. */
  readonly price: Decimal;
  /** Resting size in contracts, > 0. */
  readonly size: Decimal;
}

/**
 * An L2 order book: bids best (highest) first, asks best (lowest) first. Created by {@link createOrderBook};
 * frozen. Either side may be empty.
 * @category Execution
 */
export interface OrderBook {
  /** Bids, strictly descending in price. */
  readonly bids: readonly BookLevel[];
  /** Asks, strictly ascending in price. */
  readonly asks: readonly BookLevel[];
}

/**
 * Input form of an {@link OrderBook}: levels as `{ price, size }` objects or `[price, size]` pairs.
 * @category Execution
 */
export interface OrderBookInput {
  /** See {@link OrderBook.bids}. */
  readonly bids: readonly (
    | { readonly price: DecimalInput; readonly size: DecimalInput }
    | readonly [DecimalInput, DecimalInput]
  )[];
  /** See {@link OrderBook.asks}. */
  readonly asks: readonly (
    | { readonly price: DecimalInput; readonly size: DecimalInput }
    | readonly [DecimalInput, DecimalInput]
  )[];
}

/**
 * The side of an order: a buy takes the asks, a sell takes the bids.
 * @category Execution
 */
export type OrderSide = 'buy' | 'sell';
