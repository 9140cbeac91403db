import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkBook, checkList, checkMarket, checkOptions } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { Market } from '../market/Market.js';
import type { BookLevel, OrderBook } from './OrderBook.js';
import { quoteValue } from './quoteValue.js';
import { midPrice } from './walkOrderBook.js';

/**
 * Options of {@link orderBookMetrics}.
 * @category Execution
 */
export interface BookMetricsOptions {
  /** Bands around the mid, as fractions (0.01 is ±1 %), to measure the depth within. Default none. */
  readonly depthWithin?: readonly DecimalInput[];
  /** The book's market, to count depth in quote with its contract size (inverse: `size · contractSize`). */
  readonly market?: Market;
}

/**
 * The resting size within a band around the mid: bids priced ≥ `mid·(1 − within)`, asks ≤ `mid·(1 + within)`.
 * @category Execution
 */
export interface BookDepth {
  /** The band, a fraction of the mid. */
  readonly within: Decimal;
  /** Bid size in the band, in contracts. */
  readonly bidSize: Decimal;
  /** Ask size in the band, in contracts. */
  readonly askSize: Decimal;
  /** Bid value in the band, in quote (Σ size·price·contractSize; inverse Σ size·contractSize). */
  readonly bidQuote: Decimal;
  /** Ask value in the band, in quote. */
  readonly askQuote: Decimal;
}

/**
 * Result of {@link orderBookMetrics}. Without both sides there is no mid: `kind: 'one-sided'` carries what exists.
 * @category Execution
 */
export type BookMetrics =
  | {
      readonly kind: 'two-sided';
      readonly bestBid: Decimal;
      readonly bestAsk: Decimal;
      /** `(bestBid + bestAsk) / 2`. */
      readonly mid: Decimal;
      /** `bestAsk − bestBid`. */
      readonly spread: Decimal;
      /** `spread / mid · 10 000`, in basis points. */
      readonly spreadBps: Decimal;
      /** One entry per band of `depthWithin`, in its order. */
      readonly depth: readonly BookDepth[];
    }
  | { readonly kind: 'one-sided'; readonly bestBid?: Decimal; readonly bestAsk?: Decimal };

/** Size and quote of the levels that satisfy `inside` (levels run outward from the best, so the walk stops early). */
function sideDepth(
  levels: readonly BookLevel[],
  market: Market | undefined,
  inside: (price: Decimal) => boolean,
): { size: Decimal; quote: Decimal } {
  let size = new Decimal(0);
  let quote = new Decimal(0);
  for (const level of levels) {
    if (!inside(level.price)) break;
    size = size.plus(level.size);
    quote = quote.plus(quoteValue(market, level.size, level.price));
  }
  return { size, quote };
}

/**
 * Top-of-book and depth metrics of a book: best bid and ask, `mid = (bid + ask)/2`, `spread = ask − bid`,
 * `spreadBps = spread / mid · 10⁴`, and for each band `x` the resting size and quote value of the bids priced
 * ≥ `mid·(1 − x)` and of the asks ≤ `mid·(1 + x)`.
 *
 * Units: prices in quote per base; sizes in contracts; quote values in the quote currency.
 *
 * @param book - a book from {@link createOrderBook}.
 * @param options - `depthWithin`: bands as fractions (each in [0, 1]); `market` for quote values.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a band outside [0, 1] (path `['options', 'depthWithin', i]`).
 * @example
 * ```ts
 * import { createOrderBook, orderBookMetrics } from 'marginkit';
 * const book = createOrderBook({ bids: [[99.9, 2], [99, 5]], asks: [[100.1, 1], [101, 4]] });
 * const m = orderBookMetrics(book, { depthWithin: ['0.005'] });
 * if (m.kind === 'two-sided') [m.mid.toString(), m.spread.toString(), m.spreadBps.toString()]; // => ['100', '0.2', '20']
 * if (m.kind === 'two-sided') m.depth[0]?.bidQuote.toString(); // => '199.8'  (bids ≥ 99.5: 2 at 99.9)
 * ```
 * @category Execution
 */
export function orderBookMetrics(book: OrderBook, options: BookMetricsOptions = {}): BookMetrics {
  checkBook(book);
  checkOptions(options);
  if (options.market !== undefined) checkMarket(options.market, 'options.market');
  const bands = options.depthWithin ?? [];
  checkList(bands, 'options.depthWithin');
  const within = bands.map((b, i) => {
    const path = ['options', 'depthWithin', i];
    const x = decimalArg(b, 'depthWithin', path);
    if (x.isNegative() || x.greaterThan(1)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `depthWithin[${i}] must be in [0, 1]`, path);
    }
    return x;
  });
  const bid = book.bids[0];
  const ask = book.asks[0];
  const mid = midPrice(book);
  if (!bid || !ask || !mid) {
    return {
      kind: 'one-sided',
      ...(bid ? { bestBid: bid.price } : {}),
      ...(ask ? { bestAsk: ask.price } : {}),
    };
  }
  const spread = ask.price.minus(bid.price);
  const market = options.market;
  const depth = within.map((x) => {
    const floor = mid.times(new Decimal(1).minus(x));
    const ceiling = mid.times(x.plus(1));
    const bids = sideDepth(book.bids, market, (p) => p.gte(floor));
    const asks = sideDepth(book.asks, market, (p) => p.lte(ceiling));
    return { within: x, bidSize: bids.size, askSize: asks.size, bidQuote: bids.quote, askQuote: asks.quote };
  });
  return {
    kind: 'two-sided',
    bestBid: bid.price,
    bestAsk: ask.price,
    mid,
    spread,
    spreadBps: spread.div(mid).times(10_000),
    depth,
  };
}
