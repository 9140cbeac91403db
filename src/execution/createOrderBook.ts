import { deepFreeze } from '../internal/freeze.js';
import { orderBookSchema } from '../schemas/orderBook.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { OrderBook, OrderBookInput } from './OrderBook.js';

/**
 * Validates an L2 order book and returns it frozen, levels as exact decimals.
 *
 * Rules: every price and size > 0; bids strictly descending, asks strictly ascending; best bid below best ask.
 *
 * @param input - bids and asks, each level `{ price, size }` or `[price, size]`.
 * @throws {@link ValidationError} `NOT_IN_ORDER`, `CROSSED_BOOK`, `NOT_POSITIVE`, … with the level's path.
 * @example
 * ```ts
 * import { createOrderBook } from 'marginkit';
 * const book = createOrderBook({ bids: [[99.5, 10], [99, 20]], asks: [[100.5, 5], [101, 30]] });
 * book.asks[0]?.price.toString(); // => '100.5'
 * ```
 * @category Execution
 */
export function createOrderBook(input: OrderBookInput | OrderBook): OrderBook {
  return deepFreeze(parseOrThrow(orderBookSchema(), input) as OrderBook);
}
