import type { Decimal } from '../internal/decimal.js';
import type { Market } from '../market/Market.js';

/**
 * What `size` contracts at `price` cost in the quote currency: `size·price·contractSize` (linear, or no market), or
 * `size·contractSize` for an inverse market, whose contracts are denominated in the quote currency.
 */
export function quoteValue(market: Market | undefined, size: Decimal, price: Decimal): Decimal {
  if (!market) return size.times(price);
  return market.kind === 'inverse'
    ? size.times(market.contractSize)
    : size.times(price).times(market.contractSize);
}
