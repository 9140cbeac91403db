import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkBook, checkChoice, checkOptions } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { divideDown } from '../internal/divideDown.js';
import type { OrderBook, OrderSide } from './OrderBook.js';
import { midPrice } from './walkOrderBook.js';

/**
 * Options of {@link maxSizeWithinSlippage}.
 * @category Execution
 */
export interface SlippageLimitOptions {
  /** Reference price: `'mid'` (default), `'best'` (the side's best level), or a price. */
  readonly reference?: 'mid' | 'best' | DecimalInput;
  /** Limit the `'average'` fill price (default) or the `'worst'` level touched. */
  readonly measure?: 'average' | 'worst';
}

/**
 * The largest market order whose slippage stays within a limit.
 * @category Execution
 */
export interface SlippageLimitedSize {
  /** Largest size in contracts (0 when even the best level is beyond the limit, or the side is empty). */
  readonly size: Decimal;
  /** The limit price: `reference · (1 ± maxSlippage)` (absent when the side is empty and no reference exists). */
  readonly limitPrice?: Decimal;
  /** True when the whole side fits within the limit (the book, not the limit, bounds the size). */
  readonly bookExhausted: boolean;
}

/**
 * The largest size a market order can take while its slippage stays within `maxSlippage` (a fraction) of the
 * reference price. With `measure: 'average'` the VWAP is held to the limit price `L`, solved exactly inside the
 * last level: `x = (L·Q − C) / (p − L)` where `C`, `Q` are the quote and size taken before it; with `'worst'`
 * every level up to `L` is taken whole.
 *
 * @param book - the book.
 * @param side - `'buy'` takes asks, `'sell'` takes bids.
 * @param maxSlippage - limit as a fraction ≥ 0 (0.005 = 0.5 %).
 * @param options - reference and measure.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a negative limit, or a `'mid'` reference on a
 *   one-sided book.
 * @example
 * ```ts
 * import { createOrderBook, maxSizeWithinSlippage } from 'marginkit';
 * const book = createOrderBook({ bids: [[99, 10]], asks: [[101, 2], [103, 10]] });
 * // mid 100, limit 102: 2 at 101, then x at 103 with (202 + 103x)/(2 + x) = 102 → x = 2
 * maxSizeWithinSlippage(book, 'buy', '0.02').size.toString(); // => '4'
 * ```
 * @category Execution
 */
export function maxSizeWithinSlippage(
  book: OrderBook,
  side: OrderSide,
  maxSlippage: DecimalInput,
  options: SlippageLimitOptions = {},
): SlippageLimitedSize {
  checkBook(book);
  checkChoice(side, 'side', ['buy', 'sell']);
  checkOptions(options);
  const limit = decimalArg(maxSlippage, 'maxSlippage');
  if (limit.isNegative() && !limit.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'maxSlippage must be ≥ 0', ['maxSlippage']);
  }
  const levels = side === 'buy' ? book.asks : book.bids;
  const reference = options.reference ?? 'mid';
  let ref: Decimal | undefined;
  if (reference === 'mid') ref = midPrice(book);
  else if (reference === 'best') ref = levels[0]?.price;
  else ref = positiveArg(reference, 'reference');
  if (!ref) {
    if (levels.length === 0) return { size: new D(0), bookExhausted: true };
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a mid reference needs both sides of the book', [
      'reference',
    ]);
  }
  const limitPrice = side === 'buy' ? ref.times(limit.plus(1)) : ref.times(new D(1).minus(limit));
  const within = (p: Decimal) =>
    side === 'buy' ? p.lessThanOrEqualTo(limitPrice) : p.greaterThanOrEqualTo(limitPrice);
  let size = new D(0);
  let quote = new D(0);
  for (const level of levels) {
    let take = level.size;
    if (!within(level.price)) {
      if ((options.measure ?? 'average') === 'worst' || size.isZero())
        return { size, limitPrice, bookExhausted: false };
      // The size of this level that keeps the average at the limit: (C + p·x) / (Q + x) = L.
      // Rounded toward zero so the returned size never averages past the limit.
      const x = D.max(0, divideDown(limitPrice.times(size).minus(quote), level.price.minus(limitPrice)));
      if (x.lessThan(level.size)) return { size: size.plus(x), limitPrice, bookExhausted: false };
      take = level.size;
    }
    size = size.plus(take);
    quote = quote.plus(take.times(level.price));
  }
  return { size, limitPrice, bookExhausted: true };
}
