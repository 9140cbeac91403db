import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkBook, checkChoice, checkOptions } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { notional as notionalOf } from '../margin/notional.js';
import type { Market } from '../market/Market.js';
import { bookIndex, INDEXED_DEPTH, wholeLevels } from './bookIndex.js';
import type { BookLevel, OrderBook, OrderSide } from './OrderBook.js';

/**
 * Options of {@link walkOrderBook}.
 * @category Execution
 */
export interface WalkOptions {
  /** The market, so notional and fee are in its settlement asset (inverse: coin). Without it, notional is Σ price · size. */
  readonly market?: Market;
  /** Fee rate on the filled notional (taker fee, e.g. 0.0005). */
  readonly feeRate?: DecimalInput;
  /** Mark price, to report slippage against it. */
  readonly mark?: DecimalInput;
  /** Oracle price, to report slippage against it. */
  readonly oracle?: DecimalInput;
}

/**
 * Slippage of the average fill price against reference prices, as a signed fraction that is positive when the
 * fill is worse than the reference (a buy above it, a sell below it). A reference that is not known is absent.
 * @category Execution
 */
export interface Slippage {
  /** Against the mid of the best bid and ask (absent when a side is empty). */
  readonly mid?: Decimal;
  /** Against the best price on the side taken. */
  readonly best: Decimal;
  /** Against the mark price given. */
  readonly mark?: Decimal;
  /** Against the oracle price given. */
  readonly oracle?: Decimal;
}

/**
 * Result of walking a book with a market order.
 *
 * - `filled` / `partial`: the order filled completely, or the side ran out (`unfilled` > 0).
 * - `none`: the side taken is empty; nothing fills (a value, not an error).
 * @category Execution
 */
export type BookWalk =
  | {
      readonly kind: 'filled' | 'partial';
      readonly side: OrderSide;
      readonly requested: Decimal;
      readonly filled: Decimal;
      readonly unfilled: Decimal;
      /** Volume-weighted average fill price (VWAP; harmonic for an inverse market given in the options). */
      readonly averagePrice: Decimal;
      /** Best level's price on the side taken. */
      readonly bestPrice: Decimal;
      /** Price of the last level touched. */
      readonly worstPrice: Decimal;
      /** Each level's contribution, in the order taken. */
      readonly fills: readonly BookLevel[];
      /** Notional filled, settlement asset (Σ over the fills). */
      readonly notional: Decimal;
      /** `notional · feeRate` (0 without a fee rate). */
      readonly fee: Decimal;
      readonly slippage: Slippage;
    }
  | {
      readonly kind: 'none';
      readonly side: OrderSide;
      readonly requested: Decimal;
      readonly unfilled: Decimal;
    };

/** `(average − ref)/ref` for a buy, `(ref − average)/ref` for a sell. */
export function slippageAgainst(side: OrderSide, average: Decimal, reference: Decimal): Decimal {
  const diff = side === 'buy' ? average.minus(reference) : reference.minus(average);
  return diff.div(reference);
}

/** Mid of the best bid and ask, if both sides have a level. */
export function midPrice(book: OrderBook): Decimal | undefined {
  const bid = book.bids[0];
  const ask = book.asks[0];
  return bid && ask ? bid.price.plus(ask.price).div(2) : undefined;
}

/**
 * Walks an L2 book with a market order of `size` contracts: takes the asks (buy) or bids (sell) level by level
 * until the size is filled or the side runs out.
 *
 * `averagePrice = Σ pᵢ·qᵢ / Σ qᵢ`; slippage against mid, best, mark and oracle as signed fractions (positive:
 * worse than the reference); `fee = notional · feeRate` with notional in the settlement asset.
 *
 * @param book - the book.
 * @param side - `'buy'` or `'sell'`.
 * @param size - order size in contracts, > 0.
 * @param options - market, fee rate and reference prices.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` when the size is not > 0.
 * @example
 * ```ts
 * import { createOrderBook, walkOrderBook } from 'marginkit';
 * const book = createOrderBook({ bids: [[99, 10]], asks: [[101, 2], [102, 3]] });
 * const walk = walkOrderBook(book, 'buy', 4);
 * if (walk.kind !== 'none') walk.averagePrice.toString(); // => '101.5'  ((2·101 + 2·102) / 4)
 * ```
 * @category Execution
 */
export function walkOrderBook(
  book: OrderBook,
  side: OrderSide,
  size: DecimalInput,
  options: WalkOptions = {},
): BookWalk {
  checkBook(book);
  checkChoice(side, 'side', ['buy', 'sell']);
  checkOptions(options);
  const requested = decimalArg(size, 'size');
  if (!requested.isPositive() || requested.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'size must be > 0', ['size']);
  }
  const levels = side === 'buy' ? book.asks : book.bids;
  const best = levels[0];
  if (!best) return { kind: 'none', side, requested, unfilled: requested };
  let fills: BookLevel[];
  let remaining: Decimal;
  let quote: Decimal;
  let notional: Decimal;
  let harmonic: Decimal | undefined;
  if (levels.length > INDEXED_DEPTH && Object.isFrozen(levels)) {
    // A deep created book: read the running totals up to the level the walk ends in, then take the rest of it.
    const index = bookIndex(levels, options.market, requested);
    const k = wholeLevels(index, requested);
    fills = levels.slice(0, k);
    remaining = requested.minus(index.size[k] as Decimal);
    quote = index.quote[k] as Decimal;
    notional = index.notional[k] as Decimal;
    harmonic = index.inverse[k] as Decimal;
    const level = levels[k];
    if (level && !remaining.isZero()) {
      const take = D.min(remaining, level.size);
      fills.push({ price: level.price, size: take });
      quote = quote.plus(take.times(level.price));
      notional = notional.plus(
        options.market ? notionalOf(options.market, take, level.price) : take.times(level.price),
      );
      harmonic = harmonic.plus(take.div(level.price));
      remaining = remaining.minus(take);
    }
  } else {
    fills = [];
    remaining = requested;
    quote = new D(0);
    notional = new D(0);
    for (const level of levels) {
      if (remaining.isZero()) break;
      const take = D.min(remaining, level.size);
      fills.push({ price: level.price, size: take });
      quote = quote.plus(take.times(level.price));
      notional = notional.plus(
        options.market ? notionalOf(options.market, take, level.price) : take.times(level.price),
      );
      remaining = remaining.minus(take);
    }
  }
  const filled = requested.minus(remaining);
  // The average that reproduces the filled notional: arithmetic in price for linear contracts, harmonic for
  // inverse ones (Σq / Σ(q/p)), as an inverse position's entry is.
  const averagePrice =
    options.market?.kind === 'inverse'
      ? filled.div(harmonic ?? fills.reduce((sum, f) => sum.plus(f.size.div(f.price)), new D(0)))
      : quote.div(filled);
  const last = fills[fills.length - 1] ?? best;
  const mid = midPrice(book);
  const mark = options.mark === undefined ? undefined : positiveArg(options.mark, 'mark');
  const oracle = options.oracle === undefined ? undefined : positiveArg(options.oracle, 'oracle');
  const slippage: Slippage = {
    best: slippageAgainst(side, averagePrice, best.price),
    ...(mid ? { mid: slippageAgainst(side, averagePrice, mid) } : {}),
    ...(mark ? { mark: slippageAgainst(side, averagePrice, mark) } : {}),
    ...(oracle ? { oracle: slippageAgainst(side, averagePrice, oracle) } : {}),
  };
  const feeRate = options.feeRate === undefined ? new D(0) : decimalArg(options.feeRate, 'feeRate');
  return {
    kind: remaining.isZero() ? 'filled' : 'partial',
    side,
    requested,
    filled,
    unfilled: remaining,
    averagePrice,
    bestPrice: best.price,
    worstPrice: last.price,
    fills,
    notional,
    fee: notional.times(feeRate),
    slippage,
  };
}
