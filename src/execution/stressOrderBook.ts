import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkBook, checkObject } from '../internal/argumentShape.js';
import type { DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { deepFreeze } from '../internal/freeze.js';
import type { OrderBook } from './OrderBook.js';
import { midPrice } from './walkOrderBook.js';

/**
 * How to stress a book.
 * @category Execution
 */
export interface BookStress {
  /** Multiplies every level's size (0.25 keeps a quarter of the depth). Default 1. */
  readonly depthFactor?: DecimalInput;
  /** Widens the spread by this fraction of the mid, half on each side (0.01: bids −0.5 %·mid, asks +0.5 %·mid). Default 0. */
  readonly spreadWidening?: DecimalInput;
}

/**
 * A stressed copy of a book for liquidity stress runs: sizes scaled by `depthFactor`, bids moved down and asks
 * up by `spreadWidening · mid / 2` each (bid levels that would reach a price ≤ 0 are dropped).
 *
 * @param book - the book.
 * @param stress - depth factor (> 0) and spread widening (≥ 0).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a depth factor ≤ 0 or a negative widening, or a
 *   widening on a one-sided book (no mid).
 * @example
 * ```ts
 * import { createOrderBook, stressOrderBook } from 'marginkit';
 * const book = createOrderBook({ bids: [[99, 10]], asks: [[101, 10]] });
 * const thin = stressOrderBook(book, { depthFactor: '0.5', spreadWidening: '0.02' });
 * thin.asks[0]?.price.toString(); // => '102'
 * thin.asks[0]?.size.toString(); // => '5'
 * ```
 * @category Execution
 */
export function stressOrderBook(book: OrderBook, stress: BookStress): OrderBook {
  checkBook(book);
  checkObject(stress, 'stress');
  const factor = decimalArg(stress.depthFactor ?? 1, 'depthFactor');
  const widening = decimalArg(stress.spreadWidening ?? 0, 'spreadWidening');
  if (!factor.isPositive() || factor.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'depthFactor must be > 0', ['depthFactor']);
  }
  if (widening.isNegative() && !widening.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'spreadWidening must be ≥ 0', ['spreadWidening']);
  }
  let shift = widening.times(0);
  if (!widening.isZero()) {
    const mid = midPrice(book);
    if (!mid)
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'widening needs both sides of the book', [
        'spreadWidening',
      ]);
    shift = widening.times(mid).div(2);
  }
  return deepFreeze({
    bids: book.bids
      .map((l) => ({ price: l.price.minus(shift), size: l.size.times(factor) }))
      .filter((l) => l.price.isPositive() && !l.price.isZero()),
    asks: book.asks.map((l) => ({ price: l.price.plus(shift), size: l.size.times(factor) })),
  });
}
