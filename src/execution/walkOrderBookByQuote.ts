import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkBook, checkChoice, checkMarket, checkOptions } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { divideDown } from '../internal/divideDown.js';
import type { OrderBook, OrderSide } from './OrderBook.js';
import { quoteValue } from './quoteValue.js';
import { type BookWalk, type WalkOptions, walkOrderBook } from './walkOrderBook.js';

/**
 * Options of {@link walkOrderBookByQuote}: those of {@link walkOrderBook} plus the size step.
 * @category Execution
 */
export interface QuoteWalkOptions extends WalkOptions {
  /** Size step the order is rounded down to (> 0); defaults to the market's `stepSize`, else no rounding. */
  readonly stepSize?: DecimalInput;
}

/**
 * Result of {@link walkOrderBookByQuote}.
 *
 * - `filled`: the order of `size` spends `spent ≤ amount`, and one more step would spend more than `amount`.
 * - `partial`: the book ran out first; `size` is all of it (on the step).
 * - `none`: not one step is affordable, or the side is empty (`size` 0, no `walk`).
 * @category Execution
 */
export interface QuoteWalk {
  /** `'filled'`, `'partial'` or `'none'` (see above). */
  readonly kind: 'filled' | 'partial' | 'none';
  /** The side walked. */
  readonly side: OrderSide;
  /** The quote amount asked to spend. */
  readonly amount: Decimal;
  /** The order size, in contracts, on the step. */
  readonly size: Decimal;
  /** Quote spent by that order: Σ size·price·contractSize (inverse: Σ size·contractSize). */
  readonly spent: Decimal;
  /** `amount − spent`. */
  readonly unspent: Decimal;
  /** The walk of `size` (average price, fills, slippage, fee), absent for `none`. */
  readonly walk?: BookWalk;
}

/**
 * Walks a book by the quote amount to spend ("buy 10 000 USD of ETH") instead of a size: the largest size, rounded
 * down to the size step, whose fills cost at most `amount`:
 *
 * `size = ⌊q / step⌋ · step`, where `q` fills whole levels while `Σ cost ≤ amount` and takes
 * `(amount − Σ cost) / (price · contractSize)` of the next (rounded toward zero); `cost = size · price ·
 * contractSize` (linear, or no market), `size · contractSize` (inverse: its contracts are quote-denominated).
 * The walk of that size is {@link walkOrderBook}'s.
 *
 * Units: `amount` in the quote currency; sizes in contracts (base units when the contract size is 1). For a sell,
 * the amount is the quote to receive.
 *
 * @param book - a book from {@link createOrderBook}.
 * @param side - `'buy'` walks the asks, `'sell'` the bids.
 * @param amount - quote to spend (> 0).
 * @param options - `stepSize` (default: the market's); the {@link WalkOptions} of the walk.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for an amount ≤ 0 or a step ≤ 0.
 * @example
 * ```ts
 * import { createOrderBook, walkOrderBookByQuote } from 'marginkit';
 * const book = createOrderBook({ bids: [[99, 10]], asks: [[100, 1], [101, 5]] });
 * const w = walkOrderBookByQuote(book, 'buy', 250, { stepSize: '0.1' });
 * [w.kind, w.size.toString(), w.spent.toString()]; // => ['filled', '2.4', '241.4']  (100 + 1.4 · 101; 2.5 would cost 251.5)
 * ```
 * @category Execution
 */
export function walkOrderBookByQuote(
  book: OrderBook,
  side: OrderSide,
  amount: DecimalInput,
  options: QuoteWalkOptions = {},
): QuoteWalk {
  checkBook(book);
  checkChoice(side, 'side', ['buy', 'sell']);
  checkOptions(options);
  if (options.market !== undefined) checkMarket(options.market, 'options.market');
  const budget = decimalArg(amount, 'amount');
  if (!budget.isPositive() || budget.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'amount must be > 0', ['amount']);
  }
  const step =
    options.stepSize === undefined
      ? options.market?.stepSize
      : decimalArg(options.stepSize, 'stepSize', ['options', 'stepSize']);
  if (step && (!step.isPositive() || step.isZero())) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'stepSize must be > 0', ['options', 'stepSize']);
  }
  const market = options.market;
  const levels = side === 'buy' ? book.asks : book.bids;
  let size = new Decimal(0);
  let left = budget;
  let rest = true; // every level was taken whole
  for (const level of levels) {
    const cost = quoteValue(market, level.size, level.price);
    if (cost.lte(left)) {
      size = size.plus(level.size);
      left = left.minus(cost);
      continue;
    }
    // Part of this level: rounded toward zero so the cost stays within the amount.
    size = size.plus(divideDown(left, quoteValue(market, new Decimal(1), level.price)));
    rest = false;
    break;
  }
  if (step) size = divideDown(size, step).floor().times(step);
  // The book ran out before the amount was spent.
  const exhausted = rest && !left.isZero();
  if (size.isZero()) {
    return { kind: 'none', side, amount: budget, size, spent: size, unspent: budget };
  }
  const walk = walkOrderBook(book, side, size, options);
  let spent = new Decimal(0);
  if (walk.kind !== 'none')
    for (const fill of walk.fills) spent = spent.plus(quoteValue(market, fill.size, fill.price));
  return {
    kind: exhausted ? 'partial' : 'filled',
    side,
    amount: budget,
    size,
    spent,
    unspent: budget.minus(spent),
    walk,
  };
}
