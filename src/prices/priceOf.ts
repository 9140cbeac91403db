import { MissingPriceError } from '../errors/MissingPriceError.js';
import { checkChoice, checkPrices, checkText } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { describeValue } from '../internal/quoteInput.js';
import type { PriceSource, Prices } from './Prices.js';

/**
 * The `source` price (mark or oracle) of a market from a price snapshot.
 *
 * @param prices - the snapshot.
 * @param marketId - the market.
 * @param source - `'mark'` or `'oracle'`.
 * @throws {@link MissingPriceError} `MISSING_PRICE` with the path of the missing entry.
 * @example
 * ```ts
 * import { createPrices, priceOf } from 'marginkit';
 * priceOf(createPrices({ markets: { 'ETH-PERP': { oracle: 3000, mark: 3001 } } }), 'ETH-PERP', 'oracle').toString(); // => '3000'
 * ```
 * @category Prices
 */
export function priceOf(prices: Prices, marketId: string, source: PriceSource): Decimal {
  checkPrices(prices);
  checkText(marketId, 'marketId');
  checkChoice(source, 'source', ['mark', 'oracle']);
  return priceAt(prices, marketId, source);
}

/** {@link priceOf} on arguments already checked (the engine's inner step). */
export function priceAt(prices: Prices, marketId: string, source: PriceSource): Decimal {
  const entry = Object.hasOwn(prices.markets, marketId) ? prices.markets[marketId] : undefined;
  const price = entry?.[source];
  if (!price) {
    throw new MissingPriceError('MISSING_PRICE', `no ${source} price for market ${describeValue(marketId)}`, [
      'markets',
      marketId,
      source,
    ]);
  }
  return price;
}
