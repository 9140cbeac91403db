import { ZERO } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import { notional as notionalOf } from '../margin/notional.js';
import type { Market } from '../market/Market.js';
import type { BookLevel } from './OrderBook.js';

/**
 * Running totals of one side of a frozen book, level by level, in the order a walk takes them: entry i holds the
 * sums over levels 0…i−1 (size, Σ size·price, notional in the market's settlement asset, and Σ size/price), added
 * in the same order as a walk adds them, so a walk that ends inside level k reads them instead of re-adding.
 */
export interface BookIndex {
  readonly size: Decimal[];
  readonly quote: Decimal[];
  readonly notional: Decimal[];
  readonly inverse: Decimal[];
}

const cache = /*#__PURE__*/ new WeakMap<readonly BookLevel[], Map<Market | undefined, BookIndex>>();

/** Books shorter than this are walked level by level. */
export const INDEXED_DEPTH = 32;

/**
 * The cached index of a frozen side for a market (notional depends on its kind and contract size), extended as
 * far as a walk of `requested` needs: the totals are built once, level by level, and only as deep as walks go.
 */
export function bookIndex(
  levels: readonly BookLevel[],
  market: Market | undefined,
  requested: Decimal,
): BookIndex {
  let byMarket = cache.get(levels);
  let index = byMarket?.get(market);
  if (!index) {
    const zero = ZERO();
    index = { size: [zero], quote: [zero], notional: [zero], inverse: [zero] };
    if (!byMarket) {
      byMarket = new Map();
      cache.set(levels, byMarket);
    }
    byMarket.set(market, index);
  }
  const { size, quote, notional, inverse } = index;
  let k = size.length - 1;
  let s = size[k] as Decimal;
  let q = quote[k] as Decimal;
  let n = notional[k] as Decimal;
  let h = inverse[k] as Decimal;
  // Enough levels to hold the walk's last one (size[k] ≥ requested), or all of them.
  while (k < levels.length && s.lessThan(requested)) {
    const level = levels[k] as BookLevel;
    s = s.plus(level.size);
    q = q.plus(level.size.times(level.price));
    n = n.plus(market ? notionalOf(market, level.size, level.price) : level.size.times(level.price));
    if (market?.kind === 'inverse') h = h.plus(level.size.div(level.price));
    size.push(s);
    quote.push(q);
    notional.push(n);
    inverse.push(h);
    k++;
  }
  return index;
}

/** The number of whole levels a walk of `requested` takes before the level it ends in (binary search). */
export function wholeLevels(index: BookIndex, requested: Decimal): number {
  // The first k with size[k+1] ≥ requested; k = levels when the book is exhausted.
  let lo = 0;
  let hi = index.size.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((index.size[mid + 1] as Decimal).lessThan(requested)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
